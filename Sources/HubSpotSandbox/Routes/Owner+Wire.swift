import JSONValue

// The owners API's JSON (hubspot-api.md §6), encoded from the typed owners. State files keep owners in
// the same JSON.

extension Owner {
    /// HubSpot's `PublicOwner` JSON: a queue has no `email` or user ids; an archived person's `userId`
    /// is null.
    var json: JSONValue {
        var object: JSONObject = ["id": .string(id)]
        if let email { object["email"] = .string(email) }
        object["type"] = .string(kind.rawValue)
        object["firstName"] = .string(firstName)
        object["lastName"] = .string(lastName)
        if let userIdIncludingInactive {
            object["userId"] = userId.map(JSONValue.int) ?? .null
            object["userIdIncludingInactive"] = .int(userIdIncludingInactive)
        }
        object["createdAt"] = .string(createdAt.iso8601)
        object["updatedAt"] = .string(updatedAt.iso8601)
        object["archived"] = .bool(archived)
        object["teams"] = .array(teams.map { ["id": .string($0.id), "name": .string($0.name), "primary": .bool($0.primary)] })
        return .object(object)
    }

    /// An owner saved as `json`; nil when a field is missing.
    init?(json: JSONValue) {
        guard let id = json["id"]?.stringValue, let kind = json["type"]?.stringValue.flatMap(Kind.init(rawValue:)),
              let created = json["createdAt"]?.stringValue.flatMap(Timestamp.init(parsing:)),
              let updated = json["updatedAt"]?.stringValue.flatMap(Timestamp.init(parsing:)) else { return nil }
        let teams = (json["teams"]?.arrayValue ?? []).compactMap { team -> OwnerTeam? in
            guard let id = team["id"]?.stringValue else { return nil }
            return OwnerTeam(id: id, name: team["name"]?.stringValue ?? "", primary: team["primary"]?.boolValue == true)
        }
        self.init(id: id, kind: kind, email: json["email"]?.stringValue, firstName: json["firstName"]?.stringValue ?? "",
                  lastName: json["lastName"]?.stringValue ?? "", userIdIncludingInactive: json["userIdIncludingInactive"]?.intValue,
                  createdAt: created, updatedAt: updated, archived: json["archived"]?.boolValue == true, teams: teams)
    }
}
