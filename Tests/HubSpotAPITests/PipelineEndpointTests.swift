import HubSpotAPI
import HubSpotSandbox
import JSONValue
import Testing

struct PipelineEndpointTests {
    static let renewals: JSONValue = [
        "label": "Renewals", "displayOrder": 3,
        "stages": [["label": "Due", "displayOrder": 0, "metadata": ["probability": "0.5"]],
                   ["label": "Renewed", "displayOrder": 1, "metadata": ["probability": "1.0"]]],
    ]

    @Test(arguments: [APIVersion.v3, .dated("2026-03")])
    func readsTheStandardPipelines(version: APIVersion) async throws {
        try await withLiveSandbox(client: ClientOptions(version: version)) { client, _ in
            let deals = try await client.pipelines("deals")
            let sales = try #require(deals.first { $0.id == "default" })
            #expect(sales.stages.first?.id == "appointmentscheduled")
            #expect(sales.stages.first?.metadata["probability"] == "0.2")
            #expect(sales.stages.count == 7)
            let tickets = try await client.pipeline("tickets", "0")
            #expect(tickets.stages.allSatisfy { $0.metadata["ticketState"] != nil })
            let stages = try await client.stages("deals", pipelineId: "default")
            #expect(stages.map(\.id) == sales.stages.map(\.id))
        }
    }

    @Test func pipelineLifeCycle() async throws {
        try await withLiveSandbox { client, _ in
            let created = try await client.createPipeline("deals", Self.renewals)
            #expect(created.label == "Renewals")
            #expect(created.stages.map(\.label) == ["Due", "Renewed"])
            let renamed = try await client.updatePipeline("deals", created.id, ["label": "Renewals 2026"])
            #expect(renamed.label == "Renewals 2026")
            #expect(renamed.stages.count == 2)
            let replaced = try await client.replacePipeline("deals", created.id, [
                "label": "Renewals", "displayOrder": 3,
                "stages": [["label": "Due", "displayOrder": 0, "metadata": ["probability": "0.4"]]],
            ])
            #expect(replaced.stages.map(\.label) == ["Due"])
            #expect(replaced.stages.first?.id == created.stages.first?.id)
            try await client.deletePipeline("deals", created.id)
            let error = await #expect(throws: HubSpotAPIError.self) { _ = try await client.pipeline("deals", created.id) }
            #expect(error?.status == 404)
        }
    }

    @Test func stageLifeCycle() async throws {
        try await withLiveSandbox { client, _ in
            let pipeline = try await client.createPipeline("deals", Self.renewals)
            let stage = try await client.createStage("deals", pipelineId: pipeline.id,
                                                     ["label": "Lost", "displayOrder": 2, "metadata": ["probability": 0.0]])
            #expect(stage.metadata["probability"] == "0.0")
            #expect(stage.metadata["isClosed"] == "true")
            let updated = try await client.updateStage("deals", pipelineId: pipeline.id, stageId: stage.id, ["label": "Churned"])
            #expect(updated.label == "Churned")
            #expect(updated.metadata["probability"] == "0.0")
            try await client.deleteStage("deals", pipelineId: pipeline.id, stageId: stage.id)
            let stages = try await client.stages("deals", pipelineId: pipeline.id)
            #expect(stages.map(\.label) == ["Due", "Renewed"])
        }
    }

    @Test func dealStagesNeedAProbability() async throws {
        try await withLiveSandbox { client, _ in
            let error = await #expect(throws: HubSpotAPIError.self) {
                _ = try await client.createStage("deals", pipelineId: "default", ["label": "Maybe", "displayOrder": 9])
            }
            #expect(error?.status == 400)
            #expect(error?.category == "VALIDATION_ERROR")
        }
    }

    @Test func unknownPipelineAndStageAreNotFound() async throws {
        try await withLiveSandbox { client, _ in
            let pipeline = await #expect(throws: HubSpotAPIError.self) { _ = try await client.pipeline("deals", "nope") }
            #expect(pipeline?.status == 404)
            let stage = await #expect(throws: HubSpotAPIError.self) {
                _ = try await client.updateStage("deals", pipelineId: "default", stageId: "nope", ["label": "X"])
            }
            #expect(stage?.status == 404)
        }
    }

    @Test func deletingAPipelineInUseIsRefusedWhenValidated() async throws {
        try await withLiveSandbox(data: .demo) { client, _ in
            let error = await #expect(throws: HubSpotAPIError.self) {
                try await client.deletePipeline("deals", "default", validateReferences: true)
            }
            #expect(error?.status == 400)
            #expect(error?.body?.subCategory == "PipelineError.STAGE_ID_IN_USE")
            let still = try await client.pipeline("deals", "default")
            #expect(still.stages.count == 7)
        }
    }

    @Test func pipelinesNeedTheObjectsReadScope() async throws {
        let token = "pat-na1-contacts-only"
        try await withLiveSandbox(client: ClientOptions(token: token), configure: {
            $0.tokens.append(TokenGrant(token: token, scopes: ["crm.objects.contacts.read"]))
        }) { client, _ in
            let error = await #expect(throws: HubSpotAPIError.self) { _ = try await client.pipelines("deals") }
            #expect(error?.status == 403)
            #expect(error?.missingScopes.contains("crm.objects.deals.read") == true)
        }
    }
}
