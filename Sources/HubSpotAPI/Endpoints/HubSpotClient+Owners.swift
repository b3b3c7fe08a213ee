import JSONValue

/// The owners API (hubspot-api.md §6), read-only.
extension HubSpotClient {
    /// What `owner(_:idProperty:)` looks an owner up by.
    public enum OwnerIdProperty: String, Sendable {
        /// The owner id (what `hubspot_owner_id` holds).
        case id
        /// The user id of the person.
        case userId
    }

    /// Every owner, all pages (an account has few). `email` keeps the owner with that address;
    /// `archived` lists only archived owners.
    public func owners(email: String? = nil, archived: Bool = false) async throws(HubSpotAPIError) -> [Owner] {
        var owners: [Owner] = []
        var after: String?
        repeat {
            let page = try await ownersPage(limit: 100, after: after, email: email, archived: archived)
            owners += page.results
            after = page.after
        } while after != nil
        return owners
    }

    /// One page of `GET …/owners`.
    public func ownersPage(limit: Int = 100, after: String? = nil, email: String? = nil,
                           archived: Bool = false) async throws(HubSpotAPIError) -> Page<Owner> {
        var query: [(name: String, value: String)] = [("limit", String(min(max(limit, 1), 500)))]
        if let after { query.append(("after", after)) }
        if let email { query.append(("email", email)) }
        if archived { query.append(("archived", "true")) }
        let json = try await json(HubSpotRequest(.GET, version.owners, query: query))
        var owners: [Owner] = []
        for item in json["results"]?.arrayValue ?? [] { owners.append(try Owner(item)) }
        return Page(results: owners, after: json.nextAfter)
    }

    /// `GET …/owners/{id}` by owner id or user id; 404 when there is none.
    public func owner(_ id: String, idProperty: OwnerIdProperty = .id, archived: Bool = false) async throws(HubSpotAPIError) -> Owner {
        var query: [(name: String, value: String)] = [("idProperty", idProperty.rawValue)]
        if archived { query.append(("archived", "true")) }
        return try Owner(try await json(HubSpotRequest(.GET, "\(version.owners)/\(segment(id))", query: query)))
    }
}
