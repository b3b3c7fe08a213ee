import JSONValue

/// The largest page of a record's associations, and the default (hubspot-api.md §5.2).
let associationPageLimit = 500

extension SandboxStore {
    /// The id of a live record of `type`, or 404 `OBJECT_NOT_FOUND`.
    func liveRecordId(_ reference: String, _ type: ObjectType) throws(HubSpotError) -> Int {
        guard let id = Int(reference), isLive(type, id) else { throw HubSpotError.objectNotFound(reference) }
        return id
    }

    /// The labels held from one record to another.
    func labelsBetween(_ fromType: ObjectType, _ fromId: Int, _ toType: ObjectType, _ toId: Int) -> LabelsBetween {
        let held = associations.ordered(associations.typeIds(from: RecordKey(fromType, fromId), to: RecordKey(toType, toId)))
        return LabelsBetween(fromObjectTypeId: fromType.objectTypeId, fromId: fromId, toObjectTypeId: toType.objectTypeId, toId: toId,
                             labels: held.compactMap(\.label))
    }

    /// The default association between two records, both directions.
    func defaultAssociationResults(_ fromType: ObjectType, _ fromId: Int, _ toType: ObjectType, _ toId: Int) -> [DefaultAssociation] {
        guard let base = associations.unlabeledType(from: fromType.objectTypeId, to: toType.objectTypeId),
              let inverse = associations.types[base.inverseId] else { return [] }
        return [DefaultAssociation(fromId: fromId, toId: toId, type: base), DefaultAssociation(fromId: toId, toId: fromId, type: inverse)]
    }

    /// The type ids a list of `AssociationSpec` names between two object types.
    func typeIds(_ specs: [AssociationSpec], from fromType: ObjectType, to toType: ObjectType) throws(HubSpotError) -> [Int] {
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
        -> AssociationPage
    {
        var targets = liveTargets(of: type, id: id, to: toType)
        if let after, !after.isEmpty {
            guard let cursor = Int(after) else { throw HubSpotError.validation("Invalid after value: \(after)") }
            targets.removeAll { $0.id < cursor }
        }
        let size = max(1, min(limit, associationPageLimit))
        let next = targets.count > size ? String(targets[size].id) : nil
        return AssociationPage(targets: targets.prefix(size).map { AssociationTarget(toId: $0.id, types: $0.types) }, next: next, limit: limit)
    }

    // MARK: Per record (hubspot-api.md §5.2)

    /// `GET /crm/v4/objects/{t}/{id}/associations/{toT}`. A record that does not exist simply has no
    /// associations (HubSpot's answer for it is UNCONFIRMED).
    func listAssociations(_ type: ObjectType, _ reference: String, to toType: ObjectType, limit: Int,
                          after: String?) throws(HubSpotError) -> AssociationPage {
        try associationPage(type, Int(reference) ?? 0, to: toType, limit: limit, after: after)
    }

    /// `PUT …/associations/default/{toT}/{toId}` → `BatchResponsePublicDefaultAssociation`.
    func putDefaultAssociation(_ type: ObjectType, _ reference: String, to toType: ObjectType, _ toReference: String) throws(HubSpotError)
        -> BatchResults<DefaultAssociation>
    {
        let fromId = try liveRecordId(reference, type)
        let toId = try liveRecordId(toReference, toType)
        let startedAt = Timestamp.now()
        try associateDefault(type, fromId, toType, toId)
        return BatchResults(results: defaultAssociationResults(type, fromId, toType, toId), startedAt: startedAt)
    }

    /// `PUT …/associations/{toT}/{toId}` with `AssociationSpec[]`: the given types replace those held
    /// (hubspot-api.md §5.2) → `LabelsBetweenObjectPair`.
    func putLabeledAssociation(_ type: ObjectType, _ reference: String, to toType: ObjectType, _ toReference: String,
                               _ specs: [AssociationSpec]) throws(HubSpotError) -> LabelsBetween {
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
