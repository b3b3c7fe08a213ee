import JSONValue

extension SandboxStore {
    /// The account's users as `PublicUser` JSON (HubSpot's user-provisioning spec): one per active person
    /// among the owners, since every user is an owner (hubspot-api.md §6), in `userId` order. The first
    /// is the account's own user, a super admin; roles are not emulated (`roleIds` is empty).
    func users() -> [JSONObject] {
        let admin = accountUserId
        return owners.filter(\.isActiveUser).sorted { ($0.userId ?? 0) < ($1.userId ?? 0) }.map { owner in
            var user: JSONObject = [
                "id": .string(String(owner.userId ?? 0)), "email": owner.email.map(JSONValue.string) ?? .null,
                "firstName": .string(owner.firstName), "lastName": .string(owner.lastName), "roleIds": [],
                "secondaryTeamIds": .array(owner.teams.filter { !$0.primary }.map { .string($0.id) }),
                "superAdmin": .bool(owner.userId == admin),
            ]
            if let primary = owner.teams.first(where: \.primary) { user["primaryTeamId"] = .string(primary.id) }
            return user
        }
    }

    /// `GET /settings/v3/users?limit=&after=` → `{"results":[PublicUser], "paging"?}`; `after` is the
    /// id of the next page's first user. At most 100 per page (the spec's wording).
    public func listUsers(limit: Int, after: String?, linkBase: String) throws(HubSpotError) -> JSONValue {
        let all = users()
        var start = 0
        if let after, !after.isEmpty {
            guard let cursor = Int(after) else { throw HubSpotError.validation("Invalid after value: \(after)") }
            start = all.firstIndex { (Int($0["id"]?.stringValue ?? "") ?? 0) >= cursor } ?? all.count
        }
        let page = Array(all[start...].prefix(limit))
        var body: JSONObject = ["results": .array(page.map(JSONValue.object))]
        if start + page.count < all.count, let next = all[start + page.count]["id"]?.stringValue {
            body["paging"] = ["next": ["after": .string(next), "link": .string("\(linkBase)?limit=\(limit)&after=\(next)")]]
        }
        return .object(body)
    }

    /// `GET /settings/v3/users/{userId}?idProperty=USER_ID|EMAIL` → one `PublicUser`, or 404 (message
    /// UNCONFIRMED).
    public func readUser(_ reference: String, idProperty: String?) throws(HubSpotError) -> JSONValue {
        let key: String
        switch idProperty ?? "USER_ID" {
        case "USER_ID": key = "id"
        case "EMAIL": key = "email"
        default: throw HubSpotError.validation("Invalid idProperty: \(idProperty ?? ""). Valid options are: [USER_ID, EMAIL]")
        }
        guard let user = users().first(where: { $0[key]?.stringValue?.lowercased() == reference.lowercased() }) else {
            throw HubSpotError.resourceNotFound("Unable to find user with \(idProperty ?? "USER_ID") \(reference)")
        }
        return .object(user)
    }

    /// `GET /settings/v3/users/teams` → `{"results":[PublicTeam]}` without paging: the teams the owners
    /// belong to, with the users for whom it is the primary team (`userIds`) and the others
    /// (`secondaryUserIds`), in team id order.
    public func listTeams() -> JSONValue {
        var teams: [String: (name: String, primary: [String], secondary: [String])] = [:]
        for user in users() {
            guard let userId = user["id"]?.stringValue,
                  let owner = owners.first(where: { $0.userId.map(String.init) == userId }) else { continue }
            for team in owner.teams {
                var entry = teams[team.id] ?? (team.name, [], [])
                if team.primary { entry.primary.append(userId) } else { entry.secondary.append(userId) }
                teams[team.id] = entry
            }
        }
        let results: [JSONValue] = teams.sorted { $0.key < $1.key }.map { id, team in
            ["id": .string(id), "name": .string(team.name), "userIds": .array(team.primary.map(JSONValue.string)),
             "secondaryUserIds": .array(team.secondary.map(JSONValue.string))]
        }
        return ["results": .array(results)]
    }
}
