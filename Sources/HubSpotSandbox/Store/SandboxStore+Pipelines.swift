import JSONValue

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
        guard let index = (pipelines[type.objectTypeId] ?? []).firstIndex(where: { $0["id"]?.stringValue == id }) else {
            throw HubSpotError.resourceNotFound("Unable to find pipeline \(id) for object type \(type.objectTypeId).")
        }
        return index
    }

    /// The position of stage `stageId` in pipeline `index`; 404 when there is none (message UNCONFIRMED).
    func stageIndex(_ type: ObjectType, pipeline index: Int, _ stageId: String) throws(HubSpotError) -> Int {
        let pipeline = pipelines[type.objectTypeId]![index]
        let stages = pipeline["stages"]?.arrayValue ?? []
        guard let position = stages.firstIndex(where: { $0["id"]?.stringValue == stageId }) else {
            throw HubSpotError.resourceNotFound(
                "Unable to find stage \(stageId) in pipeline \(pipeline["id"]?.stringValue ?? "") for object type \(type.objectTypeId).")
        }
        return position
    }

    /// Stores a pipeline (stages sorted by display order) and brings the pipeline properties' options
    /// up to date, so records may use its stages at once.
    func storePipeline(_ pipeline: JSONObject, of type: ObjectType, at index: Int?) {
        var pipeline = pipeline
        pipeline["stages"] = .array(PipelineInput.sorted(pipeline["stages"]?.arrayValue ?? []))
        var list = pipelines[type.objectTypeId] ?? []
        if let index { list[index] = pipeline } else { list.append(pipeline) }
        pipelines[type.objectTypeId] = PipelineInput.sorted(list.map(JSONValue.object)).compactMap(\.objectValue)
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
    func buildStages(_ inputs: [JSONValue], of type: ObjectType, existing: [JSONValue], at time: Timestamp) throws(HubSpotError) -> [JSONValue] {
        try PipelineInput.checkStages(inputs)
        var stages: [JSONValue] = []
        for (offset, input) in inputs.enumerated() {
            let label = try PipelineInput.label(input, of: "stage")
            let old = existing.first { stage in
                let id = input["id"]?.scalarText ?? input["stageId"]?.scalarText
                return id != nil ? stage["id"]?.stringValue == id : stage["label"]?.stringValue == label
            }
            let id = old?["id"]?.stringValue ?? String(nextId())
            let created = old?["createdAt"]?.stringValue.flatMap(Timestamp.init(parsing:)) ?? time
            stages.append(.object(PipelineInput.stage(
                id: id, label: label, displayOrder: try PipelineInput.displayOrder(input, fallback: offset),
                metadata: try PipelineInput.metadata(input["metadata"]?.objectValue ?? [:], typeId: type.objectTypeId),
                createdAt: created, updatedAt: time)))
        }
        return stages
    }

    // MARK: Pipelines

    /// `GET /crm/v3/pipelines/{objectType}` → `{"results":[Pipeline]}`, no paging.
    public func listPipelines(_ typeReference: String) throws(HubSpotError) -> JSONValue {
        let type = try pipelineType(typeReference)
        return ["results": .array((pipelines[type.objectTypeId] ?? []).map(JSONValue.object))]
    }

    /// `GET /crm/v3/pipelines/{objectType}/{pipelineId}`.
    public func readPipeline(_ typeReference: String, _ id: String) throws(HubSpotError) -> JSONValue {
        let type = try pipelineType(typeReference)
        return .object(pipelines[type.objectTypeId]![try pipelineIndex(type, id)])
    }

    /// `POST /crm/v3/pipelines/{objectType}` with `{label, displayOrder, stages:[{label, displayOrder, metadata}]}` → 201.
    public func createPipeline(_ typeReference: String, _ body: JSONValue) throws(HubSpotError) -> JSONValue {
        let type = try pipelineType(typeReference)
        let label = try PipelineInput.label(body, of: "pipeline")
        let now = Timestamp.now()
        let order = try PipelineInput.displayOrder(body, fallback: pipelines[type.objectTypeId]?.count ?? 0)
        let stages = try buildStages(body["stages"]?.arrayValue ?? [], of: type, existing: [], at: now)
        let pipeline: JSONObject = ["id": .string(String(nextId())), "label": .string(label), "displayOrder": .int(order),
                                    "archived": false, "createdAt": .string(now.iso8601), "updatedAt": .string(now.iso8601),
                                    "stages": .array(stages)]
        storePipeline(pipeline, of: type, at: nil)
        return try readPipeline(type.objectTypeId, pipeline["id"]!.stringValue!)
    }

    /// `PUT /crm/v3/pipelines/{objectType}/{pipelineId}`: replaces label, order and every stage. Stages
    /// that go away are checked for records first when `validate` is set.
    public func replacePipeline(_ typeReference: String, _ id: String, _ body: JSONValue, validate: Bool) throws(HubSpotError) -> JSONValue {
        let type = try pipelineType(typeReference)
        let index = try pipelineIndex(type, id)
        var pipeline = pipelines[type.objectTypeId]![index]
        let now = Timestamp.now()
        let label = try PipelineInput.label(body, of: "pipeline")
        let old = pipeline["stages"]?.arrayValue ?? []
        let stages = try buildStages(body["stages"]?.arrayValue ?? [], of: type, existing: old, at: now)
        if validate {
            let kept = Set(stages.compactMap { $0["id"]?.stringValue })
            try checkStagesUnused(old.compactMap { $0["id"]?.stringValue }.filter { !kept.contains($0) }, pipelineId: id, of: type)
        }
        pipeline["label"] = .string(label)
        pipeline["displayOrder"] = .int(try PipelineInput.displayOrder(body, fallback: pipeline["displayOrder"]?.intValue ?? 0))
        pipeline["updatedAt"] = .string(now.iso8601)
        pipeline["stages"] = .array(stages)
        storePipeline(pipeline, of: type, at: index)
        return try readPipeline(type.objectTypeId, id)
    }

    /// `PATCH /crm/v3/pipelines/{objectType}/{pipelineId}` with `{label?, displayOrder?, archived?}`;
    /// `archived: true` deletes the pipeline, as DELETE does.
    public func updatePipeline(_ typeReference: String, _ id: String, _ body: JSONValue) throws(HubSpotError) -> JSONValue {
        let type = try pipelineType(typeReference)
        let index = try pipelineIndex(type, id)
        var pipeline = pipelines[type.objectTypeId]![index]
        if body["label"] != nil { pipeline["label"] = .string(try PipelineInput.label(body, of: "pipeline")) }
        pipeline["displayOrder"] = .int(try PipelineInput.displayOrder(body, fallback: pipeline["displayOrder"]?.intValue ?? 0))
        pipeline["updatedAt"] = .string(Timestamp.now().iso8601)
        if body["archived"]?.boolValue == true {
            pipeline["archived"] = true
            try deletePipeline(type.objectTypeId, id, validate: false)
            return .object(pipeline)
        }
        storePipeline(pipeline, of: type, at: index)
        return try readPipeline(type.objectTypeId, id)
    }

    /// `DELETE /crm/v3/pipelines/{objectType}/{pipelineId}` → 204. With `validate`
    /// (`validateReferencesBeforeDelete` or `validateDealStageUsagesBeforeDelete`), records in its stages
    /// block the delete. A deleted pipeline is gone: reads answer 404 (§6).
    public func deletePipeline(_ typeReference: String, _ id: String, validate: Bool) throws(HubSpotError) {
        let type = try pipelineType(typeReference)
        let index = try pipelineIndex(type, id)
        if validate {
            let stages = pipelines[type.objectTypeId]![index]["stages"]?.arrayValue ?? []
            try checkStagesUnused(stages.compactMap { $0["id"]?.stringValue }, pipelineId: id, of: type)
        }
        pipelines[type.objectTypeId]!.remove(at: index)
        syncPipelineOptions(type.objectTypeId)
    }

    /// `GET …/{pipelineId}/audit` → `{"results":[PublicAuditInfo]}`, newest first. The emulator keeps no
    /// change log: the entries are derived from the pipeline's creation and last update.
    public func pipelineAudit(_ typeReference: String, _ id: String) throws(HubSpotError) -> JSONValue {
        let type = try pipelineType(typeReference)
        return ["results": .array(auditEntries(for: pipelines[type.objectTypeId]![try pipelineIndex(type, id)]))]
    }

    /// `GET …/{pipelineId}/stages/{stageId}/audit`: the same, for one stage.
    public func stageAudit(_ typeReference: String, _ pipelineId: String, _ stageId: String) throws(HubSpotError) -> JSONValue {
        let type = try pipelineType(typeReference)
        let index = try pipelineIndex(type, pipelineId)
        let stage = pipelines[type.objectTypeId]![index]["stages"]!.arrayValue![try stageIndex(type, pipeline: index, stageId)]
        return ["results": .array(auditEntries(for: stage.objectValue ?? [:]))]
    }

    /// A `CREATE` entry, and an `UPDATE` entry when the object changed since, with the object as it is now.
    private func auditEntries(for object: JSONObject) -> [JSONValue] {
        let created = object["createdAt"] ?? .null
        let updated = object["updatedAt"] ?? .null
        func entry(_ action: String, _ timestamp: JSONValue) -> JSONValue {
            ["portalId": .int(portal.portalId), "identifier": object["id"] ?? .null, "action": .string(action),
             "timestamp": timestamp, "message": .string("\(action == "CREATE" ? "Created" : "Updated") \(object["label"]?.stringValue ?? "")"),
             "rawObject": .object(object)]
        }
        return updated == created ? [entry("CREATE", created)] : [entry("UPDATE", updated), entry("CREATE", created)]
    }

    // MARK: Stages

    /// `GET …/{pipelineId}/stages` → `{"results":[PipelineStage]}`.
    public func listStages(_ typeReference: String, _ pipelineId: String) throws(HubSpotError) -> JSONValue {
        let type = try pipelineType(typeReference)
        return ["results": pipelines[type.objectTypeId]![try pipelineIndex(type, pipelineId)]["stages"] ?? []]
    }

    /// `GET …/{pipelineId}/stages/{stageId}`.
    public func readStage(_ typeReference: String, _ pipelineId: String, _ stageId: String) throws(HubSpotError) -> JSONValue {
        let type = try pipelineType(typeReference)
        let index = try pipelineIndex(type, pipelineId)
        return pipelines[type.objectTypeId]![index]["stages"]!.arrayValue![try stageIndex(type, pipeline: index, stageId)]
    }

    /// `POST …/{pipelineId}/stages` with `{label, displayOrder, metadata}` → 201 `PipelineStage`.
    public func createStage(_ typeReference: String, _ pipelineId: String, _ body: JSONValue) throws(HubSpotError) -> JSONValue {
        let type = try pipelineType(typeReference)
        let index = try pipelineIndex(type, pipelineId)
        var pipeline = pipelines[type.objectTypeId]![index]
        let stages = pipeline["stages"]?.arrayValue ?? []
        let now = Timestamp.now()
        let stage = PipelineInput.stage(
            id: String(nextId()), label: try PipelineInput.label(body, of: "stage"),
            displayOrder: try PipelineInput.displayOrder(body, fallback: stages.count),
            metadata: try PipelineInput.metadata(body["metadata"]?.objectValue ?? [:], typeId: type.objectTypeId),
            createdAt: now, updatedAt: now)
        try PipelineInput.checkStages(stages + [.object(stage)])
        pipeline["stages"] = .array(stages + [.object(stage)])
        pipeline["updatedAt"] = .string(now.iso8601)
        storePipeline(pipeline, of: type, at: index)
        return .object(stage)
    }

    /// `PUT …/stages/{stageId}` (every field given) and `PATCH …/stages/{stageId}` (fields given change;
    /// `metadata` keys merge into the old ones). `archived: true` in a patch deletes the stage.
    public func changeStage(_ typeReference: String, _ pipelineId: String, _ stageId: String, _ body: JSONValue,
                            replace: Bool) throws(HubSpotError) -> JSONValue {
        let type = try pipelineType(typeReference)
        let index = try pipelineIndex(type, pipelineId)
        var pipeline = pipelines[type.objectTypeId]![index]
        var stages = pipeline["stages"]?.arrayValue ?? []
        let position = try stageIndex(type, pipeline: index, stageId)
        guard var stage = stages[position].objectValue else { return stages[position] }
        if !replace, body["archived"]?.boolValue == true {
            try deleteStage(type.objectTypeId, pipelineId, stageId, validate: false)
            stage["archived"] = true
            return .object(stage)
        }
        if replace || body["label"] != nil { stage["label"] = .string(try PipelineInput.label(body, of: "stage")) }
        stage["displayOrder"] = .int(try PipelineInput.displayOrder(body, fallback: stage["displayOrder"]?.intValue ?? 0))
        if replace || body["metadata"] != nil {
            var metadata = replace ? JSONObject() : stage["metadata"]?.objectValue ?? [:]
            for (key, value) in body["metadata"]?.objectValue ?? [:] { metadata[key] = value }
            stage["metadata"] = .object(try PipelineInput.metadata(metadata, typeId: type.objectTypeId))
        }
        let now = Timestamp.now()
        stage["updatedAt"] = .string(now.iso8601)
        stages[position] = .object(stage)
        try PipelineInput.checkStages(stages)
        pipeline["stages"] = .array(stages)
        pipeline["updatedAt"] = .string(now.iso8601)
        storePipeline(pipeline, of: type, at: index)
        return .object(stage)
    }

    /// `DELETE …/stages/{stageId}` → 204; the last stage cannot go, and with `validate` a stage that
    /// records are in cannot either.
    public func deleteStage(_ typeReference: String, _ pipelineId: String, _ stageId: String, validate: Bool) throws(HubSpotError) {
        let type = try pipelineType(typeReference)
        let index = try pipelineIndex(type, pipelineId)
        var pipeline = pipelines[type.objectTypeId]![index]
        var stages = pipeline["stages"]?.arrayValue ?? []
        let position = try stageIndex(type, pipeline: index, stageId)
        if validate { try checkStagesUnused([stageId], pipelineId: pipelineId, of: type) }
        stages.remove(at: position)
        try PipelineInput.checkStages(stages)
        pipeline["stages"] = .array(stages)
        pipeline["updatedAt"] = .string(Timestamp.now().iso8601)
        storePipeline(pipeline, of: type, at: index)
    }
}
