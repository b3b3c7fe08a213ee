import JSONValue

// The records API's request bodies (hubspot-api.md §2.4, §2.5), decoded from JSON that has already
// passed the endpoint's `BodyShape`. Each step throws what HubSpot answers a malformed body with, the
// same error at the same point as when the store read the JSON itself.

extension RecordInput {
    /// A create, update or batch input body.
    init(json: JSONValue) throws(HubSpotError) {
        id = json["id"]?.scalarText
        idProperty = json["idProperty"]?.stringValue
        properties = try Self.values(json["properties"]?.objectValue ?? [:])
        associations = (json["associations"]?.arrayValue ?? []).map(InlineAssociation.init(json:))
        objectWriteTraceId = json["objectWriteTraceId"]?.scalarText
    }

    /// Property values as text: `null` clears (`""`), numbers and booleans are read as text, a multi-select's
    /// array is joined with `;`. An object cannot pass the body's shape (`BodyShape.propertyValues`).
    static func values(_ given: JSONObject) throws(HubSpotError) -> PropertyValues {
        var values = PropertyValues(minimumCapacity: given.count)
        for (name, raw) in given {
            switch raw {
            case .null: values[name] = ""
            case .array(let parts): values[name] = parts.compactMap(\.scalarText).joined(separator: ";")
            case .object: throw HubSpotError.validation("\(name) cannot hold an object")
            default: values[name] = raw.scalarText ?? ""
            }
        }
        return values
    }

    /// The `inputs` of a batch body as record inputs.
    static func batch(_ body: JSONValue) throws(HubSpotError) -> [RecordInput] {
        var inputs: [RecordInput] = []
        for input in try BatchInputs.inputs(body) { inputs.append(try RecordInput(json: input)) }
        return inputs
    }
}

extension InlineAssociation {
    init(json: JSONValue) {
        toId = json["to"]?["id"]?.scalarText
        types = (json["types"]?.arrayValue ?? []).map(AssociationSpec.init(json:))
    }
}

extension AssociationSpec {
    init(json: JSONValue) {
        typeId = json["associationTypeId"]?.intValue ?? json["associationTypeId"]?.scalarText.flatMap { Int($0) }
        category = json["associationCategory"]?.stringValue
    }
}

extension BatchReadInput {
    /// `BatchReadInputSimplePublicObjectId`.
    init(json: JSONValue) throws(HubSpotError) {
        ids = try BatchInputs.inputs(json).map { $0["id"]?.scalarText }
        properties = json["properties"]?.arrayValue?.compactMap(\.stringValue)
        propertiesWithHistory = json["propertiesWithHistory"]?.arrayValue?.compactMap(\.stringValue) ?? []
        idProperty = json["idProperty"]?.stringValue
    }
}

extension MergeInput {
    /// `PublicMergeInput`.
    init(json: JSONValue) throws(HubSpotError) {
        guard let primary = json["primaryObjectId"]?.scalarText, let other = json["objectIdToMerge"]?.scalarText else {
            throw HubSpotError.validation("primaryObjectId and objectIdToMerge are required")
        }
        self.init(primaryObjectId: primary, objectIdToMerge: other)
    }
}

extension GDPRDeleteInput {
    /// `PublicGdprDeleteInput`.
    init(json: JSONValue) throws(HubSpotError) {
        guard let id = json["objectId"]?.scalarText else { throw HubSpotError.validation("objectId is required") }
        self.init(objectId: id, idProperty: json["idProperty"]?.stringValue)
    }
}

/// The `inputs` array every batch body carries (hubspot-api.md §2.5).
enum BatchInputs {
    /// The `inputs` of a batch body, refused when missing or over the limit. The wording of the
    /// over-limit message is UNCONFIRMED; the 400 `VALIDATION_ERROR` is documented.
    static func inputs(_ body: JSONValue, limit: Int = batchInputLimit) throws(HubSpotError) -> [JSONValue] {
        guard let inputs = body["inputs"]?.arrayValue else { throw HubSpotError.validation("inputs is required") }
        if inputs.count > limit {
            throw HubSpotError.validation("Too many inputs: \(inputs.count). A batch request accepts at most \(limit) inputs.",
                                          context: ["inputs": [.string(String(inputs.count))], "limit": [.string(String(limit))]])
        }
        return inputs
    }

    /// The ids of a batch archive: every input must have one.
    static func ids(_ body: JSONValue) throws(HubSpotError) -> [String] {
        var ids: [String] = []
        for input in try inputs(body) {
            guard let id = input["id"]?.scalarText else { throw HubSpotError.validation("Each input needs an id") }
            ids.append(id)
        }
        return ids
    }
}
