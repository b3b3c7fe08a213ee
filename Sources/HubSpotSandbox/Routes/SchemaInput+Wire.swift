import JSONValue

// The schemas API's request bodies (hubspot-api.md §3) decoded into `SchemaInput`,
// `SchemaAssociationInput` and `SchemaNamesInput`.

extension SchemaInput {
    /// An `ObjectSchemaEgg` or `ObjectTypeDefinitionPatch`; `what` names it when it is not an object.
    init(json: JSONValue, what: String) throws(HubSpotError) {
        guard let input = json.objectValue else { throw HubSpotError.validation("Invalid input JSON: the \(what) must be a JSON object") }
        name = input["name"]?.stringValue
        if let labels = input["labels"]?.objectValue {
            self.labels = (labels["singular"]?.stringValue, labels["plural"]?.stringValue)
        }
        properties = (input["properties"]?.arrayValue ?? []).map { property in
            Result { () throws(HubSpotError) in try PropertyInput(json: property) }
        }
        requiredProperties = input["requiredProperties"].map(Self.strings)
        searchableProperties = input["searchableProperties"].map(Self.strings)
        secondaryDisplayProperties = input["secondaryDisplayProperties"].map(Self.strings)
        primaryDisplayProperty = input["primaryDisplayProperty"]?.stringValue
        description = input["description"]?.stringValue
        clearDescription = input["clearDescription"]?.boolValue == true
        associatedObjects = Self.strings(input["associatedObjects"])
    }

    /// The strings of a JSON array (anything else is empty).
    static func strings(_ value: JSONValue?) -> [String] {
        value?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}

extension SchemaAssociationInput {
    init(json: JSONValue) {
        fromObjectTypeId = json["fromObjectTypeId"]?.scalarText
        toObjectTypeId = json["toObjectTypeId"]?.scalarText
        name = json["name"]?.stringValue
    }
}

extension SchemaNamesInput {
    /// `{inputs: ["2-N" | name | {id}, …], includePropertyDefinitions?, includeAssociationDefinitions?}`.
    init(json: JSONValue) throws(HubSpotError) {
        names = try BatchInputs.inputs(json).map { $0.stringValue ?? $0["id"]?.scalarText }
        includeProperties = json["includePropertyDefinitions"]?.boolValue ?? true
        includeAssociations = json["includeAssociationDefinitions"]?.boolValue ?? true
    }
}
