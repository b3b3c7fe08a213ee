import JSONValue

/// One option of an enumeration property (`Option` in hubspot-api.md §4).
public struct PropertyOption: Sendable, Hashable {
    public var label: String
    public var value: String
    public var description = ""
    public var displayOrder = 0
    public var hidden = false

    var json: JSONValue {
        ["label": .string(label), "value": .string(value), "description": .string(description),
         "displayOrder": .int(displayOrder), "hidden": .bool(hidden)]
    }
}

extension PropertyOption {
    /// Reads an option written to the properties API; `index` is its order when it gives none.
    init?(json: JSONValue, index: Int) {
        guard let label = json["label"]?.stringValue, let value = json["value"]?.stringValue else { return nil }
        self.init(label: label, value: value, description: json["description"]?.stringValue ?? "",
                  displayOrder: json["displayOrder"]?.intValue ?? index, hidden: json["hidden"]?.boolValue ?? false)
    }
}

/// A property definition (`Property` in hubspot-api.md §4): what values a record may hold under a name.
public struct PropertyDefinition: Sendable, Hashable {
    /// The value types HubSpot knows.
    public enum ValueType: String, Sendable, CaseIterable {
        case bool, date, datetime, enumeration, number, phone_number, string
    }

    public var name: String
    public var label: String
    public var type: ValueType
    public var fieldType: String
    public var groupName: String
    public var description: String
    public var options: [PropertyOption]
    public var displayOrder: Int
    public var hasUniqueValue: Bool
    public var hidden: Bool
    public var formField: Bool
    public var calculated: Bool
    /// HubSpot's own property (not archivable).
    public var hubspotDefined: Bool
    /// `modificationMetadata.readOnlyValue`: writes are refused.
    public var readOnlyValue: Bool
    public var createdAt: Timestamp?
    public var updatedAt: Timestamp?
    public var archived: Bool

    public init(
        name: String, label: String, type: ValueType, fieldType: String? = nil, groupName: String,
        description: String = "", options: [PropertyOption] = [], displayOrder: Int = -1,
        hasUniqueValue: Bool = false, hidden: Bool = false, formField: Bool = false, calculated: Bool = false,
        hubspotDefined: Bool = true, readOnlyValue: Bool = false, createdAt: Timestamp? = nil, archived: Bool = false
    ) {
        self.name = name
        self.label = label
        self.type = type
        self.fieldType = fieldType ?? PropertyDefinition.defaultFieldType(type)
        self.groupName = groupName
        self.description = description
        self.options = options
        self.displayOrder = displayOrder
        self.hasUniqueValue = hasUniqueValue
        self.hidden = hidden
        self.formField = formField
        self.calculated = calculated
        self.hubspotDefined = hubspotDefined
        self.readOnlyValue = readOnlyValue
        self.createdAt = createdAt
        self.updatedAt = createdAt
        self.archived = archived
    }

    static func defaultFieldType(_ type: ValueType) -> String {
        switch type {
        case .bool: "booleancheckbox"
        case .date, .datetime: "date"
        case .enumeration: "select"
        case .number: "number"
        case .phone_number: "phonenumber"
        case .string: "text"
        }
    }

    /// Whether two live records of `type` may not share a value: unique-valued properties, and contact
    /// `email`, which HubSpot keeps unique without marking it so (hubspot-api.md §7).
    public func isUnique(in type: ObjectType) -> Bool {
        hasUniqueValue || (type.name == "contacts" && name == "email")
    }

    /// Whether several options may be held at once (values joined with `;`).
    public var isMultiValued: Bool { type == .enumeration && fieldType == "checkbox" }

    /// The `Property` JSON HubSpot serves.
    public var json: JSONValue {
        var o: JSONObject = [
            "updatedAt": .string((updatedAt ?? Timestamp(milliseconds: 1_577_836_800_000)).iso8601),
            "createdAt": .string((createdAt ?? Timestamp(milliseconds: 1_577_836_800_000)).iso8601),
            "name": .string(name), "label": .string(label), "type": .string(type.rawValue),
            "fieldType": .string(fieldType), "description": .string(description), "groupName": .string(groupName),
            "options": .array(options.map(\.json)), "displayOrder": .int(displayOrder),
            "calculated": .bool(calculated), "externalOptions": false, "hasUniqueValue": .bool(hasUniqueValue),
            "hidden": .bool(hidden), "hubspotDefined": .bool(hubspotDefined),
            "modificationMetadata": ["archivable": .bool(!hubspotDefined), "readOnlyDefinition": .bool(hubspotDefined),
                                     "readOnlyValue": .bool(readOnlyValue)],
            "formField": .bool(formField), "dataSensitivity": "non_sensitive",
        ]
        if archived { o["archived"] = true } else { o["archived"] = false }
        return .object(o)
    }
}

/// A property group (`PropertyGroup` in hubspot-api.md §4).
public struct PropertyGroup: Sendable, Hashable {
    public var name: String
    public var label: String
    public var displayOrder: Int
    public var archived: Bool = false

    public init(name: String, label: String, displayOrder: Int = -1) {
        self.name = name
        self.label = label
        self.displayOrder = displayOrder
    }

    /// The `PropertyGroup` JSON HubSpot serves.
    public var json: JSONValue {
        ["name": .string(name), "label": .string(label), "displayOrder": .int(displayOrder), "archived": .bool(archived)]
    }
}

extension PropertyDefinition {
    /// Reads the `Property` JSON HubSpot serves (what `json` writes); `nil` when a required field is missing.
    public init?(json: JSONValue) {
        guard let name = json["name"]?.stringValue, let typeName = json["type"]?.stringValue,
            let type = ValueType(rawValue: typeName)
        else { return nil }
        let metadata = json["modificationMetadata"]
        self.init(
            name: name, label: json["label"]?.stringValue ?? name, type: type, fieldType: json["fieldType"]?.stringValue,
            groupName: json["groupName"]?.stringValue ?? "", description: json["description"]?.stringValue ?? "",
            options: (json["options"]?.arrayValue ?? []).enumerated().compactMap { PropertyOption(json: $1, index: $0) },
            displayOrder: json["displayOrder"]?.intValue ?? -1, hasUniqueValue: json["hasUniqueValue"]?.boolValue ?? false,
            hidden: json["hidden"]?.boolValue ?? false, formField: json["formField"]?.boolValue ?? false,
            calculated: json["calculated"]?.boolValue ?? false, hubspotDefined: json["hubspotDefined"]?.boolValue ?? false,
            readOnlyValue: metadata?["readOnlyValue"]?.boolValue ?? false,
            createdAt: json["createdAt"]?.stringValue.flatMap(Timestamp.init(parsing:)),
            archived: json["archived"]?.boolValue ?? false)
        self.updatedAt = json["updatedAt"]?.stringValue.flatMap(Timestamp.init(parsing:)) ?? createdAt
    }
}

extension PropertyGroup {
    /// Reads the `PropertyGroup` JSON.
    public init?(json: JSONValue) {
        guard let name = json["name"]?.stringValue else { return nil }
        self.init(name: name, label: json["label"]?.stringValue ?? name, displayOrder: json["displayOrder"]?.intValue ?? -1)
        archived = json["archived"]?.boolValue ?? false
    }
}
