import JSONValue
import Testing

@testable import HubSpotSandbox

/// The pipelines API (hubspot-api.md §6): the default pipelines, pipeline and stage CRUD, the in-use
/// check on delete, and the pipeline properties' options following the pipelines.
struct PipelineTests {
    /// A deal pipeline body with two stages.
    static let newDealPipeline: JSONValue = [
        "label": "Renewals", "displayOrder": 1,
        "stages": [["label": "Up for renewal", "displayOrder": 0, "metadata": ["probability": 0.5]],
                   ["label": "Renewed", "displayOrder": 1, "metadata": ["probability": "1.0", "isClosed": true]]],
    ]

    @Test(arguments: ["/crm/v3/pipelines/deals", "/crm/v3/pipelines/0-3", "/crm/pipelines/2026-03/deals"])
    func defaultDealPipelineIsListed(_ path: String) async throws {
        try await withSandbox { client, _ in
            let reply = try await client.get(path)
            #expect(reply.status == 200)
            #expect(reply.json["paging"] == nil)
            let pipeline = try #require(reply.json["results"]?[0])
            #expect(pipeline.objectValue?.keys.elements == ["id", "label", "displayOrder", "archived", "createdAt", "updatedAt", "stages"])
            #expect(pipeline["id"] == "default" && pipeline["label"] == "Sales Pipeline" && pipeline["archived"] == false)
            #expect(pipeline["createdAt"] == "2020-01-01T00:00:00.000Z")
            let stages = try #require(pipeline["stages"]?.arrayValue)
            #expect(stages.map { $0["id"]?.stringValue } == ["appointmentscheduled", "qualifiedtobuy", "presentationscheduled",
                                                             "decisionmakerboughtin", "contractsent", "closedwon", "closedlost"])
            #expect(stages.map { $0["metadata"]?["probability"]?.stringValue } == ["0.2", "0.4", "0.6", "0.8", "0.9", "1.0", "0.0"])
            #expect(stages[0] == ["id": "appointmentscheduled", "label": "Appointment scheduled", "displayOrder": 0, "archived": false,
                                  "metadata": ["isClosed": "false", "probability": "0.2"], "writePermissions": "CRM_PERMISSIONS_ENFORCEMENT",
                                  "createdAt": "2020-01-01T00:00:00.000Z", "updatedAt": "2020-01-01T00:00:00.000Z"])
            #expect(stages[5]["metadata"]?["isClosed"] == "true")
        }
    }

    @Test func defaultTicketPipelineHasFourStages() async throws {
        try await withSandbox { client, _ in
            let reply = try await client.get("/crm/v3/pipelines/tickets/0")
            #expect(reply.status == 200)
            #expect(reply.json["label"] == "Support Pipeline")
            let stages = try #require(reply.json["stages"]?.arrayValue)
            #expect(stages.map { $0["id"]?.stringValue } == ["1", "2", "3", "4"])
            #expect(stages.map { $0["label"]?.stringValue } == ["New", "Waiting on contact", "Waiting on us", "Closed"])
            #expect(stages.map { $0["metadata"]?["ticketState"]?.stringValue } == ["OPEN", "OPEN", "OPEN", "CLOSED"])
        }
    }

    @Test(arguments: ["/crm/v3/pipelines/deals/nope", "/crm/v3/pipelines/deals/default/stages/nope", "/crm/v3/pipelines/tickets/default"])
    func unknownPipelineOrStageIs404(_ path: String) async throws {
        try await withSandbox { client, _ in
            let reply = try await client.get(path)
            #expect(reply.status == 404)
            #expect(reply.json["category"] == "OBJECT_NOT_FOUND")
            #expect(reply.json["message"]?.stringValue?.hasPrefix("Unable to find") == true)
        }
    }

    @Test func contactsHaveNoPipelines() async throws {
        try await withSandbox { client, _ in
            let reply = try await client.get("/crm/v3/pipelines/contacts")
            #expect(reply.status == 400)
            #expect(reply.json["category"] == "VALIDATION_ERROR")
            #expect(reply.json["message"] == "Object type contacts does not support pipelines.")
        }
    }

    @Test func pipelineCrudAnswersDocumentedStatuses() async throws {
        try await withSandbox { client, _ in
            let created = try await client.post("/crm/v3/pipelines/deals", Self.newDealPipeline)
            #expect(created.status == 201)
            let id = try #require(created.json["id"]?.stringValue)
            #expect(created.json["label"] == "Renewals" && created.json["displayOrder"] == 1)
            #expect(created.json["stages"]?[0]?["metadata"] == ["probability": "0.5", "isClosed": "false"])
            #expect(created.json["stages"]?[1]?["metadata"] == ["probability": "1.0", "isClosed": "true"])
            let firstStage = try #require(created.json["stages"]?[0]?["id"]?.stringValue)

            #expect(try await client.get("/crm/v3/pipelines/deals").json["results"]?.arrayValue?.count == 2)
            #expect(try await client.get("/crm/v3/pipelines/deals/\(id)").json == created.json)

            let patched = try await client.patch("/crm/v3/pipelines/deals/\(id)", ["label": "Renewals 2026"])
            #expect(patched.status == 200)
            #expect(patched.json["label"] == "Renewals 2026" && patched.json["stages"] == created.json["stages"])

            let replaced = try await client.send(.put, "/crm/v3/pipelines/deals/\(id)", [
                "label": "Renewals", "displayOrder": 2,
                "stages": [["label": "Up for renewal", "displayOrder": 0, "metadata": ["probability": "0.3"]],
                           ["label": "Churned", "displayOrder": 1, "metadata": ["probability": "0.0"]]],
            ])
            #expect(replaced.status == 200)
            #expect(replaced.json["stages"]?[0]?["id"]?.stringValue == firstStage)
            #expect(replaced.json["stages"]?.arrayValue?.map { $0["label"]?.stringValue } == ["Up for renewal", "Churned"])

            let deleted = try await client.delete("/crm/v3/pipelines/deals/\(id)")
            #expect(deleted.status == 204 && deleted.text.isEmpty)
            #expect(try await client.get("/crm/v3/pipelines/deals/\(id)").status == 404)
            #expect(try await client.delete("/crm/v3/pipelines/deals/\(id)").status == 404)
        }
    }

    @Test func stageCrudAnswersDocumentedStatuses() async throws {
        try await withSandbox { client, _ in
            let base = "/crm/v3/pipelines/tickets/0/stages"
            let created = try await client.post(base, ["label": "Escalated", "displayOrder": 2, "metadata": ["ticketState": "OPEN"]])
            #expect(created.status == 201)
            #expect(created.json.objectValue?.keys.elements == ["id", "label", "displayOrder", "archived", "metadata", "writePermissions",
                                                               "createdAt", "updatedAt"])
            let id = try #require(created.json["id"]?.stringValue)
            let list = try await client.get(base)
            #expect(list.status == 200)
            // Equal display orders keep their earlier order, so the new stage (2) follows "Waiting on us" (2).
            #expect(list.json["results"]?.arrayValue?.map { $0["label"]?.stringValue } == ["New", "Waiting on contact", "Waiting on us", "Escalated", "Closed"])
            #expect(try await client.get("\(base)/\(id)").json == created.json)

            let patched = try await client.patch("\(base)/\(id)", ["label": "Escalated to engineering"])
            #expect(patched.status == 200)
            #expect(patched.json["label"] == "Escalated to engineering" && patched.json["metadata"] == ["ticketState": "OPEN"])
            let put = try await client.send(.put, "\(base)/\(id)", ["label": "Escalated", "displayOrder": 3, "metadata": ["ticketState": "CLOSED"]])
            #expect(put.status == 200)
            #expect(put.json["metadata"] == ["ticketState": "CLOSED"])

            #expect(try await client.delete("\(base)/\(id)").status == 204)
            #expect(try await client.get("\(base)/\(id)").status == 404)
        }
    }

    @Test func stageMetadataIsCheckedPerObjectType() async throws {
        try await withSandbox { client, _ in
            let deal = try await client.post("/crm/v3/pipelines/deals/default/stages", ["label": "Limbo", "metadata": ["probability": "1.5"]])
            #expect(deal.status == 400)
            #expect(deal.json["message"] == "Deal stages need metadata.probability between 0.0 and 1.0.")
            let ticket = try await client.post("/crm/v3/pipelines/tickets/0/stages", ["label": "Limbo", "metadata": [:]])
            #expect(ticket.status == 400)
            #expect(ticket.json["message"] == "Ticket stages need metadata.ticketState OPEN or CLOSED.")
            let noStages = try await client.post("/crm/v3/pipelines/deals", ["label": "Empty", "displayOrder": 3, "stages": []])
            #expect(noStages.status == 400)
            #expect(noStages.json["message"] == "A pipeline needs at least one stage.")
        }
    }

    @Test func newStageIsAcceptedByDealValidationAtOnce() async throws {
        try await withSandbox { client, _ in
            let deal: JSONValue = ["properties": ["dealname": "Big one", "pipeline": "default", "dealstage": "PLACEHOLDER"]]
            let stage = try await client.post("/crm/v3/pipelines/deals/default/stages",
                                              ["label": "Legal review", "displayOrder": 5, "metadata": ["probability": "0.95"]])
            #expect(stage.status == 201)
            let stageId = try #require(stage.json["id"]?.stringValue)
            var body = deal
            body["properties"]?["dealstage"] = .string(stageId)
            let created = try await client.post("/crm/v3/objects/deals", body)
            #expect(created.status == 201)
            #expect(created.json["properties"]?["dealstage"] == .string(stageId))

            #expect(try await client.delete("/crm/v3/pipelines/deals/default/stages/\(stageId)").status == 204)
            let refused = try await client.post("/crm/v3/objects/deals", body)
            #expect(refused.status == 400)
            #expect(refused.json["errors"]?[0]?["code"] == "INVALID_OPTION")
        }
    }

    @Test func newPipelineIsAnOptionOfTheTicketPipelineProperty() async throws {
        try await withSandbox { client, sandbox in
            let created = try await client.post("/crm/v3/pipelines/tickets", [
                "label": "Onboarding", "displayOrder": 1, "stages": [["label": "Kick-off", "metadata": ["ticketState": "OPEN"]]],
            ])
            let id = try #require(created.json["id"]?.stringValue)
            let options = await sandbox.store.properties["0-5"]?["hs_pipeline"]?.options.map(\.value)
            #expect(options == ["0", id])
        }
    }

    @Test func deletingAPipelineInUseWithValidationIs400() async throws {
        try await withSandbox { client, _ in
            let deal = try await client.post("/crm/v3/objects/deals", [
                "properties": ["dealname": "Won", "pipeline": "default", "dealstage": "closedwon"],
            ])
            let dealId = try #require(deal.json["id"]?.stringValue)
            let reply = try await client.delete("/crm/v3/pipelines/deals/default?validateReferencesBeforeDelete=true")
            #expect(reply.status == 400)
            #expect(reply.json["message"] == .string("Stage IDs: [closedwon] are being referenced by object IDs: [\(dealId)]"))
            #expect(reply.json["context"] == ["stageIds": ["[closedwon]"], "objectIds": [.string("[\(dealId)]")]])
            #expect(reply.json["category"] == "VALIDATION_ERROR")
            #expect(reply.json["subCategory"] == "PipelineError.STAGE_ID_IN_USE")

            let stage = try await client.delete("/crm/v3/pipelines/deals/default/stages/closedwon?validateReferencesBeforeDelete=true")
            #expect(stage.status == 400)
            #expect(stage.json["subCategory"] == "PipelineError.STAGE_ID_IN_USE")
            #expect(try await client.delete("/crm/v3/pipelines/deals/default/stages/closedlost?validateReferencesBeforeDelete=true").status == 204)
            #expect(try await client.delete("/crm/v3/pipelines/deals/default").status == 204)
            #expect(try await client.get("/crm/v3/pipelines/deals").json["results"] == [])
        }
    }

    @Test func auditListsTheCreation() async throws {
        try await withSandbox { client, _ in
            let reply = try await client.get("/crm/v3/pipelines/deals/default/audit")
            #expect(reply.status == 200)
            let entries = try #require(reply.json["results"]?.arrayValue)
            #expect(entries.count == 1)
            #expect(entries[0]["action"] == "CREATE" && entries[0]["identifier"] == "default")
            #expect(entries[0]["timestamp"] == "2020-01-01T00:00:00.000Z")
            #expect(entries[0]["rawObject"]?["label"] == "Sales Pipeline")
            _ = try await client.patch("/crm/v3/pipelines/deals/default", ["label": "Sales"])
            let after = try await client.get("/crm/v3/pipelines/deals/default/audit").json["results"]?.arrayValue
            #expect(after?.map { $0["action"]?.stringValue } == ["UPDATE", "CREATE"])
        }
    }

    @Test func customObjectsGetPipelinesAndTheirStagesAreUsable() async throws {
        try await withSandbox { client, _ in
            let schema = try await client.post("/crm-object-schemas/v3/schemas", [
                "name": "projects_x", "labels": ["singular": "Project", "plural": "Projects"], "primaryDisplayProperty": "title",
                "requiredProperties": ["title"], "properties": [["name": "title", "label": "Title", "type": "string", "fieldType": "text"]],
            ])
            #expect(schema.status == 201)
            let typeId = try #require(schema.json["objectTypeId"]?.stringValue)
            #expect(try await client.get("/crm/v3/pipelines/\(typeId)").json == ["results": []])
            let pipeline = try await client.post("/crm/v3/pipelines/\(typeId)", [
                "label": "Delivery", "displayOrder": 0, "stages": [["label": "Planned", "displayOrder": 0, "metadata": [:]]],
            ])
            #expect(pipeline.status == 201)
            let pipelineId = try #require(pipeline.json["id"]?.stringValue)
            let stageId = try #require(pipeline.json["stages"]?[0]?["id"]?.stringValue)
            let record = try await client.post("/crm/v3/objects/\(typeId)", [
                "properties": ["title": "Launch", "hs_pipeline": .string(pipelineId), "hs_pipeline_stage": .string(stageId)],
            ])
            #expect(record.status == 201)
            #expect(record.json["properties"]?["hs_pipeline_stage"] == .string(stageId))
        }
    }

    @Test func readNeedsTheObjectTypesScope() async throws {
        try await withSandbox(configure: { $0.tokens = [TokenGrant(token: "t", scopes: ["crm.objects.contacts.read"])] }) { client, _ in
            var limited = client
            limited.token = "t"
            let reply = try await limited.get("/crm/v3/pipelines/deals")
            #expect(reply.status == 403)
            #expect(reply.json["category"] == "MISSING_SCOPES")
        }
    }
}
