import JSONValue

/// The largest page of a record's associations, and the default (hubspot-api.md §5.2).
let associationPageLimit = 500

extension SandboxStore {
    /// The id of a live record of `type`, or 404 `OBJECT_NOT_FOUND`.
    func liveRecordId(_ reference: String, _ type: ObjectType) throws(HubSpotError) -> Int {
        guard let id = Int(reference), isLive(type, id) else { throw HubSpotError.objectNotFound(reference) }
        return id
    }

    /// One v4 association entry: `{toObjectId, associationTypes}`, the id as a JSON number [D].
    func v4Entry(_ toId: Int, _ types: [AssociationType]) -> JSONValue {
        ["toObjectId": .int(toId), "associationTypes": .array(types.map(\.specWithLabel))]
    }

    /// `LabelsBetweenObjectPair`: the labels held from one record to another, ids as JSON numbers [D].
    func labelsBetween(_ fromType: ObjectType, _ fromId: Int, _ toType: ObjectType, _ toId: Int) -> JSONValue {
        let held = associations.ordered(associations.typeIds(from: RecordKey(fromType, fromId), to: RecordKey(toType, toId)))
        return ["fromObjectTypeId": .string(fromType.objectTypeId), "fromObjectId": .int(fromId),
                "toObjectTypeId": .string(toType.objectTypeId), "toObjectId": .int(toId),
                "labels": .array(held.compactMap(\.label).map(JSONValue.string))]
    }

    /// The `PublicDefaultAssociation` results of a default association: both directions.
    func defaultAssociationResults(_ fromType: ObjectType, _ fromId: Int, _ toType: ObjectType, _ toId: Int) -> [JSONValue] {
        guard let base = associations.unlabeledType(from: fromType.objectTypeId, to: toType.objectTypeId),
              let inverse = associations.types[base.inverseId] else { return [] }
        return [["from": ["id": .string(String(fromId))], "to": ["id": .string(String(toId))], "associationSpec": base.spec],
                ["from": ["id": .string(String(toId))], "to": ["id": .string(String(fromId))], "associationSpec": inverse.spec]]
    }

    /// The type ids an array of `AssociationSpec` names between two object types.
    func typeIds(_ specs: [JSONValue], from fromType: ObjectType, to toType: ObjectType) throws(HubSpotError) -> [Int] {
        var ids: [Int] = []
        for spec in specs {
            let type = try associationType(spec, from: fromType)
            guard type.toObjectTypeId == toType.objectTypeId else {
                throw HubSpotError.validation("\(type.id) is not a valid association type id from \(fromType.singular) to \(toType.singular)")
            }
            ids.append(type.id)
        }
        return ids
    }

    /// A page of a record's associations, by ascending `toObjectId`; `after` is the first id of the page.
    func associationPage(_ type: ObjectType, _ id: Int, to toType: ObjectType, limit: Int, after: String?) throws(HubSpotError)
        -> (results: [JSONValue], next: String?)
    {
        var targets = liveTargets(of: type, id: id, to: toType)
        if let after, !after.isEmpty {
            guard let cursor = Int(after) else { throw HubSpotError.validation("Invalid after value: \(after)") }
            targets.removeAll { $0.id < cursor }
        }
        let size = max(1, min(limit, associationPageLimit))
        let next = targets.count > size ? String(targets[size].id) : nil
        return (targets.prefix(size).map { v4Entry($0.id, $0.types) }, next)
    }

    // MARK: Per record (hubspot-api.md §5.2)

    /// `GET /crm/v4/objects/{t}/{id}/associations/{toT}`. A record that does not exist simply has no
    /// associations (HubSpot's answer for it is UNCONFIRMED).
    func listAssociations(_ type: ObjectType, _ reference: String, to toType: ObjectType, limit: Int, after: String?,
                          linkBase: String) throws(HubSpotError) -> JSONValue {
        let page = try associationPage(type, Int(reference) ?? 0, to: toType, limit: limit, after: after)
        var body: JSONObject = ["results": .array(page.results)]
        if let next = page.next {
            body["paging"] = ["next": ["after": .string(next), "link": .string("\(linkBase)?limit=\(limit)&after=\(next)")]]
        }
        return .object(body)
    }

    /// `PUT …/associations/default/{toT}/{toId}` → `BatchResponsePublicDefaultAssociation`.
    func putDefaultAssociation(_ type: ObjectType, _ reference: String, to toType: ObjectType, _ toReference: String) throws(HubSpotError) -> JSONValue {
        let fromId = try liveRecordId(reference, type)
        let toId = try liveRecordId(toReference, toType)
        let startedAt = Timestamp.now()
        try associateDefault(type, fromId, toType, toId)
        return BatchOutcome(results: defaultAssociationResults(type, fromId, toType, toId), startedAt: startedAt).body
    }

    /// `PUT …/associations/{toT}/{toId}` with `AssociationSpec[]`: the given types replace those held
    /// (hubspot-api.md §5.2) → `LabelsBetweenObjectPair`.
    func putLabeledAssociation(_ type: ObjectType, _ reference: String, to toType: ObjectType, _ toReference: String,
                               _ body: JSONValue) throws(HubSpotError) -> JSONValue {
        guard let specs = body.arrayValue else { throw HubSpotError.validation("The body must be an array of association types") }
        let fromId = try liveRecordId(reference, type)
        let toId = try liveRecordId(toReference, toType)
        let ids = try typeIds(specs, from: type, to: toType)
        try associations.replace(RecordKey(type, fromId), RecordKey(toType, toId), typeIds: ids)
        return labelsBetween(type, fromId, toType, toId)
    }

    /// `DELETE …/associations/{toT}/{toId}`: removes every type between the two records, both directions.
    func deleteAssociation(_ type: ObjectType, _ reference: String, to toType: ObjectType, _ toReference: String) {
        guard let fromId = Int(reference), let toId = Int(toReference) else { return }
        associations.removeAll(RecordKey(type, fromId), RecordKey(toType, toId))
    }
}
