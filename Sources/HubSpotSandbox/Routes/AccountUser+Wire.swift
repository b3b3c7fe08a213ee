import JSONValue

// The users API's answers encoded from the typed users and teams.

extension AccountUser {
    /// `PublicUser`; roles are not emulated (`roleIds` is empty).
    var json: JSONValue {
        var user: JSONObject = [
            "id": .string(String(id)), "email": email.map(JSONValue.string) ?? .null,
            "firstName": .string(firstName), "lastName": .string(lastName), "roleIds": [],
            "secondaryTeamIds": .array(secondaryTeamIds.map(JSONValue.string)), "superAdmin": .bool(superAdmin),
        ]
        if let primaryTeamId { user["primaryTeamId"] = .string(primaryTeamId) }
        return .object(user)
    }
}

extension AccountTeam {
    /// `PublicTeam`.
    var json: JSONValue {
        ["id": .string(id), "name": .string(name), "userIds": .array(userIds.map(JSONValue.string)),
         "secondaryUserIds": .array(secondaryUserIds.map(JSONValue.string))]
    }
}

extension UserPage {
    /// `{"results":[PublicUser], "paging"?}`, the next page's link under `linkBase`.
    func json(linkBase: String) -> JSONValue {
        var body: JSONObject = ["results": .array(users.map(\.json))]
        if let next {
            body["paging"] = ["next": ["after": .string(String(next)), "link": .string("\(linkBase)?limit=\(limit)&after=\(next)")]]
        }
        return .object(body)
    }
}
