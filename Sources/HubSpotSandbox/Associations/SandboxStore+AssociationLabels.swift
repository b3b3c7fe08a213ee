import JSONValue

extension SandboxStore {
    // MARK: Labels (hubspot-api.md §5.2)

    /// `GET …/{from}/{to}/labels`: every type of the pair.
    func associationLabels(_ fromType: ObjectType, _ toType: ObjectType) -> [AssociationType] {
        associations.types(from: fromType.objectTypeId, to: toType.objectTypeId)
    }

    /// `POST …/labels` with `{name, label, inverseLabel?}` → 200, the new types.
    func createAssociationLabel(_ fromType: ObjectType, _ toType: ObjectType, _ input: AssociationLabelInput) throws(HubSpotError) -> [AssociationType] {
        guard let label = input.label, !label.isEmpty else { throw HubSpotError.validation("label is required") }
        guard let name = input.name, !name.isEmpty else { throw HubSpotError.validation("name is required") }
        return try associations.defineLabel(from: fromType.objectTypeId, to: toType.objectTypeId, name: name, label: label,
                                            inverseLabel: input.inverseLabel)
    }

    /// `PUT …/labels` with `{associationTypeId, label, inverseLabel?}` → 204.
    func updateAssociationLabel(_ fromType: ObjectType, _ toType: ObjectType, _ input: AssociationLabelInput) throws(HubSpotError) {
        guard let id = input.typeId else { throw HubSpotError.validation("associationTypeId is required") }
        guard let label = input.label, !label.isEmpty else { throw HubSpotError.validation("label is required") }
        try associations.updateLabel(id, from: fromType.objectTypeId, to: toType.objectTypeId, label: label, inverseLabel: input.inverseLabel)
    }

    /// `DELETE …/labels/{associationTypeId}` → 204. Associations lose the label and keep their other
    /// types (HubSpot's handling of labels in use is UNCONFIRMED).
    func deleteAssociationLabel(_ fromType: ObjectType, _ toType: ObjectType, _ reference: String) throws(HubSpotError) {
        guard let id = Int(reference) else { throw HubSpotError.resourceNotFound("Association type \(reference) does not exist") }
        try associations.deleteLabel(id, from: fromType.objectTypeId, to: toType.objectTypeId)
    }

    // MARK: Limits (hubspot-api.md §5.2)

    /// `GET …/definitions/configurations/all` (`pair` nil) or `…/{from}/{to}`: the configured limits.
    func associationLimits(_ pair: (ObjectType, ObjectType)?) -> [AssociationLimit] {
        let configured = associations.limits.keys.sorted().compactMap { associations.types[$0] }.filter { type in
            pair.map { type.fromObjectTypeId == $0.0.objectTypeId && type.toObjectTypeId == $0.1.objectTypeId } ?? true
        }
        return configured.map(limitConfiguration)
    }

    /// One configured limit.
    private func limitConfiguration(_ type: AssociationType) -> AssociationLimit {
        AssociationLimit(type: type, maxToObjectIds: associations.limits[type.id] ?? 0)
    }

    /// `POST …/configurations/{from}/{to}/batch/create|update` with `{category, typeId, maxToObjectIds}`
    /// inputs: sets the limits and answers with them.
    func configureAssociationLimits(_ fromType: ObjectType, _ toType: ObjectType, _ inputs: [AssociationLimitInput]) throws(HubSpotError)
        -> BatchResults<AssociationLimit>
    {
        var planned: [(AssociationType, Int)] = []
        for input in inputs {
            let type = try limitType(input.spec, fromType, toType)
            guard let max = input.maxToObjectIds, max >= 1 else {
                throw HubSpotError.validation("maxToObjectIds must be a positive integer")
            }
            planned.append((type, max))
        }
        var outcome = BatchResults<AssociationLimit>(startedAt: .now())
        for (type, max) in planned {
            associations.setLimit(type.id, max)
            outcome.results.append(limitConfiguration(type))
        }
        return outcome
    }

    /// `POST …/configurations/{from}/{to}/batch/purge` with `{category, typeId}` inputs: removes limits.
    func purgeAssociationLimits(_ fromType: ObjectType, _ toType: ObjectType, _ inputs: [AssociationLimitInput]) throws(HubSpotError) {
        let types = try inputs.map { input throws(HubSpotError) in try limitType(input.spec, fromType, toType) }
        for type in types { associations.setLimit(type.id, nil) }
    }

    /// The type a limit input names; it must belong to the pair.
    private func limitType(_ spec: AssociationSpec, _ fromType: ObjectType, _ toType: ObjectType) throws(HubSpotError) -> AssociationType {
        // `typeIds` answers one known id per spec, or throws.
        guard let id = try typeIds([spec], from: fromType, to: toType).first, let type = associations.types[id] else {
            throw HubSpotError.validation("Unknown association type for \(fromType.objectTypeId) to \(toType.objectTypeId)")
        }
        return type
    }
}
