import JSONValue

/// The first numeric id handed to a custom object schema (`objectTypeId` `2-{id}`); HubSpot's look like
/// the spec's `123456`.
let firstSchemaId = 2_100_001

extension SandboxStore {
    // MARK: Lookup and rendering

    /// The type id (`2-N`) of the schema `reference` names: its type id, numeric id, fully qualified
    /// name or name (any case). Only live schemas are found unless `archived` is true.
    func schemaTypeId(_ reference: String, archived: Bool = false) throws(HubSpotError) -> String {
        let lower = reference.lowercased()
        let match = schemas.first { key, schema in
            (schema["archived"]?.boolValue ?? false) == archived
                && (key == reference || schema["id"]?.stringValue == reference
                    || schema["fullyQualifiedName"]?.stringValue?.lowercased() == lower || schema["name"]?.stringValue?.lowercased() == lower)
        }
        guard let key = match?.key else { throw HubSpotError.resourceNotFound("Unable to find object schema \(reference)") }
        return key
    }

    /// The `ObjectSchema` JSON in the order of hubspot-api.md §3; `properties` are the type's live
    /// definitions as they are now (so property API changes show), `associations` the stored ones.
    func renderSchema(_ typeId: String, includeProperties: Bool = true, includeAssociations: Bool = true) -> JSONValue {
        let stored = schemas[typeId] ?? [:]
        var object: JSONObject = [:]
        for key in ["id", "name", "labels", "objectTypeId", "fullyQualifiedName"] { object[key] = stored[key] }
        object["properties"] = .array(includeProperties
            ? (properties[typeId] ?? [:]).values.filter { !$0.archived }.map(\.answerJSON) : [])
        object["associations"] = includeAssociations ? stored["associations"] ?? [] : []
        for key in ["requiredProperties", "searchableProperties", "primaryDisplayProperty", "secondaryDisplayProperties",
                    "description", "createdAt", "updatedAt", "archived", "archivedAt"] {
            if let value = stored[key] { object[key] = value }
        }
        return .object(object)
    }

    /// The object type a custom object schema defines (hubspot-api.md §2.3–§2.4, §3): `hs_createdate` /
    /// `hs_lastmodifieddate`, the schema's required properties, its searchable properties for a
    /// search `query`, and its primary display property as the default answer.
    func objectType(forSchema schema: JSONObject) -> ObjectType {
        let name = schema["name"]?.stringValue ?? ""
        let primary = schema["primaryDisplayProperty"]?.stringValue
        let defaults = primary.map { [$0] } ?? []
        return ObjectType(
            name: name, objectTypeId: schema["objectTypeId"]?.stringValue ?? "", singular: name, errorLabel: name.uppercased(),
            createDateProperty: "hs_createdate", lastModifiedProperty: "hs_lastmodifieddate", defaultProperties: defaults,
            searchDefaultProperties: defaults + ["hs_createdate", "hs_lastmodifieddate", "hs_object_id"].filter { !defaults.contains($0) },
            requiredProperties: strings(schema["requiredProperties"]), queryProperties: strings(schema["searchableProperties"]),
            scopeName: "custom", fullyQualifiedName: schema["fullyQualifiedName"]?.stringValue)
    }

    /// The strings of a JSON array (an absent one is empty).
    func strings(_ value: JSONValue?) -> [String] {
        value?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    // MARK: List, read

    /// `GET …/schemas` → `{"results":[ObjectSchema]}`: live schemas, or only archived ones.
    public func listSchemas(archived: Bool, includeProperties: Bool, includeAssociations: Bool) -> JSONValue {
        let keys = schemas.filter { ($0.value["archived"]?.boolValue ?? false) == archived }.keys
        return ["results": .array(keys.map { renderSchema($0, includeProperties: includeProperties, includeAssociations: includeAssociations) })]
    }

    /// `GET …/schemas/{objectType}` by `2-N`, fully qualified name or name → 200, or 404.
    public func readSchema(_ reference: String, includeProperties: Bool, includeAssociations: Bool) throws(HubSpotError) -> JSONValue {
        renderSchema(try schemaTypeId(reference), includeProperties: includeProperties, includeAssociations: includeAssociations)
    }

    /// `POST …/schemas/batch/read` with `{inputs:["2-N" | name, …]}` → 200 `{"results":[ObjectSchema]}`
    /// (the spec's only answer; inputs naming no schema are left out, UNCONFIRMED).
    public func batchReadSchemas(_ body: JSONValue) throws(HubSpotError) -> JSONValue {
        let inputs = try batchInputs(body)
        let includeProperties = body["includePropertyDefinitions"]?.boolValue ?? true
        let includeAssociations = body["includeAssociationDefinitions"]?.boolValue ?? true
        let keys = inputs.compactMap { input in
            (input.stringValue ?? input["id"]?.scalarText).flatMap { try? schemaTypeId($0) }
        }
        return ["results": .array(keys.map { renderSchema($0, includeProperties: includeProperties, includeAssociations: includeAssociations) })]
    }

    // MARK: Create

    /// `POST …/schemas` with an `ObjectSchemaEgg` → 201 `ObjectSchema`. Allocates `2-{id}`, creates the
    /// properties in a default group `{name}_information` (the spec's example group), defines the
    /// associations to `associatedObjects`, and registers the object type so the objects API serves it
    /// at once under its name, `2-{id}` and `p{portal}_{name}`.
    public func createSchema(_ body: JSONValue) throws(HubSpotError) -> JSONValue {
        guard let egg = body.objectValue else { throw HubSpotError.validation("Invalid input JSON: the schema must be a JSON object") }
        let now = Timestamp.now()
        let name = try checkedSchemaName(egg)
        guard let singular = egg["labels"]?["singular"]?.stringValue, let plural = egg["labels"]?["plural"]?.stringValue,
            !singular.isEmpty, !plural.isEmpty
        else { throw HubSpotError.validation("labels.singular and labels.plural are required") }

        let id = (schemas.keys.compactMap { Int($0.dropFirst(2)) }.max() ?? firstSchemaId - 1) + 1
        let typeId = "2-\(id)"
        let groupName = "\(name.lowercased())_information"
        var catalog = PropertyCatalog()
        for (property, type) in [("hs_object_id", PropertyDefinition.ValueType.number), ("hs_createdate", .datetime), ("hs_lastmodifieddate", .datetime)] {
            catalog[property] = PropertyDefinition(name: property, label: property, type: type, groupName: groupName,
                                                   readOnlyValue: true, createdAt: now)
        }
        for input in egg["properties"]?.arrayValue ?? [] {
            let definition = try PropertyDefinition.creating(from: try PropertyInput(json: input), groups: [groupName], defaultGroup: groupName, at: now)
            if catalog[definition.name] != nil {
                throw HubSpotError(status: .conflict, category: "CONFLICT", message: "Property named '\(definition.name)' is defined more than once.",
                                   context: ["name": [.string(definition.name)]])
            }
            catalog[definition.name] = definition
        }
        var schema: JSONObject = [
            "id": .string(String(id)), "name": .string(name), "labels": ["singular": .string(singular), "plural": .string(plural)],
            "objectTypeId": .string(typeId), "fullyQualifiedName": .string("p\(portal.portalId)_\(name)"), "associations": [],
        ]
        try applyDisplaySettings(egg, to: &schema, catalog: catalog)
        if let description = egg["description"]?.stringValue { schema["description"] = .string(description) }
        schema["createdAt"] = .string(now.iso8601)
        schema["updatedAt"] = .string(now.iso8601)
        schema["archived"] = false
        var targets: [ObjectType] = []
        for reference in strings(egg["associatedObjects"]) {
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
        return renderSchema(typeId)
    }

    /// The egg's `name`, refused when missing, malformed, or already used by a schema (archived ones
    /// included: HubSpot needs a purge before a name is reused) or a standard object.
    func checkedSchemaName(_ egg: JSONObject) throws(HubSpotError) -> String {
        guard let name = egg["name"]?.stringValue, !name.isEmpty else { throw HubSpotError.validation("name is required") }
        let isLetter = { (scalar: Unicode.Scalar) in ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
        let valid = name.unicodeScalars.first.map(isLetter) == true
            && name.unicodeScalars.allSatisfy { isLetter($0) || ("0"..."9").contains($0) || $0 == "_" }
        if !valid {
            throw HubSpotError.validation("Object name \"\(name)\" is invalid: it must start with a letter and contain only letters, digits and underscores.")
        }
        let lower = name.lowercased()
        let taken = schemas.values.contains { $0["name"]?.stringValue?.lowercased() == lower }
            || types.values.contains { $0.matches(lower) }
        if taken {
            throw HubSpotError(status: .conflict, category: "CONFLICT", message: "An object type named '\(name)' already exists.",
                               context: ["name": [.string(name)]])
        }
        return name
    }

    /// Copies the display settings of an egg or patch into `schema`: `requiredProperties`,
    /// `searchableProperties`, `primaryDisplayProperty`, `secondaryDisplayProperties`, each refused when
    /// it names a property the type does not have.
    func applyDisplaySettings(_ input: JSONObject, to schema: inout JSONObject, catalog: PropertyCatalog) throws(HubSpotError) {
        func known(_ names: [String], _ field: String) throws(HubSpotError) -> JSONValue {
            let unknown = names.filter { catalog[$0].map { $0.archived } ?? true }
            if !unknown.isEmpty {
                throw HubSpotError.validation("\(field) names properties that are not defined on this object: \(PropertyDefinition.bracketed(unknown))")
            }
            return .array(names.map(JSONValue.string))
        }
        let creating = schema["requiredProperties"] == nil
        for field in ["requiredProperties", "searchableProperties", "secondaryDisplayProperties"] {
            if input[field] != nil {
                schema[field] = try known(strings(input[field]), field)
            } else if creating {
                schema[field] = []
            }
        }
        if let primary = input["primaryDisplayProperty"]?.stringValue {
            _ = try known([primary], "primaryDisplayProperty")
            schema["primaryDisplayProperty"] = .string(primary)
        }
    }

    // MARK: Update, delete

    /// `PATCH …/schemas/{objectType}` with an `ObjectTypeDefinitionPatch` → 200 `ObjectTypeDefinition`
    /// (the schema without properties and associations, plus `portalId`). The object type follows the
    /// new required, searchable and primary display properties at once.
    public func updateSchema(_ reference: String, _ body: JSONValue) throws(HubSpotError) -> JSONValue {
        guard let patch = body.objectValue else { throw HubSpotError.validation("Invalid input JSON: the update must be a JSON object") }
        let typeId = try schemaTypeId(reference)
        var schema = schemas[typeId] ?? [:]
        try applyDisplaySettings(patch, to: &schema, catalog: properties[typeId] ?? [:])
        if var labels = schema["labels"]?.objectValue, let given = patch["labels"]?.objectValue {
            for key in ["singular", "plural"] { if let label = given[key]?.stringValue { labels[key] = .string(label) } }
            schema["labels"] = .object(labels)
        }
        if let description = patch["description"]?.stringValue { schema["description"] = .string(description) }
        if patch["clearDescription"]?.boolValue == true { schema["description"] = nil }
        schema["updatedAt"] = .string(Timestamp.now().iso8601)
        schemas[typeId] = schema
        types[typeId] = objectType(forSchema: schema)
        var definition: JSONObject = [:]
        for key in ["id", "objectTypeId", "fullyQualifiedName", "name", "labels", "requiredProperties", "searchableProperties",
                    "primaryDisplayProperty", "secondaryDisplayProperties", "description"] {
            if let value = schema[key] { definition[key] = value }
        }
        definition["portalId"] = .int(portal.portalId)
        for key in ["createdAt", "updatedAt", "archived"] { definition[key] = schema[key] }
        return .object(definition)
    }

    /// `DELETE …/schemas/{objectType}` → 204. HubSpot deletes a custom object only once all its records
    /// are deleted (its custom objects guide), so live records are a 400. The delete archives the
    /// schema: the objects API stops serving the type and the name stays taken. `?archived=true` is
    /// the guide's hard delete (needed before a name can be reused): it purges the schema, archived or
    /// not, with its archived records, properties and groups.
    public func deleteSchema(_ reference: String, purge: Bool) throws(HubSpotError) {
        let typeId: String
        if purge, let archivedId = try? schemaTypeId(reference, archived: true) {
            typeId = archivedId
        } else {
            typeId = try schemaTypeId(reference)
        }
        let live = tables[typeId]?.liveCount ?? 0
        if live > 0 {
            let name = schemas[typeId]?["name"]?.stringValue ?? typeId
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
        let now = Timestamp.now().iso8601
        schemas[typeId]?["archived"] = true
        schemas[typeId]?["archivedAt"] = .string(now)
        schemas[typeId]?["updatedAt"] = .string(now)
    }

    // MARK: Associations

    /// Defines an association type between `from` and `to` and records it in the schema `typeId`'s
    /// `associations` (`AssociationDefinition`); returns that JSON.
    func defineSchemaAssociation(of typeId: String, from: ObjectType, to: ObjectType, name: String,
                                 at time: Timestamp) throws(HubSpotError) -> JSONValue {
        let existing = schemas[typeId]?["associations"]?.arrayValue ?? []
        if existing.contains(where: { $0["name"]?.stringValue == name }) {
            throw HubSpotError(status: .conflict, category: "CONFLICT", message: "An association named '\(name)' already exists on \(typeId).",
                               context: ["name": [.string(name)]])
        }
        let ids = defineCustomAssociation(from: from, to: to, name: name)
        let definition: JSONValue = [
            "id": .string(String(ids.forward)), "fromObjectTypeId": .string(from.objectTypeId), "toObjectTypeId": .string(to.objectTypeId),
            "name": .string(name), "createdAt": .string(time.iso8601), "updatedAt": .string(time.iso8601),
        ]
        schemas[typeId]?["associations"] = .array(existing + [definition])
        return definition
    }

    /// `POST …/schemas/{objectType}/associations` with `{fromObjectTypeId, toObjectTypeId, name?}` → 201
    /// `AssociationDefinition`. One end must be the schema's own type.
    public func addSchemaAssociation(_ reference: String, _ body: JSONValue) throws(HubSpotError) -> JSONValue {
        let typeId = try schemaTypeId(reference)
        guard let fromReference = body["fromObjectTypeId"]?.scalarText, let toReference = body["toObjectTypeId"]?.scalarText else {
            throw HubSpotError.validation("Cannot build AssociationDefinitionEgg, some of required attributes are not set [fromObjectTypeId, toObjectTypeId]")
        }
        let from = try objectType(fromReference)
        let to = try objectType(toReference)
        guard from.objectTypeId == typeId || to.objectTypeId == typeId else {
            throw HubSpotError.validation("An association of schema \(typeId) must start or end at \(typeId); got \(from.objectTypeId) → \(to.objectTypeId).")
        }
        return try defineSchemaAssociation(of: typeId, from: from, to: to,
                                           name: body["name"]?.stringValue ?? "\(from.singular)_to_\(to.singular)", at: .now())
    }

    /// `DELETE …/schemas/{objectType}/associations/{associationIdentifier}` → 204: removes the definition
    /// whose `id` (or, failing that, `name`) matches; an unknown one is 404.
    public func removeSchemaAssociation(_ reference: String, _ identifier: String) throws(HubSpotError) {
        let typeId = try schemaTypeId(reference)
        var associations = schemas[typeId]?["associations"]?.arrayValue ?? []
        guard let index = associations.firstIndex(where: { $0["id"]?.stringValue == identifier })
            ?? associations.firstIndex(where: { $0["name"]?.stringValue == identifier })
        else { throw HubSpotError.resourceNotFound("Unable to find association \(identifier) on object schema \(typeId)") }
        associations.remove(at: index)
        schemas[typeId]?["associations"] = .array(associations)
        schemas[typeId]?["updatedAt"] = .string(Timestamp.now().iso8601)
    }
}
