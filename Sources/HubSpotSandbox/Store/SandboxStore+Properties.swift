import JSONValue

extension SandboxStore {
    // MARK: Lookup

    /// The group names a property of `type` may name: the declared groups, and also any group a
    /// definition already uses (so the standard definitions work even if their groups are not declared).
    func groupNames(_ type: ObjectType) -> Set<String> {
        var names = Set((groups[type.objectTypeId] ?? [:]).keys)
        for definition in catalog(type).values { names.insert(definition.groupName) }
        return names
    }

    /// The definition `name` of `type`: live ones, or only archived ones when `archived` is true.
    func definition(_ name: String, of type: ObjectType, archived: Bool = false) throws(HubSpotError) -> PropertyDefinition {
        guard let definition = catalog(type)[name], definition.archived == archived else {
            throw HubSpotError.resourceNotFound("Unable to find property \(name) on object type \(type.objectTypeId)")
        }
        return definition
    }

    // MARK: Properties

    /// `GET /crm/v3/properties/{objectType}`: every definition, with no paging. `names` keeps only
    /// the named properties (the `properties` query parameter).
    func listProperties(_ typeReference: String, archived: Bool, names: [String]?) throws(HubSpotError) -> [PropertyDefinition] {
        let type = try objectType(typeReference)
        var definitions = catalog(type).values.filter { $0.archived == archived }
        if let names, !names.isEmpty { definitions = definitions.filter { names.contains($0.name) } }
        return definitions
    }

    /// `GET /crm/v3/properties/{objectType}/{propertyName}`, or 404 for an unknown name.
    func readProperty(_ typeReference: String, _ name: String, archived: Bool) throws(HubSpotError) -> PropertyDefinition {
        let type = try objectType(typeReference)
        return try self.definition(name, of: type, archived: archived)
    }

    /// Checks a create body and returns the definition it describes, refusing a name already in use
    /// by a live property (409). An archived property of that name is replaced, as creating it again
    /// brings the name back (UNCONFIRMED: HubSpot may instead ask for a restore).
    func preparePropertyCreate(_ input: PropertyInput, _ type: ObjectType, at time: Timestamp) throws(HubSpotError) -> PropertyDefinition {
        let definition = try PropertyDefinition.creating(from: input, groups: groupNames(type), at: time)
        if let existing = catalog(type)[definition.name], !existing.archived {
            throw HubSpotError(status: .conflict, category: "CONFLICT",
                               message: "Property named '\(definition.name)' already exists on object type \(type.objectTypeId).",
                               context: ["name": [.string(definition.name)]])
        }
        return definition
    }

    /// Stores a checked definition; a unique-valued one starts being indexed at once.
    func installProperty(_ definition: PropertyDefinition, in type: ObjectType) {
        properties[type.objectTypeId, default: [:]][definition.name] = definition
        if definition.hasUniqueValue { reindexUniqueProperties(of: type.objectTypeId) }
    }

    /// `POST /crm/v3/properties/{objectType}` → 201 `Property`.
    func createProperty(_ typeReference: String, _ input: PropertyInput) throws(HubSpotError) -> PropertyDefinition {
        let type = try objectType(typeReference)
        let definition = try preparePropertyCreate(input, type, at: .now())
        installProperty(definition, in: type)
        return definition
    }

    /// `PATCH /crm/v3/properties/{objectType}/{propertyName}` → 200 `Property`.
    func updateProperty(_ typeReference: String, _ name: String, _ input: PropertyInput) throws(HubSpotError) -> PropertyDefinition {
        let type = try objectType(typeReference)
        var definition = try self.definition(name, of: type)
        try definition.applyUpdate(input, groups: groupNames(type), at: .now())
        properties[type.objectTypeId]?[name] = definition
        return definition
    }

    /// `DELETE /crm/v3/properties/{objectType}/{propertyName}` → 204. HubSpot's own properties are not
    /// archivable (`modificationMetadata.archivable: false`); an unknown name is 404.
    func archiveProperty(_ typeReference: String, _ name: String) throws(HubSpotError) {
        let type = try objectType(typeReference)
        var definition = try self.definition(name, of: type)
        try refuseHubSpotDefined(definition)
        definition.archived = true
        definition.updatedAt = .now()
        properties[type.objectTypeId]?[name] = definition
    }

    /// HubSpot's own definitions cannot be archived.
    func refuseHubSpotDefined(_ definition: PropertyDefinition) throws(HubSpotError) {
        if definition.hubspotDefined {
            throw HubSpotError.validation("Property \"\(definition.name)\" is defined by HubSpot and cannot be archived.")
        }
    }

    /// `POST …/batch/create` → 201, or 207 with one error per refused input (each input stands alone:
    /// the properties API has no `objectWriteTraceId` rule).
    func batchCreateProperties(_ typeReference: String, _ inputs: [Result<PropertyInput, HubSpotError>]) throws(HubSpotError)
        -> BatchResults<PropertyDefinition>
    {
        let type = try objectType(typeReference)
        var outcome = BatchResults<PropertyDefinition>(startedAt: .now())
        for input in inputs {
            do throws(HubSpotError) {
                let definition = try preparePropertyCreate(try input.get(), type, at: .now())
                installProperty(definition, in: type)
                outcome.results.append(definition)
            } catch {
                outcome.errors.append(error)
            }
        }
        return outcome
    }

    /// `POST …/batch/read` with `{inputs:[{name}], archived}` → 200, or 207 naming the unknown properties.
    func batchReadProperties(_ typeReference: String, _ input: PropertyNamesInput, archived: Bool) throws(HubSpotError)
        -> BatchResults<PropertyDefinition>
    {
        let type = try objectType(typeReference)
        let archived = input.archived ?? archived
        var outcome = BatchResults<PropertyDefinition>(startedAt: .now())
        var missing: [String] = []
        for name in input.names.map({ $0 ?? "" }) {
            if let definition = try? self.definition(name, of: type, archived: archived) {
                outcome.results.append(definition)
            } else {
                missing.append(name)
            }
        }
        if !missing.isEmpty {
            outcome.errors.append(HubSpotError(
                status: .notFound, category: "OBJECT_NOT_FOUND",
                message: "Could not find some properties of object type \(type.objectTypeId): \(PropertyDefinition.bracketed(missing))",
                context: ["names": .array(missing.map(JSONValue.string))]))
        }
        return outcome
    }

    /// `POST …/batch/archive` with `{inputs:[{name}]}` → 204, even for names that do not exist or are
    /// already archived (hubspot-api.md §4); HubSpot's own properties are still refused.
    func batchArchiveProperties(_ typeReference: String, _ input: PropertyNamesInput) throws(HubSpotError) {
        let type = try objectType(typeReference)
        let names = input.names.compactMap { $0 }
        for name in names {
            if let definition = catalog(type)[name] { try refuseHubSpotDefined(definition) }
        }
        let now = Timestamp.now()
        for name in names where catalog(type)[name]?.archived == false {
            properties[type.objectTypeId]?[name]?.archived = true
            properties[type.objectTypeId]?[name]?.updatedAt = now
        }
    }

    // MARK: Groups

    /// The group `name` of `type`, or 404.
    func group(_ name: String, of type: ObjectType) throws(HubSpotError) -> PropertyGroup {
        guard let group = groups[type.objectTypeId]?[name] else {
            throw HubSpotError.resourceNotFound("Unable to find property group \(name) on object type \(type.objectTypeId)")
        }
        return group
    }

    /// `GET …/groups`: every group of the type.
    func listGroups(_ typeReference: String) throws(HubSpotError) -> [PropertyGroup] {
        let type = try objectType(typeReference)
        return Array((groups[type.objectTypeId] ?? [:]).values)
    }

    /// `GET …/groups/{groupName}`, or 404.
    func readGroup(_ typeReference: String, _ name: String) throws(HubSpotError) -> PropertyGroup {
        try group(name, of: objectType(typeReference))
    }

    /// `POST …/groups` with `{name, label, displayOrder?}` → 201; a name in use is 409.
    func createGroup(_ typeReference: String, _ input: PropertyGroupInput) throws(HubSpotError) -> PropertyGroup {
        let type = try objectType(typeReference)
        let missing = [("name", input.name), ("label", input.label)].filter { $0.1?.isEmpty ?? true }.map(\.0)
        guard missing.isEmpty, let name = input.name, let label = input.label else {
            throw HubSpotError.validation("Cannot build PropertyGroupCreate, some of required attributes are not set \(PropertyDefinition.bracketed(missing))")
        }
        try PropertyDefinition.checkName(name)
        if groups[type.objectTypeId]?[name] != nil {
            throw HubSpotError(status: .conflict, category: "CONFLICT",
                               message: "Property group named '\(name)' already exists on object type \(type.objectTypeId).",
                               context: ["name": [.string(name)]])
        }
        let group = PropertyGroup(name: name, label: label, displayOrder: input.displayOrder ?? -1)
        groups[type.objectTypeId, default: [:]][name] = group
        return group
    }

    /// `PATCH …/groups/{groupName}` with `{label?, displayOrder?}` → 200.
    func updateGroup(_ typeReference: String, _ name: String, _ input: PropertyGroupInput) throws(HubSpotError) -> PropertyGroup {
        let type = try objectType(typeReference)
        var group = try self.group(name, of: type)
        if let label = input.label { group.label = label }
        if let order = input.displayOrder { group.displayOrder = order }
        groups[type.objectTypeId]?[name] = group
        return group
    }

    /// `DELETE …/groups/{groupName}` → 204. A group that still holds live properties is refused, so
    /// no property is left in a group that does not exist (UNCONFIRMED: HubSpot's behaviour here is
    /// undocumented).
    func archiveGroup(_ typeReference: String, _ name: String) throws(HubSpotError) {
        let type = try objectType(typeReference)
        _ = try group(name, of: type)
        let members = catalog(type).values.filter { $0.groupName == name && !$0.archived }.map(\.name)
        if !members.isEmpty {
            throw HubSpotError.validation("Property group \"\(name)\" still holds properties \(PropertyDefinition.bracketed(members)); move or archive them first.")
        }
        groups[type.objectTypeId]?[name] = nil
    }
}
