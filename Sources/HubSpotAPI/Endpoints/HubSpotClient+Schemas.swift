import JSONValue

/// The custom object schemas API (hubspot-api.md §3).
extension HubSpotClient {
    /// `GET …/schemas` → every schema (with properties and associations); `archived` lists only archived ones.
    public func schemas(archived: Bool = false) async throws(HubSpotAPIError) -> [ObjectSchema] {
        let query: [(name: String, value: String)] = archived ? [("archived", "true")] : []
        let json = try await json(HubSpotRequest(.GET, version.schemas, query: query))
        var schemas: [ObjectSchema] = []
        for item in json["results"]?.arrayValue ?? [] { schemas.append(try ObjectSchema(item)) }
        return schemas
    }

    /// `GET …/schemas/{objectType}` by `2-N`, fully qualified name or name; 404 when there is none.
    public func schema(_ objectType: String) async throws(HubSpotAPIError) -> ObjectSchema {
        try ObjectSchema(try await json(HubSpotRequest(.GET, schemaPath(objectType))))
    }

    /// `POST …/schemas` with an `ObjectSchemaEgg` (`name, labels, primaryDisplayProperty, properties,
    /// associatedObjects…`) → 201.
    public func createSchema(_ egg: JSONValue) async throws(HubSpotAPIError) -> ObjectSchema {
        try ObjectSchema(try await json(HubSpotRequest(.POST, version.schemas, body: egg, idempotent: false)))
    }

    /// `PATCH …/schemas/{objectType}` → the definition without properties and associations.
    public func updateSchema(_ objectType: String, _ changes: JSONValue) async throws(HubSpotAPIError) -> ObjectSchema {
        try ObjectSchema(try await json(HubSpotRequest(.PATCH, schemaPath(objectType), body: changes)))
    }

    /// `DELETE …/schemas/{objectType}` → 204; `archived: true` purges an archived schema so its name can be reused.
    public func deleteSchema(_ objectType: String, archived: Bool = false) async throws(HubSpotAPIError) {
        let query: [(name: String, value: String)] = archived ? [("archived", "true")] : []
        _ = try await send(HubSpotRequest(.DELETE, schemaPath(objectType), query: query))
    }

    /// `POST …/schemas/{objectType}/associations` → 201: a new association type from the schema's
    /// object to `toObjectTypeId`. `objectType` may be any name of the schema; its type id is looked up
    /// when it is not `2-N`.
    public func addSchemaAssociation(_ objectType: String, toObjectTypeId: String,
                                     name: String? = nil) async throws(HubSpotAPIError) -> ObjectSchema.Association {
        let fromId = objectType.hasPrefix("2-") ? objectType : try await schema(objectType).objectTypeId
        var body: JSONObject = ["fromObjectTypeId": .string(fromId), "toObjectTypeId": .string(toObjectTypeId)]
        if let name { body["name"] = .string(name) }
        let request = HubSpotRequest(.POST, "\(schemaPath(objectType))/associations", body: .object(body), idempotent: false)
        return try ObjectSchema.Association(try await json(request))
    }

    /// `DELETE …/schemas/{objectType}/associations/{associationId}` → 204.
    public func removeSchemaAssociation(_ objectType: String, associationId: String) async throws(HubSpotAPIError) {
        _ = try await send(HubSpotRequest(.DELETE, "\(schemaPath(objectType))/associations/\(segment(associationId))"))
    }

    func schemaPath(_ objectType: String) -> String { "\(version.schemas)/\(segment(objectType))" }
}
