import Hummingbird
import JSONValue

/// `/crm/v3/objects/{objectType}…` (and its alias and date-versioned prefixes): list, read, create,
/// update, archive, batch, search, merge and GDPR delete (hubspot-api.md §2).
struct ObjectRoutes {
    let store: SandboxStore

    func collection() -> RouteCollection<SandboxRequestContext> {
        let routes = RouteCollection(context: SandboxRequestContext.self)
        routes.get(":objectType") { request, context in
            let type = try await store.objectType(try context.parameter("objectType"))
            try context.requireRead(type)
            let body = try await store.list(type.objectTypeId, limit: try request.queryInt("limit", default: 10, max: 100),
                                            after: request.query("after"), archived: try request.queryBool("archived"),
                                            view: view(request), linkBase: request.linkBase)
            return Response.json(body)
        }
        routes.post(":objectType") { request, context in
            var request = request
            let type = try await store.objectType(try context.parameter("objectType"))
            try context.requireWrite(type)
            return Response.json(try await store.create(type.objectTypeId, try await request.json(context)), status: .created)
        }
        routes.get(":objectType/:objectId") { request, context in
            let type = try await store.objectType(try context.parameter("objectType"))
            try context.requireRead(type)
            return Response.json(try await store.read(type.objectTypeId, try context.parameter("objectId"),
                                                      idProperty: request.query("idProperty"),
                                                      archived: try request.queryBool("archived"), view: view(request)))
        }
        routes.patch(":objectType/:objectId") { request, context in
            var request = request
            let type = try await store.objectType(try context.parameter("objectType"))
            try context.requireWrite(type)
            return Response.json(try await store.update(type.objectTypeId, try context.parameter("objectId"),
                                                        idProperty: request.query("idProperty"), try await request.json(context)))
        }
        routes.delete(":objectType/:objectId") { _, context in
            let type = try await store.objectType(try context.parameter("objectType"))
            try context.requireWrite(type)
            try await store.archive(type.objectTypeId, try context.parameter("objectId"))
            return Response.noContent
        }
        routes.post(":objectType/search") { request, context in
            var request = request
            let type = try await store.objectType(try context.parameter("objectType"))
            try context.requireRead(type)
            let (body, size) = try await request.jsonWithSize(context)
            return Response.json(try await store.search(type.objectTypeId, body, bodySize: size))
        }
        routes.post(":objectType/merge") { request, context in
            var request = request
            let type = try await store.objectType(try context.parameter("objectType"))
            try context.requireWrite(type)
            return Response.json(try await store.merge(type.objectTypeId, try await request.json(context)))
        }
        routes.post(":objectType/gdpr-delete") { request, context in
            var request = request
            let type = try await store.objectType(try context.parameter("objectType"))
            try context.requireWrite(type)
            try await store.gdprDelete(type.objectTypeId, try await request.json(context))
            return Response.noContent
        }
        addBatchRoutes(to: routes)
        return routes
    }

    private func addBatchRoutes(to routes: RouteCollection<SandboxRequestContext>) {
        routes.post(":objectType/batch/read") { request, context in
            var request = request
            let type = try await store.objectType(try context.parameter("objectType"))
            try context.requireRead(type)
            let outcome = try await store.batchRead(type.objectTypeId, try await request.json(context),
                                                    archived: try request.queryBool("archived"))
            return Response.json(outcome.body, status: outcome.errors.isEmpty ? .ok : .multiStatus207)
        }
        routes.post(":objectType/batch/create") { request, context in
            var request = request
            let type = try await store.objectType(try context.parameter("objectType"))
            try context.requireWrite(type)
            let outcome = try await store.batchCreate(type.objectTypeId, try await request.json(context))
            return Response.json(outcome.body, status: outcome.errors.isEmpty ? .created : .multiStatus207)
        }
        routes.post(":objectType/batch/update") { request, context in
            var request = request
            let type = try await store.objectType(try context.parameter("objectType"))
            try context.requireWrite(type)
            let outcome = try await store.batchUpdate(type.objectTypeId, try await request.json(context))
            return Response.json(outcome.body, status: outcome.errors.isEmpty ? .ok : .multiStatus207)
        }
        routes.post(":objectType/batch/upsert") { request, context in
            var request = request
            let type = try await store.objectType(try context.parameter("objectType"))
            try context.requireWrite(type)
            let outcome = try await store.batchUpsert(type.objectTypeId, try await request.json(context))
            return Response.json(outcome.body, status: outcome.errors.isEmpty ? .ok : .multiStatus207)
        }
        routes.post(":objectType/batch/archive") { request, context in
            var request = request
            let type = try await store.objectType(try context.parameter("objectType"))
            try context.requireWrite(type)
            try await store.batchArchive(type.objectTypeId, try await request.json(context))
            return Response.noContent
        }
    }

    private func view(_ request: Request) -> RecordView {
        RecordView(properties: request.queryList("properties"),
                   propertiesWithHistory: request.queryList("propertiesWithHistory") ?? [],
                   associations: request.queryList("associations") ?? [])
    }
}
