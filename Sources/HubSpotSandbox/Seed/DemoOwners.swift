/// The twelve owners of the demo account (hubspot-api.md §6): ten active people in four teams, one
/// archived person (`userId: null`) and one queue.
enum DemoOwners {
    /// A team an owner belongs to.
    typealias Team = (id: String, name: String)

    static let sales: Team = ("368389", "Sales Team")
    static let success: Team = ("368390", "Customer Success")
    static let support: Team = ("368391", "Support")
    static let partnerships: Team = ("368392", "Partnerships")

    /// (id, first name, last name, userId, teams with the primary first, archived).
    private static let people: [(String, String, String, Int, [Team], Bool)] = [
        ("41629779", "Olivia", "Bennett", 9_586_504, [sales], false),
        ("41629812", "Marcus", "Chen", 9_586_577, [sales], false),
        ("41630045", "Priya", "Raman", 9_586_612, [sales], false),
        ("41630117", "Daniel", "Okafor", 9_586_690, [sales], false),
        ("41630233", "Sofia", "Lindqvist", 9_586_745, [success], false),
        ("41630301", "James", "Whitaker", 9_586_803, [success], false),
        ("41630388", "Aisha", "Haddad", 9_586_871, [support], false),
        ("41630452", "Tomás", "García", 9_586_938, [support], false),
        ("41630519", "Hannah", "Kowalski", 9_587_004, [partnerships], false),
        ("41630607", "Ethan", "Brooks", 9_587_066, [sales, partnerships], false),
        ("41630688", "Rachel", "Simmons", 9_587_120, [], true),
    ]

    /// The queue's id; tickets may be assigned to it.
    static let queueId = "41630750"

    /// Owner ids by what they work on (the demo assigns records by these).
    static let salesOwners = ["41629779", "41629812", "41630045", "41630117", "41630607"]
    static let successOwners = ["41630233", "41630301"]
    static let supportOwners = ["41630388", "41630452", queueId]

    /// The owner of the account's own user, Olivia Bennett, who made the account: every account holds
    /// its users as owners (hubspot-api.md §6), so an empty account has her, in no team.
    static func accountUser() -> Owner {
        var owner = person(0)
        owner.teams = []
        return owner
    }

    /// The owner of `people[index]`.
    private static func person(_ index: Int) -> Owner {
        let (id, first, last, userId, teams, archived) = people[index]
        let created = Timestamp(milliseconds: 1_698_796_800_000 + Int64(index) * 86_400_000 * 9 + 3_723_456)  // from 2023-11-01
        let updated = Timestamp(milliseconds: created.milliseconds + (archived ? 560 : 400) * 86_400_000 + 1_234_567)
        let email = "\(ascii(first)).\(ascii(last))@brightwave.io".lowercased()
        return Owner(id: id, kind: .person, email: email, firstName: first, lastName: last, userIdIncludingInactive: userId,
                     createdAt: created, updatedAt: updated, archived: archived,
                     teams: teams.enumerated().map { OwnerTeam(id: $1.id, name: $1.name, primary: $0 == 0) })
    }

    /// Every owner, in id order.
    static func all() -> [Owner] {
        var owners = people.indices.map(person)
        // A queue has no user and no e-mail address; HubSpot's exact queue fields are UNCONFIRMED.
        let created = Timestamp(milliseconds: 1_704_103_200_000)  // 2024-01-01T10:00:00Z
        owners.append(Owner(id: queueId, kind: .queue, firstName: "Support", lastName: "Queue", createdAt: created, updatedAt: created,
                            archived: false, teams: [OwnerTeam(id: support.id, name: support.name, primary: true)]))
        return owners
    }

    /// The name with accents removed, for an e-mail address.
    private static func ascii(_ name: String) -> String {
        String(name.map { ["á": "a", "í": "i", "é": "e", "ó": "o", "ú": "u", "ñ": "n"][$0] ?? $0 })
    }
}
