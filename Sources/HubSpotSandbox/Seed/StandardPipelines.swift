import OrderedCollections

/// The default deal pipeline `default`, ticket pipeline `"0"` and lead pipeline every account starts with
/// (hubspot-api.md §6), with fixed timestamps. The other types with
/// pipelines (orders, services, …) start with none: their defaults are not documented.
enum StandardPipelines {
    /// When the standard pipelines were created (fixed, so every account is identical).
    static let created = Timestamp(milliseconds: 1_577_836_800_000)  // 2020-01-01T00:00:00.000Z

    /// Installs both pipelines and sets the pipeline and stage options of deals and tickets from them.
    static func install(into pipelines: inout [String: [Pipeline]], properties: inout [String: PropertyCatalog]) {
        // The label "Sales Pipeline" is UNCONFIRMED (§6); it is the label HubSpot's UI shows for `default`.
        let deal = pipeline(id: "default", label: "Sales Pipeline", stages: [
            ("appointmentscheduled", "Appointment scheduled", ["isClosed": "false", "probability": "0.2"]),
            ("qualifiedtobuy", "Qualified to buy", ["isClosed": "false", "probability": "0.4"]),
            ("presentationscheduled", "Presentation scheduled", ["isClosed": "false", "probability": "0.6"]),
            ("decisionmakerboughtin", "Decision maker bought-in", ["isClosed": "false", "probability": "0.8"]),
            ("contractsent", "Contract sent", ["isClosed": "false", "probability": "0.9"]),
            ("closedwon", "Closed won", ["isClosed": "true", "probability": "1.0"]),
            ("closedlost", "Closed lost", ["isClosed": "true", "probability": "0.0"]),
        ])
        // Stages "1"–"4" beyond "0"/"1" are UNCONFIRMED (§6); they are HubSpot's usual support pipeline.
        let ticket = pipeline(id: "0", label: "Support Pipeline", stages: [
            ("1", "New", ["ticketState": "OPEN"]),
            ("2", "Waiting on contact", ["ticketState": "OPEN"]),
            ("3", "Waiting on us", ["ticketState": "OPEN"]),
            ("4", "Closed", ["ticketState": "CLOSED"]),
        ])
        // The lead pipeline and its stage ids are HubSpot's observed defaults [O: clients' code and
        // notes quoting `GET /crm/v3/pipelines/0-136`]; the labels and empty stage metadata are UNCONFIRMED.
        let lead = pipeline(id: "lead-pipeline-id", label: "Lead pipeline", stages: [
            ("new-stage-id", "New", [:]), ("attempting-stage-id", "Attempting", [:]), ("connected-stage-id", "Connected", [:]),
            ("qualified-stage-id", "Qualified", [:]), ("unqualified-stage-id", "Unqualified", [:]),
        ])
        pipelines["0-3"] = [deal]
        pipelines["0-5"] = [ticket]
        pipelines["0-136"] = [lead]
        for typeId in ["0-3", "0-5", "0-136"] {
            if var catalog = properties[typeId] {
                PipelineOptions.sync(&catalog, typeId: typeId, pipelines: pipelines[typeId] ?? [])
                properties[typeId] = catalog
            }
        }
    }

    /// A pipeline with the standard timestamps.
    private static func pipeline(id: String, label: String, stages: [(String, String, OrderedDictionary<String, String>)]) -> Pipeline {
        Pipeline(id: id, label: label, displayOrder: 0, createdAt: created, updatedAt: created, stages: stages.enumerated().map { index, stage in
            PipelineStage(id: stage.0, label: stage.1, displayOrder: index, metadata: stage.2, createdAt: created, updatedAt: created)
        })
    }
}

/// Keeps the enumeration options of the pipeline properties equal to a type's pipelines, so record
/// validation accepts exactly the pipelines and stages that exist.
enum PipelineOptions {
    /// The pipeline and stage property names of a type: deals use `pipeline`/`dealstage`; tickets and
    /// custom objects `hs_pipeline`/`hs_pipeline_stage`.
    static func propertyNames(typeId: String) -> (pipeline: String, stage: String) {
        typeId == "0-3" ? ("pipeline", "dealstage") : ("hs_pipeline", "hs_pipeline_stage")
    }

    /// Sets the options of the pipeline property (one per pipeline) and the stage property (every stage of
    /// every pipeline, in pipeline order) when the catalog defines them.
    static func sync(_ catalog: inout PropertyCatalog, typeId: String, pipelines: [Pipeline]) {
        let names = propertyNames(typeId: typeId)
        let ordered = pipelines.inDisplayOrder
        catalog[names.pipeline]?.options = ordered.enumerated().map { index, pipeline in
            PropertyOption(label: pipeline.label, value: pipeline.id, displayOrder: index)
        }
        catalog[names.stage]?.options = ordered.flatMap(\.stages).enumerated().map { index, stage in
            PropertyOption(label: stage.label, value: stage.id, displayOrder: index)
        }
    }
}
