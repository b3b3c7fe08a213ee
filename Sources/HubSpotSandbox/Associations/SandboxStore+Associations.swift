import JSONValue

extension SandboxStore {
    /// Whether `id` names a live (not archived, not deleted) record of `type`.
    func isLive(_ type: ObjectType, _ id: Int) -> Bool {
        guard let record = tables[type.objectTypeId]?.record(id) else { return false }
        return record.id != 0 && !record.archived
    }

    /// The live records of `toType` that a record is associated with, in id order, with the types held
    /// towards each (associations with archived records are kept but not shown, as HubSpot restores them).
    func liveTargets(of type: ObjectType, id: Int, to toType: ObjectType) -> [(id: Int, types: [AssociationType])] {
        associations.targets(of: RecordKey(type, id), toObjectTypeId: toType.objectTypeId)
            .filter { isLive(toType, $0.key) }
            .sorted { $0.key < $1.key }
            .map { ($0.key, associations.ordered($0.value)) }
    }

    /// What the v3 `associations` member of a record answer holds: per requested type the record has
    /// some of, one link per association type held (hubspot-api.md §2.2).
    func embeddedAssociations(of type: ObjectType, id: Int, to targets: [ObjectType]) -> [EmbeddedAssociations] {
        var embedded: [EmbeddedAssociations] = []
        for target in targets {
            let links = liveTargets(of: type, id: id, to: target).flatMap { entry in entry.types.map { (id: entry.id, label: $0.name) } }
            if !links.isEmpty { embedded.append(EmbeddedAssociations(typeName: target.name, links: links)) }
        }
        return embedded
    }

    /// The inline associations of a create, resolved: target type, target id and type ids. The type id
    /// decides the target object type (hubspot-api.md §2.4).
    private func inlineTargets(_ associations: [InlineAssociation], from type: ObjectType) throws(HubSpotError) -> [(ObjectType, Int, [Int])] {
        var resolved: [(ObjectType, Int, [Int])] = []
        for association in associations {
            guard let reference = association.toId else {
                throw HubSpotError.validation("Each association needs to.id")
            }
            guard !association.types.isEmpty else {
                throw HubSpotError.validation("Each association needs at least one type")
            }
            var target: ObjectType?
            var ids: [Int] = []
            for spec in association.types {
                let definition = try associationType(spec, from: type)
                guard let toType = types[definition.toObjectTypeId] else {
                    throw HubSpotError.validation("Association type \(definition.id) points to an unknown object type")
                }
                if let target, target != toType {
                    throw HubSpotError.validation("The types of one association must all point to the same object type")
                }
                target = toType
                ids.append(definition.id)
            }
            guard let target, let toId = Int(reference), isLive(target, toId) else {
                throw HubSpotError.validation("Association target \(target?.singular ?? "record") \(reference) does not exist",
                                              context: ["id": [.string(reference)]])
            }
            resolved.append((target, toId, ids))
        }
        return resolved
    }

    /// The association type an `AssociationSpec` names, from `type`'s records; a category that does not
    /// match the id is refused.
    func associationType(_ spec: AssociationSpec, from type: ObjectType) throws(HubSpotError) -> AssociationType {
        guard let id = spec.typeId else {
            throw HubSpotError.validation("associationTypeId is required")
        }
        guard let definition = associations.types[id], definition.fromObjectTypeId == type.objectTypeId else {
            throw HubSpotError.validation("\(id) is not a valid association type id for \(type.singular) records")
        }
        if let category = spec.category, category != definition.category {
            throw HubSpotError.validation("Association type \(id) is \(definition.category), not \(category)")
        }
        return definition
    }

    /// Checks inline `associations` of a create before anything is stored.
    func checkInlineAssociations(_ associations: [InlineAssociation], from type: ObjectType) throws(HubSpotError) {
        _ = try inlineTargets(associations, from: type)
    }

    /// Applies inline `associations` of a create (`[{to:{id}, types:[{associationCategory, associationTypeId}]}]`).
    func applyInlineAssociations(_ associations: [InlineAssociation], from type: ObjectType, id: Int) throws(HubSpotError) {
        for (target, toId, ids) in try inlineTargets(associations, from: type) {
            try self.associations.add(RecordKey(type, id), RecordKey(target, toId), typeIds: ids)
        }
    }

    /// Moves every association of a merged-away record to the record it was merged into.
    func moveAssociations(of type: ObjectType, from oldId: Int, to newId: Int) {
        associations.moveRecord(RecordKey(type, oldId), to: RecordKey(type, newId))
    }

    /// Forgets every association of a record that is deleted for good.
    func removeAssociations(of type: ObjectType, id: Int) {
        associations.removeRecord(RecordKey(type, id))
    }
}

extension SandboxStore {
    /// Associates two records with the HubSpot-defined unlabeled type (both directions).
    func associateDefault(_ fromType: ObjectType, _ fromId: Int, _ toType: ObjectType, _ toId: Int) throws(HubSpotError) {
        try associations.add(RecordKey(fromType, fromId), RecordKey(toType, toId), typeIds: [])
    }

    /// Associates two records with the given association type ids of the pair (the inverse types are
    /// kept in sync).
    func associate(_ fromType: ObjectType, _ fromId: Int, _ toType: ObjectType, _ toId: Int, typeIds: [Int]) throws(HubSpotError) {
        try associations.add(RecordKey(fromType, fromId), RecordKey(toType, toId), typeIds: typeIds)
    }

    /// The ids of `type` records associated with the record `targetId` of `targetType` (for the search
    /// pseudo-property `associations.{type}`).
    func associatedIds(of type: ObjectType, to targetType: ObjectType, id targetId: Int) -> Set<Int> {
        Set(associations.targets(of: RecordKey(targetType, targetId), toObjectTypeId: type.objectTypeId).keys)
    }

    /// Defines the association types between a new custom object and another type (both directions);
    /// returns the forward and inverse type ids.
    @discardableResult
    func defineCustomAssociation(from: ObjectType, to: ObjectType, name: String?) -> (forward: Int, inverse: Int) {
        associations.defineCustomPair(from: from, to: to, name: name)
    }
}
