import JSONValue

/// The first numeric id handed to a custom object schema (`objectTypeId` `2-{id}`); HubSpot's look like
/// the spec's `123456`.
let firstSchemaId = 2_100_001

extension SandboxStore {
    // MARK: Lookup

    /// The type id (`2-N`) of the schema `reference` names: its type id, numeric id, fully qualified
    /// name or name (any case). Only live schemas are found unless `archived` is true.
    func schemaTypeId(_ reference: String, archived: Bool = false) throws(HubSpotError) -> String {
        let match = schemas.first { _, schema in schema.archived == archived && schema.matches(reference) }
        guard let key = match?.key else { throw HubSpotError.resourceNotFound("Unable to find object schema \(reference)") }
        return key
    }

    /// The schema `typeId` as an answer carries it: `properties` are the type's live definitions as they
    /// are now (so property API changes show).
    func schemaAnswer(_ typeId: String, includeProperties: Bool = true, includeAssociations: Bool = true) -> SchemaAnswer? {
        guard let schema = schemas[typeId] else { return nil }
        let definitions = includeProperties ? (properties[typeId] ?? [:]).values.filter { !$0.archived } : []
        return SchemaAnswer(schema: schema, properties: definitions, includesAssociations: includeAssociations)
    }

    /// The object type a custom object schema defines (hubspot-api.md §2.3–§2.4, §3): `hs_createdate` /
    /// `hs_lastmodifieddate`, the schema's required properties, its searchable properties for a
    /// search `query`, and its primary display property as the default answer.
    func objectType(forSchema schema: ObjectSchema) -> ObjectType {
        let name = schema.name
        let defaults = schema.primaryDisplayProperty.map { [$0] } ?? []
        return ObjectType(
            name: name, objectTypeId: schema.objectTypeId, singular: name, errorLabel: name.uppercased(),
            createDateProperty: "hs_createdate", lastModifiedProperty: "hs_lastmodifieddate", defaultProperties: defaults,
            searchDefaultProperties: defaults + ["hs_createdate", "hs_lastmodifieddate", "hs_object_id"].filter { !defaults.contains($0) },
            requiredProperties: schema.requiredProperties, queryProperties: schema.searchableProperties,
            scopeName: "custom", fullyQualifiedName: schema.fullyQualifiedName)
    }

    // MARK: List, read

    /// `GET …/schemas`: live schemas, or only archived ones.
    func listSchemas(archived: Bool, includeProperties: Bool, includeAssociations: Bool) -> [SchemaAnswer] {
        schemas.filter { $0.value.archived == archived }.keys.compactMap {
            schemaAnswer($0, includeProperties: includeProperties, includeAssociations: includeAssociations)
        }
    }

    /// `GET …/schemas/{objectType}` by `2-N`, fully qualified name or name, or 404.
    func readSchema(_ reference: String, includeProperties: Bool, includeAssociations: Bool) throws(HubSpotError) -> SchemaAnswer {
        let typeId = try schemaTypeId(reference)
        guard let answer = schemaAnswer(typeId, includeProperties: includeProperties, includeAssociations: includeAssociations) else {
            throw HubSpotError.resourceNotFound("Unable to find object schema \(reference)")
        }
        return answer
    }

    /// `POST …/schemas/batch/read` with `{inputs:["2-N" | name, …]}` → 200 `{"results":[ObjectSchema]}`
    /// (the spec's only answer; inputs naming no schema are left out, UNCONFIRMED).
    func batchReadSchemas(_ input: SchemaNamesInput) -> [SchemaAnswer] {
        input.names.compactMap { name in
            name.flatMap { try? schemaTypeId($0) }.flatMap {
                schemaAnswer($0, includeProperties: input.includeProperties, includeAssociations: input.includeAssociations)
            }
        }
    }

    // MARK: Create

    /// `POST …/schemas` with an `ObjectSchemaEgg` → 201 `ObjectSchema`. Allocates `2-{id}`, creates the
    /// properties in a default group `{name}_information` (the spec's example group), defines the
    /// associations to `associatedObjects`, and registers the object type so the objects API serves it
    /// at once under its name, `2-{id}` and `p{portal}_{name}`.
    func createSchema(_ egg: SchemaInput) throws(HubSpotError) -> SchemaAnswer {
        let now = Timestamp.now()
        let name = try checkedSchemaName(egg.name)
        guard let singular = egg.labels?.singular, let plural = egg.labels?.plural, !singular.isEmpty, !plural.isEmpty
        else { throw HubSpotError.validation("labels.singular and labels.plural are required") }

        let id = (schemas.keys.compactMap { Int($0.dropFirst(2)) }.max() ?? firstSchemaId - 1) + 1
        let typeId = "2-\(id)"
        let groupName = "\(name.lowercased())_information"
        var catalog = PropertyCatalog()
        for (property, type) in [("hs_object_id", PropertyDefinition.ValueType.number), ("hs_createdate", .datetime), ("hs_lastmodifieddate", .datetime)] {
            catalog[property] = PropertyDefinition(name: property, label: property, type: type, groupName: groupName,
                                                   readOnlyValue: true, createdAt: now)
        }
        for input in egg.properties {
            let definition = try PropertyDefinition.creating(from: try input.get(), groups: [groupName], defaultGroup: groupName, at: now)
            if catalog[definition.name] != nil {
                throw HubSpotError(status: .conflict, category: "CONFLICT", message: "Property named '\(definition.name)' is defined more than once.",
                                   context: ["name": [.string(definition.name)]])
            }
            catalog[definition.name] = definition
        }
        var schema = ObjectSchema(id: String(id), name: name, singularLabel: singular, pluralLabel: plural, objectTypeId: typeId,
                                  fullyQualifiedName: "p\(portal.portalId)_\(name)", createdAt: now, updatedAt: now)
        try applyDisplaySettings(egg, to: &schema, catalog: catalog)
        if let description = egg.description { schema.description = description }
        var targets: [ObjectType] = []
        for reference in egg.associatedObjects {
            do throws(HubSpotError) { targets.append(try objectType(reference)) } catch {
                throw HubSpotError.validation("associatedObjects names an unknown object type: \(reference)")
            }
        }

        let type = objectType(forSchema: schema)
        register(type)
        properties[typeId] = catalog
        groups[typeId] = [groupName: PropertyGroup(name: groupName, label: "\(singular) information", displayOrder: -1)]
        reindexUniqueProperties(of: typeId)
        schemas[typeId] = schema
        for target in targets {
            _ = try defineSchemaAssociation(of: typeId, from: type, to: target, name: "\(name.lowercased())_to_\(target.singular)", at: now)
        }
        guard let answer = schemaAnswer(typeId) else { throw HubSpotError.resourceNotFound("Unable to find object schema \(typeId)") }
        return answer
    }

    /// The egg's `name`, refused when missing, malformed, or already used by a schema (archived ones
    /// included: HubSpot needs a purge before a name is reused) or a standard object.
    func checkedSchemaName(_ name: String?) throws(HubSpotError) -> String {
        guard let name, !name.isEmpty else { throw HubSpotError.validation("name is required") }
        let isLetter = { (scalar: Unicode.Scalar) in ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
        let valid = name.unicodeScalars.first.map(isLetter) == true
            && name.unicodeScalars.allSatisfy { isLetter($0) || ("0"..."9").contains($0) || $0 == "_" }
        if !valid {
            throw HubSpotError.validation("Object name \"\(name)\" is invalid: it must start with a letter and contain only letters, digits and underscores.")
        }
        let lower = name.lowercased()
        let taken = schemas.values.contains { $0.name.lowercased() == lower } || types.values.contains { $0.matches(lower) }
        if taken {
            throw HubSpotError(status: .conflict, category: "CONFLICT", message: "An object type named '\(name)' already exists.",
                               context: ["name": [.string(name)]])
        }
        return name
    }

    /// Copies the display settings of an egg or patch into `schema`: `requiredProperties`,
    /// `searchableProperties`, `primaryDisplayProperty`, `secondaryDisplayProperties`, each refused when
    /// it names a property the type does not have.
    func applyDisplaySettings(_ input: SchemaInput, to schema: inout ObjectSchema, catalog: PropertyCatalog) throws(HubSpotError) {
        func known(_ names: [String], _ field: String) throws(HubSpotError) -> [String] {
            let unknown = names.filter { catalog[$0].map { $0.archived } ?? true }
            if !unknown.isEmpty {
                throw HubSpotError.validation("\(field) names properties that are not defined on this object: \(PropertyDefinition.bracketed(unknown))")
            }
            return names
        }
        if let names = input.requiredProperties { schema.requiredProperties = try known(names, "requiredProperties") }
        if let names = input.searchableProperties { schema.searchableProperties = try known(names, "searchableProperties") }
        if let names = input.secondaryDisplayProperties { schema.secondaryDisplayProperties = try known(names, "secondaryDisplayProperties") }
        if let primary = input.primaryDisplayProperty {
            _ = try known([primary], "primaryDisplayProperty")
            schema.primaryDisplayProperty = primary
        }
    }

    // MARK: Update, delete

    /// `PATCH …/schemas/{objectType}` with an `ObjectTypeDefinitionPatch` → 200 `ObjectTypeDefinition`
    /// (the schema without properties and associations, plus `portalId`). The object type follows the
    /// new required, searchable and primary display properties at once.
    func updateSchema(_ reference: String, _ patch: SchemaInput) throws(HubSpotError) -> ObjectSchema {
        let typeId = try schemaTypeId(reference)
        guard var schema = schemas[typeId] else { throw HubSpotError.resourceNotFound("Unable to find object schema \(reference)") }
        try applyDisplaySettings(patch, to: &schema, catalog: properties[typeId] ?? [:])
        if let labels = patch.labels {
            if let singular = labels.singular { schema.singularLabel = singular }
            if let plural = labels.plural { schema.pluralLabel = plural }
        }
        if let description = patch.description { schema.description = description }
        if patch.clearDescription { schema.description = nil }
        schema.updatedAt = .now()
        schemas[typeId] = schema
        types[typeId] = objectType(forSchema: schema)
        return schema
    }

    /// `DELETE …/schemas/{objectType}` → 204. HubSpot deletes a custom object only once all its records
    /// are deleted (its custom objects guide), so live records are a 400. The delete archives the
    /// schema: the objects API stops serving the type and the name stays taken. `?archived=true` is
    /// the guide's hard delete (needed before a name can be reused): it purges the schema, archived or
    /// not, with its archived records, properties and groups.
    func deleteSchema(_ reference: String, purge: Bool) throws(HubSpotError) {
        let typeId: String
        if purge, let archivedId = try? schemaTypeId(reference, archived: true) {
            typeId = archivedId
        } else {
            typeId = try schemaTypeId(reference)
        }
        let live = tables[typeId]?.liveCount ?? 0
        if live > 0 {
            let name = schemas[typeId]?.name ?? typeId
            throw HubSpotError.validation(
                "Object type \(name) (\(typeId)) still has \(live) record\(live == 1 ? "" : "s"). Delete its records before deleting the schema.",
                context: ["objectTypeId": [.string(typeId)]])
        }
        types[typeId] = nil
        if purge {
            schemas[typeId] = nil
            tables[typeId] = nil
            properties[typeId] = nil
            groups[typeId] = nil
            return
        }
        let now = Timestamp.now()
        schemas[typeId]?.archived = true
        schemas[typeId]?.archivedAt = now
        schemas[typeId]?.updatedAt = now
    }

    // MARK: Associations

    /// Defines an association type between `from` and `to` and records it in the schema `typeId`'s
    /// `associations` (`AssociationDefinition`).
    func defineSchemaAssociation(of typeId: String, from: ObjectType, to: ObjectType, name: String,
                                 at time: Timestamp) throws(HubSpotError) -> SchemaAssociation {
        let existing = schemas[typeId]?.associations ?? []
        if existing.contains(where: { $0.name == name }) {
            throw HubSpotError(status: .conflict, category: "CONFLICT", message: "An association named '\(name)' already exists on \(typeId).",
                               context: ["name": [.string(name)]])
        }
        let ids = defineCustomAssociation(from: from, to: to, name: name)
        let definition = SchemaAssociation(id: String(ids.forward), fromObjectTypeId: from.objectTypeId, toObjectTypeId: to.objectTypeId,
                                           name: name, createdAt: time, updatedAt: time)
        schemas[typeId]?.associations.append(definition)
        return definition
    }

    /// `POST …/schemas/{objectType}/associations` with `{fromObjectTypeId, toObjectTypeId, name?}` → 201
    /// `AssociationDefinition`. One end must be the schema's own type.
    func addSchemaAssociation(_ reference: String, _ input: SchemaAssociationInput) throws(HubSpotError) -> SchemaAssociation {
        let typeId = try schemaTypeId(reference)
        guard let fromReference = input.fromObjectTypeId, let toReference = input.toObjectTypeId else {
            throw HubSpotError.validation("Cannot build AssociationDefinitionEgg, some of required attributes are not set [fromObjectTypeId, toObjectTypeId]")
        }
        let from = try objectType(fromReference)
        let to = try objectType(toReference)
        guard from.objectTypeId == typeId || to.objectTypeId == typeId else {
            throw HubSpotError.validation("An association of schema \(typeId) must start or end at \(typeId); got \(from.objectTypeId) → \(to.objectTypeId).")
        }
        return try defineSchemaAssociation(of: typeId, from: from, to: to, name: input.name ?? "\(from.singular)_to_\(to.singular)", at: .now())
    }

    /// `DELETE …/schemas/{objectType}/associations/{associationIdentifier}` → 204: removes the definition
    /// whose `id` (or, failing that, `name`) matches; an unknown one is 404.
    func removeSchemaAssociation(_ reference: String, _ identifier: String) throws(HubSpotError) {
        let typeId = try schemaTypeId(reference)
        var associations = schemas[typeId]?.associations ?? []
        guard let index = associations.firstIndex(where: { $0.id == identifier }) ?? associations.firstIndex(where: { $0.name == identifier })
        else { throw HubSpotError.resourceNotFound("Unable to find association \(identifier) on object schema \(typeId)") }
        associations.remove(at: index)
        schemas[typeId]?.associations = associations
        schemas[typeId]?.updatedAt = .now()
    }
}
