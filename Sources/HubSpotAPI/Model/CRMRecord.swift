import JSONValue

/// One CRM record as HubSpot sends it (`{id, properties, createdAt, updatedAt, archived, …}`,
/// hubspot-api.md §2.2), kept whole as JSON so nothing HubSpot adds is lost on the way through.
public struct CRMRecord: Sendable, Hashable {
    /// The record exactly as received.
    public let json: JSONObject
    /// The record id: an opaque numeric string.
    public let id: String

    /// Reads a record; refuses JSON without an `id`.
    public init(_ json: JSONValue) throws(HubSpotAPIError) {
        let (object, id) = try json.identified(by: "id", \.scalarText, else: "a record without an id")
        self.json = object
        self.id = id
    }

    /// Property values: strings or null, as HubSpot sends them.
    public var properties: JSONObject { json["properties"]?.objectValue ?? [:] }
    /// One property value, nil when absent or null.
    public subscript(property name: String) -> String? { properties[name]?.stringValue }
    public var createdAt: String? { json["createdAt"]?.stringValue }
    public var updatedAt: String? { json["updatedAt"]?.stringValue }
    public var archived: Bool { json["archived"]?.boolValue ?? false }
    /// Upsert results say whether the record was created (`new: true`) or updated.
    public var isNew: Bool? { json["new"]?.boolValue }
    public var value: JSONValue { .object(json) }
}

/// One page of a paged answer, and the cursor of the next page when there is one.
public struct Page<Element: Sendable>: Sendable {
    public var results: [Element]
    /// `paging.next.after`; nil on the last page.
    public var after: String?
    /// Search answers carry the total number of matches.
    public var total: Int?

    public init(results: [Element], after: String?, total: Int? = nil) {
        self.results = results
        self.after = after
        self.total = total
    }
}

extension JSONValue {
    /// `paging.next.after` of a paged answer.
    var nextAfter: String? { self["paging"]?["next"]?["after"]?.scalarText }

    /// `results` read as records.
    func records() throws(HubSpotAPIError) -> [CRMRecord] {
        var records: [CRMRecord] = []
        for item in self["results"]?.arrayValue ?? [] { records.append(try CRMRecord(item)) }
        return records
    }
}
