import JSONValue

extension SandboxStore {
    /// The account's users (HubSpot's user-provisioning spec): one per active person among the owners,
    /// since every user is an owner (hubspot-api.md §6), in `userId` order. The first is the account's
    /// own user, a super admin.
    func users() -> [AccountUser] {
        let admin = accountUserId
        return owners.filter(\.isActiveUser).sorted { ($0.userId ?? 0) < ($1.userId ?? 0) }.map { owner in
            AccountUser(id: owner.userId ?? 0, email: owner.email, firstName: owner.firstName, lastName: owner.lastName,
                        primaryTeamId: owner.teams.first(where: \.primary)?.id,
                        secondaryTeamIds: owner.teams.filter { !$0.primary }.map(\.id), superAdmin: owner.userId == admin)
        }
    }

    /// `GET /settings/v3/users?limit=&after=`: a page of users; `after` is the id of the next page's
    /// first user. At most 100 per page (the spec's wording).
    func listUsers(limit: Int, after: String?) throws(HubSpotError) -> UserPage {
        let all = users()
        var start = 0
        if let after, !after.isEmpty {
            guard let cursor = Int(after) else { throw HubSpotError.validation("Invalid after value: \(after)") }
            start = all.firstIndex { $0.id >= cursor } ?? all.count
        }
        let page = Array(all[start...].prefix(limit))
        let next = start + page.count < all.count ? all[start + page.count].id : nil
        return UserPage(users: page, next: next, limit: limit)
    }

    /// `GET /settings/v3/users/{userId}?idProperty=USER_ID|EMAIL`: one user, or 404 (message UNCONFIRMED).
    func readUser(_ reference: String, idProperty: String?) throws(HubSpotError) -> AccountUser {
        let key: (AccountUser) -> String?
        switch idProperty ?? "USER_ID" {
        case "USER_ID": key = { String($0.id) }
        case "EMAIL": key = \.email
        default: throw HubSpotError.validation("Invalid idProperty: \(idProperty ?? ""). Valid options are: [USER_ID, EMAIL]")
        }
        guard let user = users().first(where: { key($0)?.lowercased() == reference.lowercased() }) else {
            throw HubSpotError.resourceNotFound("Unable to find user with \(idProperty ?? "USER_ID") \(reference)")
        }
        return user
    }

    /// `GET /settings/v3/users/teams`, without paging: the teams the owners belong to, with the users for
    /// whom it is the primary team (`userIds`) and the others (`secondaryUserIds`), in team id order.
    func listTeams() -> [AccountTeam] {
        var teams: [String: AccountTeam] = [:]
        for user in users() {
            guard let owner = owners.first(where: { $0.userId == user.id }) else { continue }
            let userId = String(user.id)
            for team in owner.teams {
                var entry = teams[team.id] ?? AccountTeam(id: team.id, name: team.name, userIds: [], secondaryUserIds: [])
                if team.primary { entry.userIds.append(userId) } else { entry.secondaryUserIds.append(userId) }
                teams[team.id] = entry
            }
        }
        return teams.values.sorted { $0.id < $1.id }
    }
}
