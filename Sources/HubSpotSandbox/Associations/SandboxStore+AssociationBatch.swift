import JSONValue

/// Input limits of the v4 association batch endpoints (hubspot-api.md §5.2, §9).
enum AssociationBatchLimit {
    /// `batch/read`.
    static let read = 1_000
    /// `batch/create` and the other writes; the spec states 2,000 for create, the others are
    /// UNCONFIRMED and take the same.
    static let write = 2_000
}

extension SandboxStore {
    /// The batch error for a record with nothing associated, as HubSpot words it [O].
    func noAssociationsError(_ fromType: ObjectType, _ reference: String, to toType: ObjectType) -> HubSpotError {
        HubSpotError(status: .notFound, category: "OBJECT_NOT_FOUND",
                     message: "No \(toType.singular) is associated with \(fromType.singular) \(reference).",
                     subCategory: "crm.associations.NO_ASSOCIATIONS_FOUND",
                     context: ["fromObjectId": [.string(reference)], "fromObjectType": [.string(fromType.singular)],
                               "toObjectType": [.string(toType.singular)]])
    }

    /// Splits `{from:{id}, to:{id}}` inputs into those whose records both exist (with their ids) and the
    /// `OBJECT_NOT_FOUND` errors for the others, one error per object type.
    func resolvePairs(_ inputs: [AssociationPairInput], _ fromType: ObjectType, _ toType: ObjectType) throws(HubSpotError)
        -> (found: [(fromId: Int, toId: Int, input: AssociationPairInput)], errors: [HubSpotError])
    {
        var found: [(fromId: Int, toId: Int, input: AssociationPairInput)] = []
        var missingFrom: [String] = []
        var missingTo: [String] = []
        for input in inputs {
            guard let from = input.fromId, let to = input.toId else {
                throw HubSpotError.validation("Each input needs from.id and to.id")
            }
            let fromId = Int(from).flatMap { isLive(fromType, $0) ? $0 : nil }
            let toId = Int(to).flatMap { isLive(toType, $0) ? $0 : nil }
            if fromId == nil, !missingFrom.contains(from) { missingFrom.append(from) }
            if toId == nil, !missingTo.contains(to) { missingTo.append(to) }
            if let fromId, let toId { found.append((fromId, toId, input)) }
        }
        var errors: [HubSpotError] = []
        if !missingFrom.isEmpty { errors.append(notFoundError(fromType, ids: missingFrom)) }
        if !missingTo.isEmpty { errors.append(notFoundError(toType, ids: missingTo)) }
        return (found, errors)
    }

    /// `POST /crm/v4/associations/{from}/{to}/batch/read`: each input's associations, a page of up to
    /// 500 at a time; `{id, after}` continues.
    func batchReadAssociations(_ fromType: ObjectType, _ toType: ObjectType, _ inputs: [AssociationReadInput]) throws(HubSpotError)
        -> BatchResults<AssociationRead>
    {
        var outcome = BatchResults<AssociationRead>(startedAt: .now())
        for input in inputs {
            guard let reference = input.id else { throw HubSpotError.validation("Each input needs an id") }
            let page = try associationPage(fromType, Int(reference) ?? 0, to: toType, limit: associationPageLimit, after: input.after)
            guard !page.targets.isEmpty else {
                outcome.errors.append(noAssociationsError(fromType, reference, to: toType))
                continue
            }
            outcome.results.append(AssociationRead(fromId: reference, page: page))
        }
        return outcome
    }

    /// `POST …/batch/create`: adds the given types (and the unlabeled one) to each pair →
    /// `LabelsBetweenObjectPair` per input.
    func batchCreateAssociations(_ fromType: ObjectType, _ toType: ObjectType, _ inputs: [AssociationPairInput]) throws(HubSpotError)
        -> BatchResults<LabelsBetween>
    {
        let (found, errors) = try resolvePairs(inputs, fromType, toType)
        var outcome = BatchResults<LabelsBetween>(errors: errors, startedAt: .now())
        let planned = try found.map { entry throws(HubSpotError) in
            (entry.fromId, entry.toId, try typeIds(entry.input.types, from: fromType, to: toType))
        }
        for (fromId, toId, ids) in planned {
            try associations.add(RecordKey(fromType, fromId), RecordKey(toType, toId), typeIds: ids)
            outcome.results.append(labelsBetween(fromType, fromId, toType, toId))
        }
        return outcome
    }

    /// `POST …/batch/associate/default`: the unlabeled type for each pair → `PublicDefaultAssociation`s.
    func batchAssociateDefault(_ fromType: ObjectType, _ toType: ObjectType, _ inputs: [AssociationPairInput]) throws(HubSpotError)
        -> BatchResults<DefaultAssociation>
    {
        let (found, errors) = try resolvePairs(inputs, fromType, toType)
        var outcome = BatchResults<DefaultAssociation>(errors: errors, startedAt: .now())
        for entry in found {
            try associateDefault(fromType, entry.fromId, toType, entry.toId)
            outcome.results += defaultAssociationResults(fromType, entry.fromId, toType, entry.toId)
        }
        return outcome
    }

    /// `POST …/batch/archive` with `{from:{id}, to:[{id}]}`: removes every type between the pairs.
    func batchArchiveAssociations(_ fromType: ObjectType, _ toType: ObjectType, _ inputs: [AssociationArchiveInput]) throws(HubSpotError) {
        for input in inputs {
            guard let from = input.fromId, let targets = input.toIds else {
                throw HubSpotError.validation("Each input needs from.id and a to list")
            }
            for target in targets {
                guard let fromId = Int(from), let toId = target.flatMap({ Int($0) }) else { continue }
                associations.removeAll(RecordKey(fromType, fromId), RecordKey(toType, toId))
            }
        }
    }

    /// `POST …/batch/labels/archive`: removes the given types; the unlabeled one removes them all.
    func batchArchiveLabels(_ fromType: ObjectType, _ toType: ObjectType, _ inputs: [AssociationPairInput]) throws(HubSpotError) {
        var planned: [(Int, Int, [Int])] = []
        for input in inputs {
            guard let from = input.fromId, let to = input.toId else {
                throw HubSpotError.validation("Each input needs from.id and to.id")
            }
            let ids = try typeIds(input.types, from: fromType, to: toType)
            if let fromId = Int(from), let toId = Int(to) { planned.append((fromId, toId, ids)) }
        }
        for (fromId, toId, ids) in planned {
            associations.remove(RecordKey(fromType, fromId), RecordKey(toType, toId), typeIds: ids)
        }
    }
}
