import JSONValue

extension AssociationGraph {
    /// Hands out the next custom type id.
    private mutating func allocateTypeId() -> Int {
        defer { nextCustomTypeId += 1 }
        return nextCustomTypeId
    }

    /// Defines a custom label from `from` to `to` (`POST …/labels`) and returns the new types, forward
    /// first. A paired label (`inverseLabel`) and any label between two different object types get one
    /// type per direction; an unpaired label between records of one type is its own inverse.
    mutating func defineLabel(from: String, to: String, name: String, label: String, inverseLabel: String?) throws(HubSpotError) -> [AssociationType] {
        guard unlabeledType(from: from, to: to) != nil else {
            throw HubSpotError.validation("No association types exist from \(from) to \(to)")
        }
        let existing = types(from: from, to: to).filter { $0.category == AssociationType.userDefined && $0.label != nil }
        if existing.contains(where: { $0.name == name }) {
            // The wording of the duplicate-name error is UNCONFIRMED; HubSpot refuses duplicates.
            throw HubSpotError.validation("An association label named \(name) already exists from \(from) to \(to)")
        }
        if Set(existing.map { min($0.id, $0.inverseId) }).count >= AssociationGraph.maxLabelsPerPair {
            throw HubSpotError.validation("Cannot create more than \(AssociationGraph.maxLabelsPerPair) association labels from \(from) to \(to)")
        }
        let forwardId = allocateTypeId()
        let inverseId = from == to && inverseLabel == nil ? forwardId : allocateTypeId()
        let forward = AssociationType(id: forwardId, category: AssociationType.userDefined, fromObjectTypeId: from,
                                      toObjectTypeId: to, label: label, name: name, inverseId: inverseId)
        install(forward)
        guard inverseId != forwardId else { return [forward] }
        let inverse = AssociationType(id: inverseId, category: AssociationType.userDefined, fromObjectTypeId: to,
                                      toObjectTypeId: from, label: inverseLabel ?? label, name: name, inverseId: forwardId)
        install(inverse)
        return [forward, inverse]
    }

    /// The custom label `id` of the pair, refusing HubSpot-defined and unknown ones.
    func customLabel(_ id: Int, from: String, to: String) throws(HubSpotError) -> AssociationType {
        guard let type = types[id], type.pair == AssociationPair(from: from, to: to) else {
            throw HubSpotError.resourceNotFound("Association type \(id) does not exist from \(from) to \(to)")
        }
        guard type.category == AssociationType.userDefined, type.label != nil else {
            throw HubSpotError.validation("Association type \(id) is not a user-defined label and cannot be changed")
        }
        return type
    }

    /// Renames a custom label (`PUT …/labels`); `inverseLabel` renames the other direction of a pair.
    mutating func updateLabel(_ id: Int, from: String, to: String, label: String, inverseLabel: String?) throws(HubSpotError) {
        let type = try customLabel(id, from: from, to: to)
        relabel(id, label)
        if let inverseLabel, type.inverseId != id { relabel(type.inverseId, inverseLabel) }
    }

    /// Deletes a custom label and its inverse (`DELETE …/labels/{id}`); associations keep their other types.
    mutating func deleteLabel(_ id: Int, from: String, to: String) throws(HubSpotError) {
        let type = try customLabel(id, from: from, to: to)
        removeEdges(holding: id)
        uninstall(id)
        uninstall(type.inverseId)
    }

    /// Defines the unlabeled types between a custom object and another type, both directions, unless the
    /// pair has them already; returns the forward and inverse ids.
    mutating func defineCustomPair(from: ObjectType, to: ObjectType, name: String?) -> (forward: Int, inverse: Int) {
        if let existing = unlabeledType(from: from.objectTypeId, to: to.objectTypeId) { return (existing.id, existing.inverseId) }
        let forwardId = allocateTypeId()
        let inverseId = from.objectTypeId == to.objectTypeId ? forwardId : allocateTypeId()
        install(AssociationType(id: forwardId, category: AssociationType.userDefined, fromObjectTypeId: from.objectTypeId,
                                toObjectTypeId: to.objectTypeId, label: nil, name: name ?? "\(from.singular)_to_\(to.singular)",
                                inverseId: inverseId))
        if inverseId != forwardId {
            install(AssociationType(id: inverseId, category: AssociationType.userDefined, fromObjectTypeId: to.objectTypeId,
                                    toObjectTypeId: from.objectTypeId, label: nil, name: "\(to.singular)_to_\(from.singular)",
                                    inverseId: forwardId))
        }
        return (forwardId, inverseId)
    }
}
