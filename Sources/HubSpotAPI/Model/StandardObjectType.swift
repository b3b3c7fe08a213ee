/// HubSpot's standard CRM object types that hubsh offers (hubspot-api.md §3): the one table the client
/// and the shell read for names, ids, singular names and unique properties.
public struct StandardObjectType: Sendable, Hashable {
    /// The API name (`contacts`).
    public let name: String
    /// `0-1`.
    public let objectTypeId: String
    /// The singular name v3 association type names use (`contact`).
    public let singular: String
    /// The property HubSpot keeps unique among the type's records, if any: contacts by `email` (§2.4).
    public let uniqueProperty: String?

    init(_ name: String, _ objectTypeId: String, _ singular: String, unique: String? = nil) {
        self.name = name
        self.objectTypeId = objectTypeId
        self.singular = singular
        uniqueProperty = unique
    }

    /// The CRM records and engagements, in the order `objects` lists them.
    public static let all: [StandardObjectType] = [
        StandardObjectType("contacts", "0-1", "contact", unique: "email"), StandardObjectType("companies", "0-2", "company"),
        StandardObjectType("deals", "0-3", "deal"), StandardObjectType("tickets", "0-5", "ticket"),
        StandardObjectType("products", "0-7", "product"), StandardObjectType("line_items", "0-8", "line_item"),
        StandardObjectType("quotes", "0-14", "quote"), StandardObjectType("calls", "0-48", "call"),
        StandardObjectType("emails", "0-49", "email"), StandardObjectType("meetings", "0-47", "meeting"),
        StandardObjectType("notes", "0-46", "note"), StandardObjectType("tasks", "0-27", "task"),
    ]

    /// The types whose properties completion knows before anything is cached: the four CRM objects.
    public static let core = Array(all.prefix(4))

    /// The standard type `reference` names, by API name (any case) or by id.
    public static func named(_ reference: String) -> StandardObjectType? {
        let lower = reference.lowercased()
        return all.first { $0.name == lower || $0.objectTypeId == reference }
    }
}
