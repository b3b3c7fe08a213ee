import JSONValue

/// The body of an Exports API export of a view to CSV (docs/sandbox.md, "Exports and imports"): the
/// records of one object type, or those an AND of search filters matches, with the properties named.
public struct ExportRequest: Sendable, Hashable {
    public var name: String
    public var objectType: String
    public var properties: [String]
    /// ANDed, as `publicCrmSearchRequest.filters` takes them (one group: the Exports API has no OR).
    public var filters: [SearchFilter]

    public init(name: String, objectType: String, properties: [String], filters: [SearchFilter] = []) {
        self.name = name
        self.objectType = objectType
        self.properties = properties
        self.filters = filters
    }

    /// The JSON `startExport(_:)` sends.
    public var body: JSONValue {
        var body: JSONObject = ["exportType": "VIEW", "format": "CSV", "exportName": .string(name), "language": "EN",
                                "objectType": .string(objectType), "objectProperties": .array(properties.map(JSONValue.string))]
        if !filters.isEmpty { body["publicCrmSearchRequest"] = ["filters": .array(filters.map(\.json))] }
        return .object(body)
    }
}
