/// An owner of the account (HubSpot's `PublicOwner`, hubspot-api.md §6): a person, who is one of the
/// account's users (a former one once archived), or a queue.
struct Owner: Sendable, Equatable {
    /// `PERSON` or `QUEUE`.
    enum Kind: String, Sendable {
        case person = "PERSON"
        case queue = "QUEUE"
    }

    var id: String
    var kind: Kind
    /// A person's address; a queue has none.
    var email: String?
    var firstName: String
    var lastName: String
    /// The user behind a person, kept after it is archived (`userIdIncludingInactive`); a queue has none.
    var userIdIncludingInactive: Int?
    var createdAt: Timestamp
    var updatedAt: Timestamp
    var archived: Bool
    /// The teams, the primary one first.
    var teams: [OwnerTeam]

    /// HubSpot's `userId`: the user of a person still active; none once archived.
    var userId: Int? { archived ? nil : userIdIncludingInactive }

    /// Whether this is an active person with a user: one of the account's users.
    var isActiveUser: Bool { kind == .person && userId != nil }

    /// First and last name, as HubSpot's owner property labels an owner.
    var name: String { [firstName, lastName].filter { !$0.isEmpty }.joined(separator: " ") }

    /// The id as a number, for ordering (owner ids are numeric).
    var numericId: Int { Int(id) ?? 0 }
}

/// A team an owner belongs to.
struct OwnerTeam: Sendable, Equatable {
    var id: String
    var name: String
    var primary: Bool
}
