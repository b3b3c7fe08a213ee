/// Property definitions from decoded request bodies (`PropertyCreate`, `PropertyUpdate` and a schema's
/// `ObjectTypePropertyCreate`, hubspot-api.md §3–§4), with the checks HubSpot makes before it stores one.
extension PropertyDefinition {
    /// The `fieldType`s each value type accepts. The reference lists both enums but not their pairing;
    /// this pairing is the table of HubSpot's properties guide (UNCONFIRMED in hubspot-api.md).
    static let fieldTypesByType: [ValueType: [String]] = [
        .bool: ["booleancheckbox", "calculation_equation"],
        .date: ["date", "calculation_equation"],
        .datetime: ["date", "calculation_equation"],
        .enumeration: ["booleancheckbox", "checkbox", "radio", "select", "calculation_equation"],
        .number: ["number", "calculation_equation"],
        .phone_number: ["phonenumber"],
        .string: ["file", "text", "textarea", "calculation_equation", "html", "phonenumber"],
    ]

    /// Every `fieldType` HubSpot knows (hubspot-api.md §4).
    static let knownFieldTypes = ["booleancheckbox", "calculation_equation", "checkbox", "date", "file", "html", "number",
                                  "phonenumber", "radio", "select", "text", "textarea"]

    /// A new custom (user-defined) definition from a create body.
    ///
    /// - Parameters:
    ///   - input: the `PropertyCreate` (or `ObjectTypePropertyCreate`) body.
    ///   - groups: the group names of the object type; `groupName` must be one of them.
    ///   - defaultGroup: the group used when the body names none (schema creates); `nil` makes
    ///     `groupName` required, as `PropertyCreate` does.
    ///   - time: the creation time.
    static func creating(from input: PropertyInput, groups: Set<String>, defaultGroup: String? = nil,
                         at time: Timestamp) throws(HubSpotError) -> PropertyDefinition {
        // A schema's property may leave out type and fieldType (the spec's own ObjectSchemaEgg example
        // does); they default to a single-line text property.
        let lenient = defaultGroup != nil
        var missing = [("name", input.name), ("label", input.label)].filter { $0.1?.isEmpty ?? true }.map(\.0)
        if !lenient {
            missing += [("type", input.type), ("fieldType", input.fieldType), ("groupName", input.groupName)].filter { $0.1?.isEmpty ?? true }.map(\.0)
        }
        guard missing.isEmpty, let name = input.name, let label = input.label else {
            throw HubSpotError.validation("Cannot build PropertyCreate, some of required attributes are not set \(bracketed(missing))")
        }
        try checkName(name)
        let type = try valueType(input.type ?? "string")
        let fieldType = input.fieldType ?? defaultFieldType(type)
        try checkFieldType(fieldType, for: type, property: name)
        let groupName = input.groupName ?? defaultGroup ?? ""
        try checkGroup(groupName, in: groups)
        let options = try checkOptions(input.options ?? [], type: type, property: name)
        return PropertyDefinition(
            name: name, label: label, type: type, fieldType: fieldType, groupName: groupName,
            description: input.description ?? "", options: options,
            displayOrder: input.displayOrder ?? -1, hasUniqueValue: input.hasUniqueValue ?? false,
            hidden: input.hidden ?? false, formField: input.formField ?? false,
            hubspotDefined: false, createdAt: time)
    }

    /// Applies a `PropertyUpdate` body: every field given replaces the stored one. HubSpot's own
    /// definitions are read-only (`modificationMetadata.readOnlyDefinition`), and `hasUniqueValue`
    /// cannot change once set (spec: "Once set, this can't be changed").
    mutating func applyUpdate(_ input: PropertyInput, groups: Set<String>, at time: Timestamp) throws(HubSpotError) {
        if hubspotDefined {
            throw HubSpotError.validation("Property \"\(name)\" is defined by HubSpot: its definition is read-only and cannot be updated.")
        }
        if let unique = input.hasUniqueValue, unique != hasUniqueValue {
            throw HubSpotError.validation("hasUniqueValue of property \"\(name)\" cannot be changed after the property is created.")
        }
        var updated = self
        if let label = input.label { updated.label = label }
        if let description = input.description { updated.description = description }
        if let text = input.type {
            updated.type = try PropertyDefinition.valueType(text)
            if !input.namesFieldType { updated.fieldType = PropertyDefinition.defaultFieldType(updated.type) }
        }
        if let fieldType = input.fieldType { updated.fieldType = fieldType }
        try PropertyDefinition.checkFieldType(updated.fieldType, for: updated.type, property: name)
        if let groupName = input.groupName {
            try PropertyDefinition.checkGroup(groupName, in: groups)
            updated.groupName = groupName
        }
        if let options = input.options {
            updated.options = try PropertyDefinition.checkOptions(options, type: updated.type, property: name)
        } else if updated.type == .enumeration && updated.options.isEmpty {
            throw HubSpotError.validation("Property \"\(name)\" of type enumeration needs at least one option.")
        }
        if updated.type != .enumeration { updated.options = [] }
        if let order = input.displayOrder { updated.displayOrder = order }
        if let hidden = input.hidden { updated.hidden = hidden }
        if let formField = input.formField { updated.formField = formField }
        updated.updatedAt = time
        self = updated
    }

    /// Refuses a name that is not lower-case snake case starting with a letter (HubSpot's internal
    /// names look like `my_contact_property`).
    static func checkName(_ name: String) throws(HubSpotError) {
        let valid = name.unicodeScalars.first.map { ("a"..."z").contains($0) } == true
            && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        if !valid {
            throw HubSpotError.validation(
                "Property name \"\(name)\" is invalid: a name must start with a lower-case letter and contain only lower-case letters, digits and underscores.")
        }
    }

    /// The value type `text` names, or HubSpot's 400 listing the valid ones.
    static func valueType(_ text: String) throws(HubSpotError) -> ValueType {
        guard let type = ValueType(rawValue: text) else {
            throw HubSpotError.validation("\(text) is not a valid property type. Valid types are: \(bracketed(ValueType.allCases.map(\.rawValue)))")
        }
        return type
    }

    /// Refuses an unknown `fieldType` or one the value type does not accept.
    static func checkFieldType(_ fieldType: String, for type: ValueType, property: String) throws(HubSpotError) {
        guard knownFieldTypes.contains(fieldType) else {
            throw HubSpotError.validation("\(fieldType) is not a valid fieldType. Valid field types are: \(bracketed(knownFieldTypes))")
        }
        let allowed = fieldTypesByType[type] ?? []
        if !allowed.contains(fieldType) {
            throw HubSpotError.validation(
                "fieldType \(fieldType) is not valid for property \"\(property)\" of type \(type.rawValue). Valid field types for \(type.rawValue) are: \(bracketed(allowed))")
        }
    }

    /// Refuses a group that the object type does not have.
    static func checkGroup(_ groupName: String, in groups: Set<String>) throws(HubSpotError) {
        if !groups.contains(groupName) {
            throw HubSpotError.validation("Property group \"\(groupName)\" does not exist. Create it first with POST …/groups.")
        }
    }

    /// The options of a body (`nil` for one without a label and a value): required (at least one) for an
    /// enumeration, with unique values.
    static func checkOptions(_ items: [PropertyOption?], type: ValueType, property: String) throws(HubSpotError) -> [PropertyOption] {
        guard type == .enumeration else { return [] }
        if items.isEmpty { throw HubSpotError.validation("Property \"\(property)\" of type enumeration needs at least one option.") }
        var options: [PropertyOption] = []
        var values = Set<String>()
        for (index, item) in items.enumerated() {
            guard let option = item else {
                throw HubSpotError.validation("Option \(index) of property \"\(property)\" needs a label and a value.")
            }
            if !values.insert(option.value).inserted {
                throw HubSpotError.validation("Property \"\(property)\" has the option value \"\(option.value)\" twice; option values must be unique.")
            }
            options.append(option)
        }
        return options
    }

    /// `[a, b]`, as HubSpot lists names in messages.
    static func bracketed(_ names: [String]) -> String {
        "[" + names.joined(separator: ", ") + "]"
    }
}
