import JSONValue

/// A property's definition (hubspot-api.md §4): what values it takes and whether it can be written.
public struct PropertyDefinition: Sendable, Hashable {
    /// One allowed value of an enumeration.
    public struct Option: Sendable, Hashable {
        public var label: String
        public var value: String
        public var hidden: Bool
    }

    public let json: JSONObject
    public var name: String
    public var label: String
    /// `bool, date, datetime, enumeration, number, phone_number, string` (and, read-only, others).
    public var type: String
    /// `booleancheckbox, checkbox (multi-select), select, radio, date, number, text, …`.
    public var fieldType: String
    public var groupName: String
    public var description: String
    public var options: [Option]
    public var hasUniqueValue: Bool
    /// HubSpot computes the value (`modificationMetadata.readOnlyValue`); writes are refused.
    public var readOnlyValue: Bool
    public var hidden: Bool
    public var archived: Bool

    public init(_ json: JSONValue) throws(HubSpotAPIError) {
        let (object, name) = try json.identified(by: "name", \.stringValue, else: "a property definition without a name")
        self.json = object
        self.name = name
        label = object["label"]?.stringValue ?? name
        type = object["type"]?.stringValue ?? "string"
        fieldType = object["fieldType"]?.stringValue ?? "text"
        groupName = object["groupName"]?.stringValue ?? ""
        description = object["description"]?.stringValue ?? ""
        options = (object["options"]?.arrayValue ?? []).compactMap { option in
            guard let value = option["value"]?.scalarText else { return nil }
            return Option(label: option["label"]?.stringValue ?? value, value: value, hidden: option["hidden"]?.boolValue ?? false)
        }
        hasUniqueValue = object["hasUniqueValue"]?.boolValue ?? false
        readOnlyValue = object["modificationMetadata"]?["readOnlyValue"]?.boolValue ?? false
        hidden = object["hidden"]?.boolValue ?? false
        archived = object["archived"]?.boolValue ?? false
    }

    /// A multi-select (`checkbox`) enumeration, whose values are joined with `;`.
    public var isMultiSelect: Bool { type == "enumeration" && fieldType == "checkbox" }
}

extension PropertyDefinition {
    /// What a property holds when it names a record's pipeline or its stage (hubspot-api.md §6): deals
    /// keep them in `pipeline` and `dealstage`, tickets and the other pipelined types in `hs_pipeline` and
    /// `hs_pipeline_stage`.
    public enum PipelineRole: Sendable, Hashable {
        case pipeline, stage

        /// The role of the property `name`, if it has one.
        public init?(property name: String) {
            switch name {
            case "pipeline", "hs_pipeline": self = .pipeline
            case "dealstage", "hs_pipeline_stage": self = .stage
            default: return nil
            }
        }

        /// The property holding the pipeline of a type whose stage property is `stage`.
        public static func pipelineProperty(besideStage stage: String) -> String {
            stage == "dealstage" ? "pipeline" : "hs_pipeline"
        }
    }

    /// Whether this property names a pipeline or a stage, and which.
    public var pipelineRole: PipelineRole? { PipelineRole(property: name) }

    /// Whether the values are owner ids: `hubspot_owner_id`, or any property HubSpot says refers to owners.
    public var refersToOwners: Bool {
        name == "hubspot_owner_id" || json["referencedObjectType"]?.stringValue == "OWNER"
    }
}
