import JSONValue

/// The pipelines API (hubspot-api.md §6): pipelines and stages of deals, tickets and custom objects.
extension HubSpotClient {
    /// `GET …/pipelines/{type}` → every pipeline, stages in order.
    public func pipelines(_ objectType: String) async throws(HubSpotAPIError) -> [Pipeline] {
        let json = try await json(HubSpotRequest(.GET, pipelinesPath(objectType)))
        var pipelines: [Pipeline] = []
        for item in json["results"]?.arrayValue ?? [] { pipelines.append(try Pipeline(item)) }
        return pipelines
    }

    /// `GET …/pipelines/{type}/{id}`; 404 for an unknown or deleted pipeline.
    public func pipeline(_ objectType: String, _ id: String) async throws(HubSpotAPIError) -> Pipeline {
        try Pipeline(try await json(HubSpotRequest(.GET, pipelinePath(objectType, id))))
    }

    /// `POST …/pipelines/{type}` with `{label, displayOrder, stages:[{label, displayOrder, metadata}]}` → 201.
    public func createPipeline(_ objectType: String, _ pipeline: JSONValue) async throws(HubSpotAPIError) -> Pipeline {
        try Pipeline(try await json(HubSpotRequest(.POST, pipelinesPath(objectType), body: pipeline, idempotent: false)))
    }

    /// `PATCH …/pipelines/{type}/{id}` with `{label?, displayOrder?}`.
    public func updatePipeline(_ objectType: String, _ id: String, _ changes: JSONValue) async throws(HubSpotAPIError) -> Pipeline {
        try Pipeline(try await json(HubSpotRequest(.PATCH, pipelinePath(objectType, id), body: changes)))
    }

    /// `PUT …/pipelines/{type}/{id}`: replaces label, order and every stage. With `validateReferences`,
    /// HubSpot refuses (400) when records are in a stage that would go away.
    public func replacePipeline(_ objectType: String, _ id: String, _ pipeline: JSONValue,
                                validateReferences: Bool = false) async throws(HubSpotAPIError) -> Pipeline {
        try Pipeline(try await json(HubSpotRequest(.PUT, pipelinePath(objectType, id), query: validation(validateReferences), body: pipeline)))
    }

    /// `DELETE …/pipelines/{type}/{id}` → 204. With `validateReferences`, records in its stages block it (400).
    public func deletePipeline(_ objectType: String, _ id: String, validateReferences: Bool = false) async throws(HubSpotAPIError) {
        _ = try await send(HubSpotRequest(.DELETE, pipelinePath(objectType, id), query: validation(validateReferences)))
    }

    /// `GET …/pipelines/{type}/{id}/stages`.
    public func stages(_ objectType: String, pipelineId: String) async throws(HubSpotAPIError) -> [PipelineStage] {
        let json = try await json(HubSpotRequest(.GET, "\(pipelinePath(objectType, pipelineId))/stages"))
        var stages: [PipelineStage] = []
        for item in json["results"]?.arrayValue ?? [] { stages.append(try PipelineStage(item)) }
        return stages
    }

    /// `POST …/{pipelineId}/stages` with `{label, displayOrder, metadata}` → 201. Deal stages need
    /// `metadata.probability`, ticket stages `metadata.ticketState`.
    public func createStage(_ objectType: String, pipelineId: String, _ stage: JSONValue) async throws(HubSpotAPIError) -> PipelineStage {
        let request = HubSpotRequest(.POST, "\(pipelinePath(objectType, pipelineId))/stages", body: stage, idempotent: false)
        return try PipelineStage(try await json(request))
    }

    /// `PATCH …/{pipelineId}/stages/{stageId}`: the fields given change; metadata keys merge.
    public func updateStage(_ objectType: String, pipelineId: String, stageId: String,
                            _ changes: JSONValue) async throws(HubSpotAPIError) -> PipelineStage {
        try PipelineStage(try await json(HubSpotRequest(.PATCH, stagePath(objectType, pipelineId, stageId), body: changes)))
    }

    /// `DELETE …/{pipelineId}/stages/{stageId}` → 204; a pipeline's last stage cannot go.
    public func deleteStage(_ objectType: String, pipelineId: String, stageId: String,
                            validateReferences: Bool = false) async throws(HubSpotAPIError) {
        _ = try await send(HubSpotRequest(.DELETE, stagePath(objectType, pipelineId, stageId), query: validation(validateReferences)))
    }

    func pipelinesPath(_ objectType: String) -> String { "\(version.pipelines)/\(segment(objectType))" }
    func pipelinePath(_ objectType: String, _ id: String) -> String { "\(pipelinesPath(objectType))/\(segment(id))" }
    func stagePath(_ objectType: String, _ pipelineId: String, _ stageId: String) -> String {
        "\(pipelinePath(objectType, pipelineId))/stages/\(segment(stageId))"
    }

    private func validation(_ validate: Bool) -> [(name: String, value: String)] {
        validate ? [("validateReferencesBeforeDelete", "true")] : []
    }
}
