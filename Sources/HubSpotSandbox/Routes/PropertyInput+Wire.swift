import JSONValue

// The properties API's request bodies (hubspot-api.md §4) decoded into `PropertyInput`,
// `PropertyGroupInput` and `PropertyNamesInput`.

extension PropertyInput {
    /// A definition body; one that is not an object is refused as HubSpot's typed input refuses it.
    init(json: JSONValue) throws(HubSpotError) {
        guard let input = json.objectValue else { throw HubSpotError.validation("Invalid input JSON: a property must be a JSON object") }
        name = input["name"]?.stringValue
        label = input["label"]?.stringValue
        type = input["type"]?.stringValue
        fieldType = input["fieldType"]?.stringValue
        namesFieldType = input["fieldType"] != nil
        groupName = input["groupName"]?.stringValue
        description = input["description"]?.stringValue
        options = input["options"].map { ($0.arrayValue ?? []).enumerated().map { PropertyOption(json: $1, index: $0) } }
        displayOrder = input["displayOrder"]?.intValue
        hasUniqueValue = input["hasUniqueValue"]?.boolValue
        hidden = input["hidden"]?.boolValue
        formField = input["formField"]?.boolValue
    }

    /// An update body, refused with the update's wording when it is not an object.
    init(update json: JSONValue) throws(HubSpotError) {
        guard json.objectValue != nil else { throw HubSpotError.validation("Invalid input JSON: the update must be a JSON object") }
        try self.init(json: json)
    }

    /// The inputs of a batch create, each decoded on its own: one that cannot be is that input's error.
    static func batch(_ body: JSONValue) throws(HubSpotError) -> [Result<PropertyInput, HubSpotError>] {
        try BatchInputs.inputs(body).map { input in Result { () throws(HubSpotError) in try PropertyInput(json: input) } }
    }
}

extension PropertyGroupInput {
    init(json: JSONValue) {
        name = json["name"]?.stringValue
        label = json["label"]?.stringValue
        displayOrder = json["displayOrder"]?.intValue
    }
}

extension PropertyNamesInput {
    /// `{inputs: [{name}], archived}`; an input may also be the name itself.
    init(json: JSONValue) throws(HubSpotError) {
        names = try BatchInputs.inputs(json).map { $0["name"]?.stringValue ?? $0.stringValue }
        archived = json["archived"]?.boolValue
    }
}
