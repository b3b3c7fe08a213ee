import JSONValue

// The associations API's request bodies (hubspot-api.md §5) decoded from JSON that has passed the
// endpoint's `BodyShape`. Batch bodies are refused here when `inputs` is missing or too long, before
// anything else, as the store refused them.

extension AssociationPairInput {
    init(json: JSONValue) {
        fromId = json["from"]?["id"]?.scalarText
        toId = json["to"]?["id"]?.scalarText
        types = (json["types"]?.arrayValue ?? []).map(AssociationSpec.init(json:))
        v3Type = json["type"]?.scalarText ?? ""
    }

    /// The inputs of a batch write.
    static func batch(_ body: JSONValue) throws(HubSpotError) -> [AssociationPairInput] {
        try BatchInputs.inputs(body, limit: AssociationBatchLimit.write).map(AssociationPairInput.init(json:))
    }
}

extension AssociationReadInput {
    /// The inputs of a batch read.
    static func batch(_ body: JSONValue) throws(HubSpotError) -> [AssociationReadInput] {
        try BatchInputs.inputs(body, limit: AssociationBatchLimit.read).map {
            AssociationReadInput(id: $0["id"]?.scalarText, after: $0["after"]?.scalarText)
        }
    }
}

extension AssociationArchiveInput {
    /// The inputs of a v4 batch archive.
    static func batch(_ body: JSONValue) throws(HubSpotError) -> [AssociationArchiveInput] {
        try BatchInputs.inputs(body, limit: AssociationBatchLimit.write).map {
            AssociationArchiveInput(fromId: $0["from"]?["id"]?.scalarText, toIds: $0["to"]?.arrayValue?.map { $0["id"]?.scalarText })
        }
    }
}

extension AssociationLabelInput {
    init(json: JSONValue) {
        name = json["name"]?.stringValue
        label = json["label"]?.stringValue
        inverseLabel = json["inverseLabel"]?.stringValue
        typeId = json["associationTypeId"]?.intValue ?? json["associationTypeId"]?.scalarText.flatMap { Int($0) }
    }
}

extension AssociationLimitInput {
    /// The inputs of a limits batch: `{category, typeId, maxToObjectIds}`.
    static func batch(_ body: JSONValue) throws(HubSpotError) -> [AssociationLimitInput] {
        try BatchInputs.inputs(body, limit: AssociationBatchLimit.write).map {
            AssociationLimitInput(spec: AssociationSpec(json: ["associationTypeId": $0["typeId"] ?? .null, "associationCategory": $0["category"] ?? .null]),
                                  maxToObjectIds: $0["maxToObjectIds"]?.intValue)
        }
    }
}

extension AssociationSpec {
    /// The labelled PUT's body: an array of `AssociationSpec`.
    static func list(_ body: JSONValue) throws(HubSpotError) -> [AssociationSpec] {
        guard let specs = body.arrayValue else { throw HubSpotError.validation("The body must be an array of association types") }
        return specs.map(AssociationSpec.init(json:))
    }
}
