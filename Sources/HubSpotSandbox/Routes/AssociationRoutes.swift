import Hummingbird
import JSONValue

/// The associations API (hubspot-api.md §5, §9): v3 batch and types, v4 per-record and batch, labels
/// and limits, at the v3/v4 prefixes and the date-versioned ones.
struct AssociationRoutes: SandboxResource {
    let store: SandboxStore

    func mount(on router: Router<SandboxRequestContext>) {
        router.addRoutes(v3(), atPath: "/crm/v3/associations")
        // Per-record routes share the objects prefixes, so they keep the objects routes' parameter names.
        router.addRoutes(records(), atPaths: ["/crm/v4/objects"] + DateVersion.all.map { "/crm/objects/\($0)" })
        // The newest spec spells the labels and limits paths `/crm/associations/v4/…`; the docs use
        // `/crm/v4/associations/…`: both are served, each with every definition route.
        router.addRoutes(definitions(dateVersioned: false), atPaths: ["/crm/v4/associations", "/crm/associations/v4"])
        for version in DateVersion.all {
            router.addRoutes(definitions(dateVersioned: true), atPath: RouterPath("/crm/associations/\(version)"))
        }
    }

    /// The object types named by `:fromObjectType` and `:toObjectType`.
    func objectPair(_ context: SandboxRequestContext) async throws -> (ObjectType, ObjectType) {
        let from = try await store.objectType(try context.parameter("fromObjectType"))
        let to = try await store.objectType(try context.parameter("toObjectType"))
        return (from, to)
    }

    /// A batch answer, each result encoded by `encode`: `success` when nothing failed, 207 otherwise.
    func batch<Result>(_ results: BatchResults<Result>, _ success: HTTPResponse.Status, _ encode: (Result) -> JSONValue) -> Response {
        let outcome = BatchOutcome(results, encode: encode)
        return Response.json(outcome.body, status: outcome.errors.isEmpty ? success : .multiStatus207)
    }

    /// `/crm/v3/associations/{from}/{to}/…` (hubspot-api.md §5.1).
    private func v3() -> RouteCollection<SandboxRequestContext> {
        let routes = RouteCollection(context: SandboxRequestContext.self)
        routes.get(":fromObjectType/:toObjectType/types") { _, context in
            let (from, to) = try await objectPair(context)
            try context.requireRead(from)
            return Response.json(["results": .array(await store.v3AssociationTypes(from, to).map(\.v3JSON))])
        }
        routes.post(":fromObjectType/:toObjectType/batch/create") { request, context in
            var request = request
            let (from, to) = try await objectPair(context)
            try context.requireWrite(from)
            let inputs = try AssociationPairInput.batch(try await request.json(context, .v3Associations))
            return batch(try await store.v3BatchCreateAssociations(from, to, inputs), .created, \.json)
        }
        routes.post(":fromObjectType/:toObjectType/batch/read") { request, context in
            var request = request
            let (from, to) = try await objectPair(context)
            try context.requireRead(from)
            let inputs = try AssociationReadInput.batch(try await request.json(context, .associationReads))
            return batch(try await store.v3BatchReadAssociations(from, to, inputs), .ok, \.json)
        }
        routes.post(":fromObjectType/:toObjectType/batch/archive") { request, context in
            var request = request
            let (from, to) = try await objectPair(context)
            try context.requireWrite(from)
            try await store.v3BatchArchiveAssociations(from, to, try AssociationPairInput.batch(try await request.json(context, .v3Associations)))
            return Response.noContent
        }
        return routes
    }

    /// `{objectsPrefix}/{t}/{id}/associations/…` (hubspot-api.md §5.2).
    private func records() -> RouteCollection<SandboxRequestContext> {
        let routes = RouteCollection(context: SandboxRequestContext.self)
        routes.get(":objectType/:objectId/associations/:toObjectType") { request, context in
            let (type, toType) = try await recordPair(context)
            try context.requireRead(type)
            let limit = try request.queryInt("limit", default: associationPageLimit, max: associationPageLimit)
            let page = try await store.listAssociations(type, try context.parameter("objectId"), to: toType, limit: limit, after: request.query("after"))
            return Response.json(page.json(linkBase: request.linkBase))
        }
        routes.put(":objectType/:objectId/associations/default/:toObjectType/:toObjectId") { _, context in
            let (type, toType) = try await recordPair(context)
            try context.requireWrite(type)
            let results = try await store.putDefaultAssociation(type, try context.parameter("objectId"), to: toType, try context.parameter("toObjectId"))
            return Response.json(BatchOutcome(results, encode: \.json).body)
        }
        routes.put(":objectType/:objectId/associations/:toObjectType/:toObjectId") { request, context in
            var request = request
            let (type, toType) = try await recordPair(context)
            try context.requireWrite(type)
            let specs = try AssociationSpec.list(try await request.json(context, .associationSpecs))
            return Response.json(try await store.putLabeledAssociation(type, try context.parameter("objectId"), to: toType,
                                                                       try context.parameter("toObjectId"), specs).json,
                                 status: .created)
        }
        routes.delete(":objectType/:objectId/associations/:toObjectType/:toObjectId") { _, context in
            let (type, toType) = try await recordPair(context)
            try context.requireWrite(type)
            await store.deleteAssociation(type, try context.parameter("objectId"), to: toType,
                                          try context.parameter("toObjectId"))
            return Response.noContent
        }
        return routes
    }

    /// The object types named by `:objectType` and `:toObjectType`.
    private func recordPair(_ context: SandboxRequestContext) async throws -> (ObjectType, ObjectType) {
        let type = try await store.objectType(try context.parameter("objectType"))
        let toType = try await store.objectType(try context.parameter("toObjectType"))
        return (type, toType)
    }
}
