import JSONValue

/// A HubSpot owner (hubspot-api.md §6): a user or queue records can be assigned to. Assign with
/// `hubspot_owner_id` set to `id`, never `userId`.
public struct Owner: Sendable, Hashable {
    /// A team the owner belongs to.
    public struct Team: Sendable, Hashable {
        public var id: String
        public var name: String
        /// Whether it is the owner's primary team.
        public var primary: Bool
    }

    /// The owner exactly as received.
    public let json: JSONObject
    public var id: String
    /// Queues have none.
    public var email: String?
    public var firstName: String?
    public var lastName: String?
    /// The user's id; `nil` for an archived owner or a queue.
    public var userId: Int?
    /// `PERSON` or `QUEUE`.
    public var type: String
    public var archived: Bool
    public var teams: [Team]

    /// Reads a `PublicOwner`; refuses JSON without an `id`.
    public init(_ json: JSONValue) throws(HubSpotAPIError) {
        let (object, id) = try json.identified(by: "id", \.scalarText, else: "an owner without an id")
        self.json = object
        self.id = id
        email = object["email"]?.stringValue
        firstName = object["firstName"]?.stringValue
        lastName = object["lastName"]?.stringValue
        userId = object["userId"]?.intValue ?? object["userId"]?.stringValue.flatMap { Int($0) }
        type = object["type"]?.stringValue ?? "PERSON"
        archived = object["archived"]?.boolValue ?? false
        teams = (object["teams"]?.arrayValue ?? []).compactMap { team in
            guard let id = team["id"]?.scalarText else { return nil }
            return Team(id: id, name: team["name"]?.stringValue ?? "", primary: team["primary"]?.boolValue ?? false)
        }
    }

    /// "First Last", or the e-mail address, or the id: how a person recognises the owner.
    public var displayName: String {
        let name = [firstName, lastName].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        return name.isEmpty ? email ?? id : name
    }
}
