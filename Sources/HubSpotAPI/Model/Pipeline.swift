import JSONValue

/// A pipeline of deals, tickets or a custom object (hubspot-api.md §6), with its stages in order.
public struct Pipeline: Sendable, Hashable {
    /// The pipeline exactly as received.
    public let json: JSONObject
    public var id: String
    public var label: String
    public var displayOrder: Int
    public var archived: Bool
    public var stages: [PipelineStage]

    /// Reads a `Pipeline`; refuses JSON without an `id`.
    public init(_ json: JSONValue) throws(HubSpotAPIError) {
        let (object, id) = try json.identified(by: "id", \.scalarText, else: "a pipeline without an id")
        self.json = object
        self.id = id
        label = object["label"]?.stringValue ?? id
        displayOrder = object["displayOrder"]?.intValue ?? 0
        archived = object["archived"]?.boolValue ?? false
        var stages: [PipelineStage] = []
        for item in object["stages"]?.arrayValue ?? [] { stages.append(try PipelineStage(item)) }
        self.stages = stages
    }
}

/// One stage of a pipeline. Its `metadata` values are strings (`probability` for deals,
/// `ticketState` for tickets, `isClosed`).
public struct PipelineStage: Sendable, Hashable {
    /// The stage exactly as received.
    public let json: JSONObject
    public var id: String
    public var label: String
    public var displayOrder: Int
    public var metadata: [String: String]
    public var archived: Bool

    /// Reads a `PipelineStage`; refuses JSON without an `id`.
    public init(_ json: JSONValue) throws(HubSpotAPIError) {
        let (object, id) = try json.identified(by: "id", \.scalarText, else: "a pipeline stage without an id")
        self.json = object
        self.id = id
        label = object["label"]?.stringValue ?? id
        displayOrder = object["displayOrder"]?.intValue ?? 0
        var metadata: [String: String] = [:]
        for (key, value) in object["metadata"]?.objectValue ?? [:] { metadata[key] = value.scalarText }
        self.metadata = metadata
        archived = object["archived"]?.boolValue ?? false
    }
}
