import JSONValue

extension SandboxStore {
    /// The account's users as `PublicUser` JSON (HubSpot's user-provisioning spec): one per active person
    /// among the owners, since every user is an owner (hubspot-api.md §6), in `userId` order. The first
    /// is the account's own user, a super admin; roles are not emulated (`roleIds` is empty).
    func users() -> [JSONObject] {
        let people = owners.filter { $0["type"] == "PERSON" && $0["archived"]?.boolValue == false && $0["userId"]?.intValue != nil }
        let admin = accountUserId
        return people.sorted { ($0["userId"]?.intValue ?? 0) < ($1["userId"]?.intValue ?? 0) }.map { owner in
            let teams = owner["teams"]?.arrayValue ?? []
            var user: JSONObject = [
                "id": .string(String(owner["userId"]?.intValue ?? 0)), "email": owner["email"] ?? .null,
                "firstName": owner["firstName"] ?? .null, "lastName": owner["lastName"] ?? .null, "roleIds": [],
                "secondaryTeamIds": .array(teams.filter { $0["primary"] != true }.compactMap { $0["id"] }),
                "superAdmin": .bool(owner["userId"]?.intValue == admin),
            ]
            if let primary = teams.first(where: { $0["primary"] == true })?["id"] { user["primaryTeamId"] = primary }
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
                  let owner = owners.first(where: { $0["userId"]?.intValue.map(String.init) == userId }) else { continue }
            for team in owner["teams"]?.arrayValue ?? [] {
                guard let id = team["id"]?.stringValue else { continue }
                var entry = teams[id] ?? (team["name"]?.stringValue ?? "", [], [])
                if team["primary"] == true { entry.primary.append(userId) } else { entry.secondary.append(userId) }
                teams[id] = entry
            }
        }
        let results: [JSONValue] = teams.sorted { $0.key < $1.key }.map { id, team in
            ["id": .string(id), "name": .string(team.name), "userIds": .array(team.primary.map(JSONValue.string)),
             "secondaryUserIds": .array(team.secondary.map(JSONValue.string))]
        }
        return ["results": .array(results)]
    }
}
