/// The body of each endpoint, after HubSpot's input schemas (hubspot-api.md §2–§6): what the routes
/// read is checked against these before the store sees it. Where an endpoint checks its own input more
/// closely (search's limits, a property definition's fields) the shape stops at what every reader needs.
extension BodyShape {
    /// Property values by name: strings, or numbers and booleans HubSpot reads as text (hubspot-api.md §0).
    /// A multi-select's options may also come as an array, which the emulator joins with `;` (a leniency:
    /// HubSpot documents only the joined string).
    static let propertyValues = BodyShape.described(
        "an object of property values", .map(.described("a property value (a string, number or boolean)", .either(.scalar, .array(.scalar)))))

    /// An `AssociationSpec`: `{associationCategory, associationTypeId}` (§2.4, §5.2).
    static let associationSpec = BodyShape.object(["associationCategory": .string, "associationTypeId": .integer])

    /// `{"id": …}`, an id given as a string or a number (§0).
    static let objectId = BodyShape.object(["id": .scalar])

    /// An object with an `inputs` array of `input`.
    static func inputs(_ input: BodyShape, _ members: [String: BodyShape] = [:]) -> BodyShape {
        .object(members.merging(["inputs": .array(input)]) { _, new in new })
    }

    // MARK: Records (§2)

    /// `SimplePublicObjectInputForCreate`.
    static let recordCreate = BodyShape.object([
        "properties": propertyValues,
        "associations": .array(.object(["to": objectId, "types": .array(associationSpec)])),
        "objectWriteTraceId": .scalar,
    ])
    /// `SimplePublicObjectInput` (PATCH).
    static let recordUpdate = BodyShape.object(["properties": propertyValues, "objectWriteTraceId": .scalar])
    /// Batch read: ids, and the properties to return.
    static let batchRead = inputs(.object(["id": .scalar]), ["properties": .array(.string), "propertiesWithHistory": .array(.string),
                                                            "idProperty": .string])
    static let batchCreate = inputs(recordCreate)
    /// Batch update and upsert: an id (or unique value) with the values.
    static let batchUpdate = inputs(.object(["id": .scalar, "idProperty": .string, "properties": propertyValues,
                                             "objectWriteTraceId": .scalar]))
    static let batchArchive = inputs(objectId)
    static let merge = BodyShape.object(["primaryObjectId": .scalar, "objectIdToMerge": .scalar])
    static let gdprDelete = BodyShape.object(["objectId": .scalar, "idProperty": .string])
    /// Search checks its members itself (`SearchRequest`), with the limits.
    static let search = BodyShape.object([:])

    // MARK: Definitions (§3, §4, §6)

    /// A property definition or group, created or changed.
    static let definition = BodyShape.object(["options": .array(.object([:]))])
    static let definitions = inputs(definition)
    /// Property batch read and archive: names.
    static let propertyNames = inputs(.object(["name": .string]), ["archived": .boolean])
    /// `ObjectSchemaEgg` and its changes.
    static let schema = BodyShape.object(["labels": .object([:]), "properties": .array(.object([:])),
                                          "associatedObjects": .array(.string), "requiredProperties": .array(.string),
                                          "searchableProperties": .array(.string), "secondaryDisplayProperties": .array(.string)])
    /// Schema batch read: names or ids, as strings or `{id}`.
    static let schemaNames = inputs(.any)
    /// A schema's new association definition.
    static let schemaAssociation = BodyShape.object(["fromObjectTypeId": .scalar, "toObjectTypeId": .scalar, "name": .string])
    /// A pipeline or stage, created, replaced or changed.
    static let pipeline = BodyShape.object(["stages": .array(.object(["metadata": .map(.scalar)])), "metadata": .map(.scalar)])

    // MARK: Associations (§5)

    /// v3 batch create and archive: `{from: {id}, to: {id}, type}`.
    static let v3Associations = inputs(.object(["from": objectId, "to": objectId, "type": .scalar]))
    /// v3 and v4 batch read: ids (v4 also `after`).
    static let associationReads = inputs(.object(["id": .scalar, "after": .scalar]))
    /// v4 batch create and labels archive: `{from, to, types}`.
    static let labeledAssociations = inputs(.object(["from": objectId, "to": objectId, "types": .array(associationSpec)]))
    /// v4 batch associate default: `{from, to}`.
    static let defaultAssociations = inputs(.object(["from": objectId, "to": objectId]))
    /// v4 batch archive: `{from, to: [{id}]}`.
    static let associationArchive = inputs(.object(["from": objectId, "to": .array(objectId)]))
    /// The labelled PUT on one record pair: an array of `AssociationSpec`.
    static let associationSpecs = BodyShape.array(associationSpec)
    /// A new label (`{name, label, inverseLabel}`) or a renamed one (with `associationTypeId`).
    static let associationLabel = BodyShape.object(["name": .string, "label": .string, "inverseLabel": .string,
                                                    "associationTypeId": .integer])
    /// Association limit configurations.
    static let associationLimits = inputs(.object(["category": .string, "typeId": .integer, "maxToObjectIds": .integer]))

    // MARK: Account (§1)

    static let tokenInfo = BodyShape.object(["tokenKey": .string])
}
