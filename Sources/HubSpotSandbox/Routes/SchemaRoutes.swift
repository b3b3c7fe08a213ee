import Hummingbird
import JSONValue

/// Custom object schemas (hubspot-api.md §3): `/crm-object-schemas/v3/schemas`, the docs' alias
/// `/crm/v3/schemas`, and `/crm-object-schemas/{date}/schemas` (§9).
struct SchemaRoutes: SandboxResource {
    let store: SandboxStore

    /// Reads accept the schema read scope or any custom-object read scope, as the spec lists them.
    static let readScopes = ["crm.schemas.custom.read", "crm.objects.custom.read", "crm.objects.custom.sensitive.read.v2",
                             "crm.objects.custom.highly_sensitive.read.v2"]
    /// Writes need `crm.schemas.custom.write`, the spec's only scope for them.
    static let writeScopes = ["crm.schemas.custom.write"]

    /// The same routes at the three schema prefixes.
    func mount(on router: Router<SandboxRequestContext>) {
        router.addRoutes(collection(), atPaths: ["/crm-object-schemas/v3/schemas", "/crm/v3/schemas"]
            + DateVersion.all.map { "/crm-object-schemas/\($0)/schemas" })
    }

    /// The schema routes under one prefix; the path parameters are `:objectType` then
    /// `:associationIdentifier`.
    func collection() -> RouteCollection<SandboxRequestContext> {
        let routes = RouteCollection(context: SandboxRequestContext.self)
        routes.get { request, context in
            try context.require(anyOf: Self.readScopes)
            let schemas = await store.listSchemas(
                archived: try request.queryBool("archived"),
                includeProperties: try request.queryBool("includePropertyDefinitions", default: true),
                includeAssociations: try request.queryBool("includeAssociationDefinitions", default: true))
            return Response.json(["results": .array(schemas.map(\.json))])
        }
        routes.post { request, context in
            var request = request
            try context.require(anyOf: Self.writeScopes)
            let egg = try SchemaInput(json: try await request.json(context, .schema), what: "schema")
            return Response.json(try await store.createSchema(egg).json, status: .created)
        }
        routes.post("batch/read") { request, context in
            var request = request
            try context.require(anyOf: Self.readScopes)
            let input = try SchemaNamesInput(json: try await request.json(context, .schemaNames))
            return Response.json(["results": .array(await store.batchReadSchemas(input).map(\.json))])
        }
        routes.get(":objectType") { request, context in
            try context.require(anyOf: Self.readScopes)
            return Response.json(try await store.readSchema(
                try context.parameter("objectType"),
                includeProperties: try request.queryBool("includePropertyDefinitions", default: true),
                includeAssociations: try request.queryBool("includeAssociationDefinitions", default: true)).json)
        }
        routes.patch(":objectType") { request, context in
            var request = request
            try context.require(anyOf: Self.writeScopes)
            let patch = try SchemaInput(json: try await request.json(context, .schema), what: "update")
            let schema = try await store.updateSchema(try context.parameter("objectType"), patch)
            return Response.json(schema.definitionJSON(portalId: await store.portal.portalId))
        }
        routes.delete(":objectType") { request, context in
            try context.require(anyOf: Self.writeScopes)
            try await store.deleteSchema(try context.parameter("objectType"), purge: try request.queryBool("archived"))
            return Response.noContent
        }
        routes.post(":objectType/associations") { request, context in
            var request = request
            try context.require(anyOf: Self.writeScopes)
            let input = SchemaAssociationInput(json: try await request.json(context, .schemaAssociation))
            return Response.json(try await store.addSchemaAssociation(try context.parameter("objectType"), input).json, status: .created)
        }
        routes.delete(":objectType/associations/:associationIdentifier") { _, context in
            try context.require(anyOf: Self.writeScopes)
            try await store.removeSchemaAssociation(try context.parameter("objectType"),
                                                    try context.parameter("associationIdentifier"))
            return Response.noContent
        }
        return routes
    }
}
