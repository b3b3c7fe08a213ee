extension SandboxStore {
    // MARK: Lookup

    /// The object type a pipelines path names. Deals, tickets, leads, appointments, courses, listings,
    /// orders, services and custom objects have pipelines (hubspot-api.md §6); the other types have none,
    /// and HubSpot's answer for them is UNCONFIRMED: we answer 400 `VALIDATION_ERROR` (the request is
    /// wrong, not a missing resource) rather than 404.
    func pipelineType(_ reference: String) throws(HubSpotError) -> ObjectType {
        let type = try objectType(reference)
        guard type.hasPipelines else {
            throw HubSpotError.validation("Object type \(type.name) does not support pipelines.")
        }
        return type
    }

    /// The position of pipeline `id` among the type's pipelines; 404 when there is none (§6). The
    /// message is UNCONFIRMED.
    func pipelineIndex(_ type: ObjectType, _ id: String) throws(HubSpotError) -> Int {
        guard let index = (pipelines[type.objectTypeId] ?? []).firstIndex(where: { $0.id == id }) else {
            throw HubSpotError.resourceNotFound("Unable to find pipeline \(id) for object type \(type.objectTypeId).")
        }
        return index
    }

    /// The type's pipeline `id`, and its position.
    func pipeline(_ type: ObjectType, _ id: String) throws(HubSpotError) -> (pipeline: Pipeline, index: Int) {
        let index = try pipelineIndex(type, id)
        return ((pipelines[type.objectTypeId] ?? [])[index], index)
    }

    /// The position of stage `stageId` in `pipeline`; 404 when there is none (message UNCONFIRMED).
    func stageIndex(_ type: ObjectType, in pipeline: Pipeline, _ stageId: String) throws(HubSpotError) -> Int {
        guard let position = pipeline.stages.firstIndex(where: { $0.id == stageId }) else {
            throw HubSpotError.resourceNotFound(
                "Unable to find stage \(stageId) in pipeline \(pipeline.id) for object type \(type.objectTypeId).")
        }
        return position
    }

    /// Stores a pipeline (stages sorted by display order) and brings the pipeline properties' options
    /// up to date, so records may use its stages at once.
    func storePipeline(_ pipeline: Pipeline, of type: ObjectType, at index: Int?) {
        var pipeline = pipeline
        pipeline.stages = pipeline.stages.inDisplayOrder
        var list = pipelines[type.objectTypeId] ?? []
        if let index { list[index] = pipeline } else { list.append(pipeline) }
        pipelines[type.objectTypeId] = list.inDisplayOrder
        syncPipelineOptions(type.objectTypeId)
    }

    /// Sets the options of the type's pipeline and stage properties from its pipelines. A custom object
    /// (or a standard type that starts without pipelines, such as orders) gets HubSpot's
    /// `hs_pipeline`/`hs_pipeline_stage` properties with its first pipeline, if it did not define them,
    /// so its records can be put in stages.
    func syncPipelineOptions(_ typeId: String) {
        guard var catalog = properties[typeId], let type = types[typeId] else { return }
        if type.hasPipelines, typeId != "0-3", !(pipelines[typeId] ?? []).isEmpty {
            let group = groups[typeId]?.keys.first ?? catalog.values.first?.groupName ?? "\(type.singular)information"
            for (name, label) in [("hs_pipeline", "Pipeline"), ("hs_pipeline_stage", "Pipeline stage")] where catalog[name] == nil {
                catalog[name] = PropertyDefinition(name: name, label: label, type: .enumeration, fieldType: "select", groupName: group)
            }
        }
        PipelineOptions.sync(&catalog, typeId: typeId, pipelines: pipelines[typeId] ?? [])
        properties[typeId] = catalog
    }

    /// Refuses (400 `PipelineError.STAGE_ID_IN_USE`, verbatim in form from §6) when live records of the
    /// type are in one of `stageIds` of pipeline `pipelineId`.
    func checkStagesUnused(_ stageIds: [String], pipelineId: String, of type: ObjectType) throws(HubSpotError) {
        let names = PipelineOptions.propertyNames(typeId: type.objectTypeId)
        let wanted = Set(stageIds)
        var used = Set<String>()
        var objectIds: [String] = []
        for record in tables[type.objectTypeId]?.records ?? [] where record.id != 0 && !record.archived {
            guard let stage = record.properties[names.stage], wanted.contains(stage),
                record.properties[names.pipeline] == pipelineId else { continue }
            used.insert(stage)
            objectIds.append(String(record.id))
        }
        guard !objectIds.isEmpty else { return }
        let stages = "[\(stageIds.filter(used.contains).joined(separator: ", "))]"
        let objects = "[\(objectIds.joined(separator: ", "))]"
        throw HubSpotError.validation("Stage IDs: \(stages) are being referenced by object IDs: \(objects)",
                                      context: ["stageIds": [.string(stages)], "objectIds": [.string(objects)]],
                                      subCategory: "PipelineError.STAGE_ID_IN_USE")
    }

    /// Builds the stages of a create or replace body; a stage keeps the id (and creation time) of the
    /// existing stage with the same `id` or, failing that, the same label.
    func buildStages(_ inputs: [StageBody], of type: ObjectType, existing: [PipelineStage], at time: Timestamp) throws(HubSpotError) -> [PipelineStage] {
        guard !inputs.isEmpty else { throw HubSpotError.validation("A pipeline needs at least one stage.") }
        var stages: [PipelineStage] = []
        for (offset, input) in inputs.enumerated() {
            let label = try PipelineInput.label(input.label, of: "stage")
            let old = existing.first { stage in
                if let id = input.id { stage.id == id } else { stage.label == label }
            }
            stages.append(PipelineStage(
                id: old?.id ?? String(nextId()), label: label, displayOrder: input.displayOrder ?? offset,
                metadata: try PipelineInput.metadata(input.metadata ?? [:], typeId: type.objectTypeId),
                createdAt: old?.createdAt ?? time, updatedAt: time))
        }
        try PipelineInput.checkStages(stages)
        return stages
    }

    // MARK: Pipelines

    /// `GET /crm/v3/pipelines/{objectType}`: every pipeline of the type, no paging.
    func listPipelines(_ typeReference: String) throws(HubSpotError) -> [Pipeline] {
        pipelines[try pipelineType(typeReference).objectTypeId] ?? []
    }

    /// `GET /crm/v3/pipelines/{objectType}/{pipelineId}`.
    func readPipeline(_ typeReference: String, _ id: String) throws(HubSpotError) -> Pipeline {
        try pipeline(try pipelineType(typeReference), id).pipeline
    }

    /// `POST /crm/v3/pipelines/{objectType}` with a label, display order and stages → 201.
    func createPipeline(_ typeReference: String, _ body: PipelineBody) throws(HubSpotError) -> Pipeline {
        let type = try pipelineType(typeReference)
        let label = try PipelineInput.label(body.label, of: "pipeline")
        let now = Timestamp.now()
        let stages = try buildStages(body.stages, of: type, existing: [], at: now)
        let pipeline = Pipeline(id: String(nextId()), label: label, displayOrder: body.displayOrder ?? pipelines[type.objectTypeId]?.count ?? 0,
                                createdAt: now, updatedAt: now, stages: stages)
        storePipeline(pipeline, of: type, at: nil)
        return try readPipeline(type.objectTypeId, pipeline.id)
    }

    /// `PUT /crm/v3/pipelines/{objectType}/{pipelineId}`: replaces label, order and every stage. Stages
    /// that go away are checked for records first when `validate` is set.
    func replacePipeline(_ typeReference: String, _ id: String, _ body: PipelineBody, validate: Bool) throws(HubSpotError) -> Pipeline {
        let type = try pipelineType(typeReference)
        var (pipeline, index) = try pipeline(type, id)
        let now = Timestamp.now()
        let label = try PipelineInput.label(body.label, of: "pipeline")
        let stages = try buildStages(body.stages, of: type, existing: pipeline.stages, at: now)
        if validate {
            let kept = Set(stages.map(\.id))
            try checkStagesUnused(pipeline.stages.map(\.id).filter { !kept.contains($0) }, pipelineId: id, of: type)
        }
        pipeline.label = label
        pipeline.displayOrder = body.displayOrder ?? pipeline.displayOrder
        pipeline.updatedAt = now
        pipeline.stages = stages
        storePipeline(pipeline, of: type, at: index)
        return try readPipeline(type.objectTypeId, id)
    }

    /// `PATCH /crm/v3/pipelines/{objectType}/{pipelineId}` with a label, a display order or
    /// `archived: true`, which deletes the pipeline as DELETE does.
    func updatePipeline(_ typeReference: String, _ id: String, _ body: PipelineBody) throws(HubSpotError) -> Pipeline {
        let type = try pipelineType(typeReference)
        var (pipeline, index) = try pipeline(type, id)
        if body.label != nil { pipeline.label = try PipelineInput.label(body.label, of: "pipeline") }
        pipeline.displayOrder = body.displayOrder ?? pipeline.displayOrder
        pipeline.updatedAt = Timestamp.now()
        if body.archived {
            pipeline.archived = true
            try deletePipeline(type.objectTypeId, id, validate: false)
            return pipeline
        }
        storePipeline(pipeline, of: type, at: index)
        return try readPipeline(type.objectTypeId, id)
    }

    /// `DELETE /crm/v3/pipelines/{objectType}/{pipelineId}` → 204. With `validate`
    /// (`validateReferencesBeforeDelete` or `validateDealStageUsagesBeforeDelete`), records in its stages
    /// block the delete. A deleted pipeline is gone: reads answer 404 (§6).
    func deletePipeline(_ typeReference: String, _ id: String, validate: Bool) throws(HubSpotError) {
        let type = try pipelineType(typeReference)
        let (pipeline, index) = try pipeline(type, id)
        if validate { try checkStagesUnused(pipeline.stages.map(\.id), pipelineId: id, of: type) }
        pipelines[type.objectTypeId]?.remove(at: index)
        syncPipelineOptions(type.objectTypeId)
    }

    // MARK: Stages

    /// `GET …/{pipelineId}/stages/{stageId}`.
    func readStage(_ typeReference: String, _ pipelineId: String, _ stageId: String) throws(HubSpotError) -> PipelineStage {
        let type = try pipelineType(typeReference)
        let pipeline = try pipeline(type, pipelineId).pipeline
        return pipeline.stages[try stageIndex(type, in: pipeline, stageId)]
    }

    /// `POST …/{pipelineId}/stages` with a label, display order and metadata → 201.
    func createStage(_ typeReference: String, _ pipelineId: String, _ body: StageBody) throws(HubSpotError) -> PipelineStage {
        let type = try pipelineType(typeReference)
        var (pipeline, index) = try pipeline(type, pipelineId)
        let now = Timestamp.now()
        let stage = PipelineStage(
            id: String(nextId()), label: try PipelineInput.label(body.label, of: "stage"),
            displayOrder: body.displayOrder ?? pipeline.stages.count,
            metadata: try PipelineInput.metadata(body.metadata ?? [:], typeId: type.objectTypeId), createdAt: now, updatedAt: now)
        try PipelineInput.checkStages(pipeline.stages + [stage])
        pipeline.stages.append(stage)
        pipeline.updatedAt = now
        storePipeline(pipeline, of: type, at: index)
        return stage
    }

    /// `PUT …/stages/{stageId}` (every field given) and `PATCH …/stages/{stageId}` (fields given change;
    /// `metadata` keys merge into the old ones). `archived: true` in a patch deletes the stage.
    func changeStage(_ typeReference: String, _ pipelineId: String, _ stageId: String, _ body: StageBody,
                     replace: Bool) throws(HubSpotError) -> PipelineStage {
        let type = try pipelineType(typeReference)
        var (pipeline, index) = try pipeline(type, pipelineId)
        let position = try stageIndex(type, in: pipeline, stageId)
        var stage = pipeline.stages[position]
        if !replace, body.archived {
            try deleteStage(type.objectTypeId, pipelineId, stageId, validate: false)
            stage.archived = true
            return stage
        }
        if replace || body.label != nil { stage.label = try PipelineInput.label(body.label, of: "stage") }
        stage.displayOrder = body.displayOrder ?? stage.displayOrder
        if replace || body.metadata != nil {
            var metadata = replace ? [:] : stage.metadata
            metadata.merge(body.metadata ?? [:]) { $1 }
            stage.metadata = try PipelineInput.metadata(metadata, typeId: type.objectTypeId)
        }
        let now = Timestamp.now()
        stage.updatedAt = now
        pipeline.stages[position] = stage
        try PipelineInput.checkStages(pipeline.stages)
        pipeline.updatedAt = now
        storePipeline(pipeline, of: type, at: index)
        return stage
    }

    /// `DELETE …/stages/{stageId}` → 204; the last stage cannot go, and with `validate` a stage that
    /// records are in cannot either.
    func deleteStage(_ typeReference: String, _ pipelineId: String, _ stageId: String, validate: Bool) throws(HubSpotError) {
        let type = try pipelineType(typeReference)
        var (pipeline, index) = try pipeline(type, pipelineId)
        let position = try stageIndex(type, in: pipeline, stageId)
        if validate { try checkStagesUnused([stageId], pipelineId: pipelineId, of: type) }
        pipeline.stages.remove(at: position)
        try PipelineInput.checkStages(pipeline.stages)
        pipeline.updatedAt = Timestamp.now()
        storePipeline(pipeline, of: type, at: index)
    }
}
