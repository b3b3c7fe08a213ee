/// A user of the account (`PublicUser` of HubSpot's user-provisioning spec), read from its owner.
struct AccountUser: Sendable {
    var id: Int
    var email: String?
    var firstName: String
    var lastName: String
    var primaryTeamId: String?
    var secondaryTeamIds: [String]
    var superAdmin: Bool
}

/// A team (`PublicTeam`): the users for whom it is primary and the others.
struct AccountTeam: Sendable {
    var id: String
    var name: String
    var userIds: [String]
    var secondaryUserIds: [String]
}

/// One page of the account's users, with the id the next page starts at.
struct UserPage: Sendable {
    var users: [AccountUser]
    /// The id of the next page's first user; `nil` on the last page.
    var next: Int?
    /// The page size asked for, which the next page's link repeats.
    var limit: Int
}
