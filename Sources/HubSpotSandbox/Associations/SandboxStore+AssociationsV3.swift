import JSONValue

extension SandboxStore {
    /// `GET /crm/v3/associations/{from}/{to}/types`: the types of the pair (hubspot-api.md §5.1).
    func v3AssociationTypes(_ fromType: ObjectType, _ toType: ObjectType) -> [AssociationType] {
        associations.types(from: fromType.objectTypeId, to: toType.objectTypeId)
    }

    /// The type a v3 input names, by v3 name (`contact_to_company`) or by id.
    func v3AssociationType(_ name: String, _ fromType: ObjectType, _ toType: ObjectType) throws(HubSpotError) -> AssociationType {
        let candidates = associations.types(from: fromType.objectTypeId, to: toType.objectTypeId)
        if let type = candidates.first(where: { $0.name.lowercased() == name.lowercased() || String($0.id) == name }) { return type }
        throw HubSpotError.validation("\(name) is not a valid association type from \(fromType.singular) to \(toType.singular)")
    }

    /// `POST /crm/v3/associations/{from}/{to}/batch/create` with `{from:{id}, to:{id}, type}` →
    /// `PublicAssociation` per input.
    func v3BatchCreateAssociations(_ fromType: ObjectType, _ toType: ObjectType, _ inputs: [AssociationPairInput]) throws(HubSpotError)
        -> BatchResults<V3Association>
    {
        let (found, errors) = try resolvePairs(inputs, fromType, toType)
        var outcome = BatchResults<V3Association>(errors: errors, startedAt: .now())
        let planned = try found.map { entry throws(HubSpotError) in
            (entry.fromId, entry.toId, try v3AssociationType(entry.input.v3Type, fromType, toType))
        }
        for (fromId, toId, type) in planned {
            try associations.add(RecordKey(fromType, fromId), RecordKey(toType, toId), typeIds: [type.id])
            outcome.results.append(V3Association(fromId: fromId, toId: toId, typeName: type.name))
        }
        return outcome
    }

    /// `POST /crm/v3/associations/{from}/{to}/batch/read` with `{id}` inputs: `{from:{id}, to:[{id, type}]}`
    /// per input, one `to` entry per type held; ids with nothing associated are 207 errors [O].
    func v3BatchReadAssociations(_ fromType: ObjectType, _ toType: ObjectType, _ inputs: [AssociationReadInput]) throws(HubSpotError)
        -> BatchResults<V3AssociationRead>
    {
        var outcome = BatchResults<V3AssociationRead>(startedAt: .now())
        for input in inputs {
            guard let reference = input.id else { throw HubSpotError.validation("Each input needs an id") }
            let targets = liveTargets(of: fromType, id: Int(reference) ?? 0, to: toType)
            guard !targets.isEmpty else {
                outcome.errors.append(noAssociationsError(fromType, reference, to: toType))
                continue
            }
            let links = targets.flatMap { entry in entry.types.map { (id: entry.id, typeName: $0.name) } }
            outcome.results.append(V3AssociationRead(fromId: reference, links: links))
        }
        return outcome
    }

    /// `POST /crm/v3/associations/{from}/{to}/batch/archive`: removes the named type from each pair (the
    /// unlabeled type removes the association whole).
    func v3BatchArchiveAssociations(_ fromType: ObjectType, _ toType: ObjectType, _ inputs: [AssociationPairInput]) throws(HubSpotError) {
        var planned: [(Int, Int, Int)] = []
        for input in inputs {
            guard let from = input.fromId, let to = input.toId else {
                throw HubSpotError.validation("Each input needs from.id and to.id")
            }
            let type = try v3AssociationType(input.v3Type, fromType, toType)
            if let fromId = Int(from), let toId = Int(to) { planned.append((fromId, toId, type.id)) }
        }
        for (fromId, toId, id) in planned {
            associations.remove(RecordKey(fromType, fromId), RecordKey(toType, toId), typeIds: [id])
        }
    }
}
