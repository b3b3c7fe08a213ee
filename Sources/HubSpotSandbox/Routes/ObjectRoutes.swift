import Hummingbird
import JSONValue

/// `/crm/v3/objects/{objectType}…` (and its alias and date-versioned prefixes): list, read, create,
/// update, archive, batch, search, merge and GDPR delete (hubspot-api.md §2).
struct ObjectRoutes {
    let store: SandboxStore

    func collection() -> RouteCollection<SandboxRequestContext> {
        let routes = RouteCollection(context: SandboxRequestContext.self)
        routes.get(":objectType") { request, context in
            let type = try await objectType(context, writing: false)
            let page = try await store.listRecords(type.objectTypeId, limit: try request.queryInt("limit", default: 10, max: 100),
                                                   after: request.query("after"), archived: try request.queryBool("archived"), view: view(request))
            return Response.json(page.json(linkBase: request.linkBase))
        }
        routes.post(":objectType") { request, context in
            var request = request
            let type = try await objectType(context, writing: true)
            let input = try RecordInput(json: try await request.json(context, .recordCreate))
            return Response.json(try await store.create(type.objectTypeId, input).json, status: .created)
        }
        routes.get(":objectType/:objectId") { request, context in
            let type = try await objectType(context, writing: false)
            return Response.json(try await store.read(type.objectTypeId, try context.parameter("objectId"), idProperty: request.query("idProperty"),
                                                      archived: try request.queryBool("archived"), view: view(request)).json)
        }
        routes.patch(":objectType/:objectId") { request, context in
            var request = request
            let type = try await objectType(context, writing: true)
            let input = try RecordInput(json: try await request.json(context, .recordUpdate))
            return Response.json(try await store.update(type.objectTypeId, try context.parameter("objectId"),
                                                        idProperty: request.query("idProperty"), input).json)
        }
        routes.delete(":objectType/:objectId") { _, context in
            let type = try await objectType(context, writing: true)
            try await store.archive(type.objectTypeId, try context.parameter("objectId"))
            return Response.noContent
        }
        routes.post(":objectType/search") { request, context in
            var request = request
            let type = try await objectType(context, writing: false)
            let (body, size) = try await request.jsonWithSize(context, .search)
            let search = try SearchRequest(parsing: body, bodySize: size)
            return Response.json(try await store.search(type.objectTypeId, search).json)
        }
        routes.post(":objectType/merge") { request, context in
            var request = request
            let type = try await objectType(context, writing: true)
            let input = try MergeInput(json: try await request.json(context, .merge))
            return Response.json(try await store.merge(type.objectTypeId, input).json)
        }
        routes.post(":objectType/gdpr-delete") { request, context in
            var request = request
            let type = try await objectType(context, writing: true)
            try await store.gdprDelete(type.objectTypeId, try GDPRDeleteInput(json: try await request.json(context, .gdprDelete)))
            return Response.noContent
        }
        addBatch("read", writing: false, success: .ok, shape: .batchRead, to: routes) { type, body, request in
            try await store.batchRead(type, try BatchReadInput(json: body), archived: try request.queryBool("archived"))
        }
        addBatch("create", writing: true, success: .created, shape: .batchCreate, to: routes) { type, body, _ in
            try await store.batchCreate(type, try RecordInput.batch(body))
        }
        addBatch("update", writing: true, success: .ok, shape: .batchUpdate, to: routes) { type, body, _ in
            try await store.batchUpdate(type, try RecordInput.batch(body))
        }
        addBatch("upsert", writing: true, success: .ok, shape: .batchUpdate, to: routes) { type, body, _ in
            try await store.batchUpsert(type, try RecordInput.batch(body))
        }
        routes.post(":objectType/batch/archive") { request, context in
            var request = request
            let type = try await objectType(context, writing: true)
            try await store.batchArchive(type.objectTypeId, try BatchInputs.ids(try await request.json(context, .batchArchive)))
            return Response.noContent
        }
        return routes
    }

    /// A batch endpoint: `success` when every input succeeded, 207 Multi-Status otherwise.
    private func addBatch(_ name: String, writing: Bool, success: HTTPResponse.Status, shape: BodyShape, to routes: RouteCollection<SandboxRequestContext>,
                          _ run: @escaping @Sendable (String, JSONValue, Request) async throws -> BatchResults<RecordAnswer>) {
        routes.post(RouterPath(":objectType/batch/\(name)")) { request, context in
            var request = request
            let type = try await objectType(context, writing: writing)
            let outcome = BatchOutcome(try await run(type.objectTypeId, try await request.json(context, shape), request), encode: \.json)
            return Response.json(outcome.body, status: outcome.errors.isEmpty ? success : .multiStatus207)
        }
    }

    /// The object type the path names, once the token's scopes allow reading (or writing) it.
    private func objectType(_ context: SandboxRequestContext, writing: Bool) async throws -> ObjectType {
        let type = try await store.objectType(try context.parameter("objectType"))
        if writing { try context.requireWrite(type) } else { try context.requireRead(type) }
        return type
    }

    private func view(_ request: Request) -> RecordView {
        RecordView(properties: request.queryList("properties"),
                   propertiesWithHistory: request.queryList("propertiesWithHistory") ?? [],
                   associations: request.queryList("associations") ?? [])
    }
}
