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
