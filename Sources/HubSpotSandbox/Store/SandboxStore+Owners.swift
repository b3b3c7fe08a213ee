import JSONValue

extension SandboxStore {
    /// `GET /crm/v3/owners?email=&after=&limit=&archived=` → `{"results":[PublicOwner], "paging"?}`
    /// (hubspot-api.md §6). Owners come in id order; `after` is the id of the first owner of the next page;
    /// `archived=true` lists only archived owners, as the records API does.
    public func listOwners(email: String?, after: String?, limit: Int, archived: Bool, linkBase: String) throws(HubSpotError) -> JSONValue {
        var start = 0
        if let after, !after.isEmpty {
            guard let cursor = Int(after) else { throw HubSpotError.validation("Invalid after value: \(after)") }
            start = owners.firstIndex { (Int($0["id"]?.stringValue ?? "") ?? 0) >= cursor } ?? owners.count
        }
        let wanted = email?.lowercased()
        var results: [JSONValue] = []
        var next: String?
        for owner in owners[start...] where owner["archived"]?.boolValue == archived {
            if let wanted, owner["email"]?.stringValue?.lowercased() != wanted { continue }
            if results.count == limit { next = owner["id"]?.stringValue; break }
            results.append(.object(owner))
        }
        var body: JSONObject = ["results": .array(results)]
        if let next {
            var link = "\(linkBase)?limit=\(limit)&after=\(next)"
            if let email { link += "&email=\(email)" }
            if archived { link += "&archived=true" }
            body["paging"] = ["next": ["after": .string(next), "link": .string(link)]]
        }
        return .object(body)
    }

    /// `GET /crm/v3/owners/{ownerId}?idProperty=id|userId&archived=` → one `PublicOwner`, or 404 (the
    /// message is UNCONFIRMED). An archived owner has `userId: null`, so with `archived=true` a userId
    /// is matched against `userIdIncludingInactive`.
    public func readOwner(_ reference: String, idProperty: String?, archived: Bool) throws(HubSpotError) -> JSONValue {
        let key: String
        switch idProperty ?? "id" {
        case "id": key = "id"
        case "userId": key = archived ? "userIdIncludingInactive" : "userId"
        default: throw HubSpotError.validation("Invalid idProperty: \(idProperty ?? ""). Valid options are: [id, userId]")
        }
        guard let owner = owners.first(where: { $0[key]?.scalarText == reference && $0["archived"]?.boolValue == archived }) else {
            throw HubSpotError.resourceNotFound("Unable to find owner with \(idProperty ?? "id") \(reference)")
        }
        return .object(owner)
    }

    /// Replaces the owners (kept in id order) and lists the active ones as the options of every
    /// `hubspot_owner_id` property, as HubSpot's owner property offers the account's owners.
    func installOwners(_ list: [JSONObject]) {
        owners = list.sorted { (Int($0["id"]?.stringValue ?? "") ?? 0) < (Int($1["id"]?.stringValue ?? "") ?? 0) }
        Self.setOwnerOptions(owners, in: &properties)
    }

    /// Lists the active `owners` as the options of every `hubspot_owner_id` property in `properties`.
    static func setOwnerOptions(_ owners: [JSONObject], in properties: inout [String: PropertyCatalog]) {
        let options = owners.filter { $0["archived"]?.boolValue == false }.enumerated().map { index, owner in
            let name = [owner["firstName"]?.stringValue, owner["lastName"]?.stringValue].compactMap { $0 }.filter { !$0.isEmpty }
            return PropertyOption(label: name.joined(separator: " "), value: owner["id"]?.stringValue ?? "", displayOrder: index)
        }
        for typeId in properties.keys where properties[typeId]?["hubspot_owner_id"] != nil {
            properties[typeId]!["hubspot_owner_id"]!.options = options
        }
    }

    /// The `userId` of the account's own user (the token's user): the first active person among the
    /// owners. Token introspection reports it.
    var accountUserId: Int? {
        owners.first { $0["type"] == "PERSON" && $0["archived"]?.boolValue == false }?["userId"]?.intValue
    }
}
