extension SandboxStore {
    /// `GET /crm/v3/owners?email=&after=&limit=&archived=` (hubspot-api.md §6): a page of owners in id
    /// order, and the id of the next page's first owner, if any; `archived=true` lists only archived
    /// owners, as the records API does.
    func listOwners(email: String?, after: String?, limit: Int, archived: Bool) throws(HubSpotError) -> (owners: [Owner], next: String?) {
        var start = 0
        if let after, !after.isEmpty {
            guard let cursor = Int(after) else { throw HubSpotError.validation("Invalid after value: \(after)") }
            start = owners.firstIndex { $0.numericId >= cursor } ?? owners.count
        }
        let wanted = email?.lowercased()
        var page: [Owner] = []
        for owner in owners[start...] where owner.archived == archived {
            if let wanted, owner.email?.lowercased() != wanted { continue }
            if page.count == limit { return (page, owner.id) }
            page.append(owner)
        }
        return (page, nil)
    }

    /// `GET /crm/v3/owners/{ownerId}?idProperty=id|userId&archived=`: one owner, or 404 (the message is
    /// UNCONFIRMED). An archived owner has no `userId`, so with `archived=true` a userId is matched
    /// against `userIdIncludingInactive`.
    func readOwner(_ reference: String, idProperty: String?, archived: Bool) throws(HubSpotError) -> Owner {
        let key: (Owner) -> String?
        switch idProperty ?? "id" {
        case "id": key = \.id
        case "userId": key = { (archived ? $0.userIdIncludingInactive : $0.userId).map(String.init) }
        default: throw HubSpotError.validation("Invalid idProperty: \(idProperty ?? ""). Valid options are: [id, userId]")
        }
        guard let owner = owners.first(where: { key($0) == reference && $0.archived == archived }) else {
            throw HubSpotError.resourceNotFound("Unable to find owner with \(idProperty ?? "id") \(reference)")
        }
        return owner
    }

    /// Replaces the owners (kept in id order) and lists the active ones as the options of every
    /// `hubspot_owner_id` property, as HubSpot's owner property offers the account's owners.
    func installOwners(_ list: [Owner]) {
        owners = list.sorted { $0.numericId < $1.numericId }
        Self.setOwnerOptions(owners, in: &properties)
    }

    /// Lists the active `owners` as the options of every `hubspot_owner_id` property in `properties`.
    static func setOwnerOptions(_ owners: [Owner], in properties: inout [String: PropertyCatalog]) {
        let options = owners.filter { !$0.archived }.enumerated().map { index, owner in
            PropertyOption(label: owner.name, value: owner.id, displayOrder: index)
        }
        for typeId in properties.keys {
            properties[typeId]?["hubspot_owner_id"]?.options = options
        }
    }

    /// The `userId` of the account's own user (the token's user): the first active person among the
    /// owners. Token introspection reports it.
    var accountUserId: Int? {
        owners.first(where: \.isActiveUser)?.userId
    }
}
