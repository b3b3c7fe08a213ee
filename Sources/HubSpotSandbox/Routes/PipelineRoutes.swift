import Hummingbird
import JSONValue

/// The pipelines API (hubspot-api.md §6) at `/crm/v3/pipelines` and `/crm/pipelines/{date}` (§9):
/// pipelines and their stages for deals, tickets and custom objects. Reads need the object type's read
/// scope, changes its write scope. Path parameters: `:objectType`, `:pipelineId`, `:stageId`.
struct PipelineRoutes: SandboxResource {
    let store: SandboxStore

    func mount(on router: Router<SandboxRequestContext>) {
        router.addRoutes(collection(), atPaths: ["/crm/v3/pipelines"] + DateVersion.all.map { "/crm/pipelines/\($0)" })
    }

    /// The pipeline and stage routes under one prefix.
    func collection() -> RouteCollection<SandboxRequestContext> {
        let routes = RouteCollection(context: SandboxRequestContext.self)
        routes.get(":objectType") { _, context in
            let type = try await readableType(context)
            return Response.json(["results": .array(try await store.listPipelines(type.objectTypeId).map(\.json))])
        }
        routes.post(":objectType") { request, context in
            var request = request
            let type = try await writableType(context)
            return Response.json(try await store.createPipeline(type.objectTypeId, try await pipelineBody(&request, context)).json, status: .created)
        }
        routes.get(":objectType/:pipelineId") { _, context in
            let type = try await readableType(context)
            return Response.json(try await store.readPipeline(type.objectTypeId, try context.parameter("pipelineId")).json)
        }
        routes.put(":objectType/:pipelineId") { request, context in
            var request = request
            let type = try await writableType(context)
            let body = try await pipelineBody(&request, context)
            return Response.json(try await store.replacePipeline(type.objectTypeId, try context.parameter("pipelineId"), body,
                                                                 validate: try validates(request)).json)
        }
        routes.patch(":objectType/:pipelineId") { request, context in
            var request = request
            let type = try await writableType(context)
            let body = try await pipelineBody(&request, context)
            return Response.json(try await store.updatePipeline(type.objectTypeId, try context.parameter("pipelineId"), body).json)
        }
        routes.delete(":objectType/:pipelineId") { request, context in
            let type = try await writableType(context)
            try await store.deletePipeline(type.objectTypeId, try context.parameter("pipelineId"), validate: try validates(request))
            return Response.noContent
        }
        routes.get(":objectType/:pipelineId/audit") { _, context in
            let type = try await readableType(context)
            let pipeline = try await store.readPipeline(type.objectTypeId, try context.parameter("pipelineId"))
            return Response.json(PipelineAudit.entries(for: pipeline.json, portalId: await store.portal.portalId))
        }
        addStageRoutes(to: routes)
        return routes
    }

    /// `…/{pipelineId}/stages` and `…/stages/{stageId}` (and its audit).
    private func addStageRoutes(to routes: RouteCollection<SandboxRequestContext>) {
        routes.get(":objectType/:pipelineId/stages") { _, context in
            let type = try await readableType(context)
            let pipeline = try await store.readPipeline(type.objectTypeId, try context.parameter("pipelineId"))
            return Response.json(["results": .array(pipeline.stages.map(\.json))])
        }
        routes.post(":objectType/:pipelineId/stages") { request, context in
            var request = request
            let type = try await writableType(context)
            let body = try StageBody(try await request.json(context, .pipeline))
            return Response.json(try await store.createStage(type.objectTypeId, try context.parameter("pipelineId"), body).json,
                                 status: .created)
        }
        routes.get(":objectType/:pipelineId/stages/:stageId") { _, context in
            let type = try await readableType(context)
            return Response.json(try await store.readStage(type.objectTypeId, try context.parameter("pipelineId"),
                                                           try context.parameter("stageId")).json)
        }
        routes.get(":objectType/:pipelineId/stages/:stageId/audit") { _, context in
            let type = try await readableType(context)
            let stage = try await store.readStage(type.objectTypeId, try context.parameter("pipelineId"), try context.parameter("stageId"))
            return Response.json(PipelineAudit.entries(for: stage.json, portalId: await store.portal.portalId))
        }
        for (method, replace) in [(HTTPRequest.Method.put, true), (.patch, false)] {
            routes.on(":objectType/:pipelineId/stages/:stageId", method: method) { request, context in
                var request = request
                let type = try await writableType(context)
                let body = try StageBody(try await request.json(context, .pipeline))
                return Response.json(try await store.changeStage(
                    type.objectTypeId, try context.parameter("pipelineId"), try context.parameter("stageId"), body, replace: replace).json)
            }
        }
        routes.delete(":objectType/:pipelineId/stages/:stageId") { request, context in
            let type = try await writableType(context)
            try await store.deleteStage(type.objectTypeId, try context.parameter("pipelineId"),
                                        try context.parameter("stageId"), validate: try validates(request))
            return Response.noContent
        }
    }

    /// The request's body as a pipeline body.
    private func pipelineBody(_ request: inout Request, _ context: SandboxRequestContext) async throws -> PipelineBody {
        try PipelineBody(try await request.json(context, .pipeline))
    }

    /// The path's object type, after checking the token may read it.
    private func readableType(_ context: SandboxRequestContext) async throws -> ObjectType {
        let type = try await store.pipelineType(try context.parameter("objectType"))
        try context.requireRead(type)
        return type
    }

    /// The path's object type, after checking the token may change it.
    private func writableType(_ context: SandboxRequestContext) async throws -> ObjectType {
        let type = try await store.pipelineType(try context.parameter("objectType"))
        try context.requireWrite(type)
        return type
    }

    /// Whether a delete (or replace) must first check that no record is in the stages that go away.
    private func validates(_ request: Request) throws(HubSpotError) -> Bool {
        let references = try request.queryBool("validateReferencesBeforeDelete")
        let dealStages = try request.queryBool("validateDealStageUsagesBeforeDelete")
        return references || dealStages
    }
}
