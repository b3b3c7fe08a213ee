import Hummingbird
import JSONValue

/// `/crm/v3/properties/{objectType}…` and `/crm/properties/{date}/{objectType}…`: property definitions
/// and property groups (hubspot-api.md §4, §9).
///
/// Every route names its parameters `:objectType`, then `:propertyName` (or the literal `groups`, then
/// `:groupName`), so the router's tree has one parameter name per position.
struct PropertyRoutes: SandboxResource {
    let store: SandboxStore

    /// `/crm/v3/properties` and `/crm/properties/{date}` for every date version.
    func mount(on router: Router<SandboxRequestContext>) {
        router.addRoutes(collection(), atPaths: ["/crm/v3/properties"] + DateVersion.all.map { "/crm/properties/\($0)" })
    }

    /// The property and group routes under one prefix.
    func collection() -> RouteCollection<SandboxRequestContext> {
        let routes = RouteCollection(context: SandboxRequestContext.self)
        routes.get(":objectType") { request, context in
            let type = try await readableType(context)
            let definitions = try await store.listProperties(type.objectTypeId, archived: try request.queryBool("archived"),
                                                             names: request.queryList("properties"))
            return Response.json(["results": .array(definitions.map(\.answerJSON))])
        }
        routes.post(":objectType") { request, context in
            var request = request
            let type = try await writableType(context)
            let input = try PropertyInput(json: try await request.json(context, .definition))
            return Response.json(try await store.createProperty(type.objectTypeId, input).answerJSON, status: .created)
        }
        routes.get(":objectType/:propertyName") { request, context in
            let type = try await readableType(context)
            return Response.json(try await store.readProperty(type.objectTypeId, try context.parameter("propertyName"),
                                                              archived: try request.queryBool("archived")).answerJSON)
        }
        routes.patch(":objectType/:propertyName") { request, context in
            var request = request
            let type = try await writableType(context)
            let input = try PropertyInput(update: try await request.json(context, .definition))
            return Response.json(try await store.updateProperty(type.objectTypeId, try context.parameter("propertyName"), input).answerJSON)
        }
        routes.delete(":objectType/:propertyName") { _, context in
            let type = try await writableType(context)
            try await store.archiveProperty(type.objectTypeId, try context.parameter("propertyName"))
            return Response.noContent
        }
        addBatchRoutes(to: routes)
        addGroupRoutes(to: routes)
        return routes
    }

    /// `batch/create` (201/207), `batch/read` (200/207) and `batch/archive` (204).
    private func addBatchRoutes(to routes: RouteCollection<SandboxRequestContext>) {
        routes.post(":objectType/batch/create") { request, context in
            var request = request
            let type = try await writableType(context)
            let inputs = try PropertyInput.batch(try await request.json(context, .definitions))
            let outcome = BatchOutcome(try await store.batchCreateProperties(type.objectTypeId, inputs), encode: \.answerJSON)
            return Response.json(outcome.body, status: outcome.errors.isEmpty ? .created : .multiStatus207)
        }
        routes.post(":objectType/batch/read") { request, context in
            var request = request
            let type = try await readableType(context)
            let input = try PropertyNamesInput(json: try await request.json(context, .propertyNames))
            let outcome = BatchOutcome(try await store.batchReadProperties(type.objectTypeId, input, archived: try request.queryBool("archived")),
                                       encode: \.answerJSON)
            return Response.json(outcome.body, status: outcome.errors.isEmpty ? .ok : .multiStatus207)
        }
        routes.post(":objectType/batch/archive") { request, context in
            var request = request
            let type = try await writableType(context)
            try await store.batchArchiveProperties(type.objectTypeId, try PropertyNamesInput(json: try await request.json(context, .propertyNames)))
            return Response.noContent
        }
    }

    /// `groups` (GET, POST → 201) and `groups/{groupName}` (GET, PATCH, DELETE → 204).
    private func addGroupRoutes(to routes: RouteCollection<SandboxRequestContext>) {
        routes.get(":objectType/groups") { _, context in
            let type = try await readableType(context)
            return Response.json(["results": .array(try await store.listGroups(type.objectTypeId).map(\.json))])
        }
        routes.post(":objectType/groups") { request, context in
            var request = request
            let type = try await writableType(context)
            let input = PropertyGroupInput(json: try await request.json(context, .definition))
            return Response.json(try await store.createGroup(type.objectTypeId, input).json, status: .created)
        }
        routes.get(":objectType/groups/:groupName") { _, context in
            let type = try await readableType(context)
            return Response.json(try await store.readGroup(type.objectTypeId, try context.parameter("groupName")).json)
        }
        routes.patch(":objectType/groups/:groupName") { request, context in
            var request = request
            let type = try await writableType(context)
            let input = PropertyGroupInput(json: try await request.json(context, .definition))
            return Response.json(try await store.updateGroup(type.objectTypeId, try context.parameter("groupName"), input).json)
        }
        routes.delete(":objectType/groups/:groupName") { _, context in
            let type = try await writableType(context)
            try await store.archiveGroup(type.objectTypeId, try context.parameter("groupName"))
            return Response.noContent
        }
    }

    /// The path's object type, once the token may read its definitions: HubSpot's properties guide
    /// lists the records' read scope as well as the schema read scope, so either grants reading.
    private func readableType(_ context: SandboxRequestContext) async throws -> ObjectType {
        let type = try await store.objectType(try context.parameter("objectType"))
        try context.require(anyOf: ["crm.schemas.\(type.scopeName).read", type.readScope])
        return type
    }

    /// The path's object type, once the token may change its definitions (`crm.schemas.{type}.write`).
    private func writableType(_ context: SandboxRequestContext) async throws -> ObjectType {
        let type = try await store.objectType(try context.parameter("objectType"))
        try context.require(anyOf: ["crm.schemas.\(type.scopeName).write"])
        return type
    }
}
