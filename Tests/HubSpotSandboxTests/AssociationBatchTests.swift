import JSONValue
import Testing

@testable import HubSpotSandbox

struct AssociationBatchTests {
    @Test func batchCreateAnswers201WithLabelsAndBatchReadReturnsNumbers() async throws {
        try await withSandbox { client, _ in
            let contact = try await AssociationFixture.contact(client, "ann@example.com")
            let company = try await AssociationFixture.company(client, "Acme")
            let created = try await client.post("/crm/v4/associations/contacts/companies/batch/create", ["inputs": [
                ["from": ["id": .string(contact)], "to": ["id": .int(Int(company)!)],
                 "types": [["associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 1]]],
            ]])
            #expect(created.status == 201)
            #expect(created.json["results"] == [["fromObjectTypeId": "0-1", "fromObjectId": .int(Int(contact)!), "toObjectTypeId": "0-2",
                                                 "toObjectId": .int(Int(company)!), "labels": ["Primary"]]])
            let read = try await client.post("/crm/v4/associations/contacts/companies/batch/read", ["inputs": [["id": .string(contact)]]])
            #expect(read.status == 200)
            #expect(read.json["results"] == [["from": ["id": .string(contact)], "to": [
                ["toObjectId": .int(Int(company)!), "associationTypes": [
                    ["category": "HUBSPOT_DEFINED", "typeId": 1, "label": "Primary"],
                    ["category": "HUBSPOT_DEFINED", "typeId": 279, "label": nil]]]]]])
            #expect(read.json["numErrors"] == nil)
        }
    }

    @Test func batchReadReportsAnIdWithNothingAssociatedAs207() async throws {
        try await withSandbox { client, _ in
            let contact = try await AssociationFixture.contact(client, "ann@example.com")
            let read = try await client.post("/crm/associations/2026-03/contacts/companies/batch/read", ["inputs": [["id": .string(contact)]]])
            #expect(read.status == 207)
            #expect(read.json["results"] == [])
            #expect(read.json["numErrors"] == 1)
            #expect(read.json["errors"]?[0] == [
                "status": "error", "category": "OBJECT_NOT_FOUND", "subCategory": "crm.associations.NO_ASSOCIATIONS_FOUND",
                "message": .string("No company is associated with contact \(contact)."),
                "context": ["fromObjectId": [.string(contact)], "fromObjectType": ["contact"], "toObjectType": ["company"]],
                "links": [:], "errors": []])
        }
    }

    @Test func batchCreateWithAMissingRecordAnswers207() async throws {
        try await withSandbox { client, _ in
            let contact = try await AssociationFixture.contact(client, "ann@example.com")
            let company = try await AssociationFixture.company(client, "Acme")
            let created = try await client.post("/crm/v4/associations/contacts/companies/batch/create", ["inputs": [
                ["from": ["id": .string(contact)], "to": ["id": .string(company)], "types": []],
                ["from": ["id": .string(contact)], "to": ["id": "999"], "types": []],
            ]])
            #expect(created.status == 207)
            #expect(created.json["results"]?.arrayValue?.count == 1)
            #expect(created.json["errors"]?[0]?["category"] == "OBJECT_NOT_FOUND")
            #expect(created.json["errors"]?[0]?["message"] == "Could not get some COMPANY objects, they may be deleted or not exist. Check that ids are valid.")
            #expect(created.json["errors"]?[0]?["context"] == ["ids": ["999"]])
        }
    }

    @Test(arguments: [("/crm/v4/associations", 204), ("/crm/associations/2026-03", 200), ("/crm/associations/2026-09", 200)])
    func archiveAnswers204OnV4And200OnDateVersions(prefix: String, status: Int) async throws {
        try await withSandbox { client, _ in
            let contact = try await AssociationFixture.contact(client, "ann@example.com")
            let company = try await AssociationFixture.company(client, "Acme")
            let pair: JSONValue = ["from": ["id": .string(contact)], "to": ["id": .string(company)],
                                   "types": [["associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 1]]]
            #expect(try await client.post("\(prefix)/contacts/companies/batch/create", ["inputs": [pair]]).status == 201)

            let labels = try await client.post("\(prefix)/contacts/companies/batch/labels/archive", ["inputs": [pair]])
            #expect(labels.status == status)
            let afterLabels = try await client.get("/crm/v4/objects/contacts/\(contact)/associations/companies")
            #expect(AssociationFixture.entries(afterLabels).map(\.1) == [[279]])

            let archived = try await client.post("\(prefix)/contacts/companies/batch/archive", ["inputs": [
                ["from": ["id": .string(contact)], "to": [["id": .string(company)]]]]])
            #expect(archived.status == status)
            #expect(try await client.get("/crm/v4/objects/companies/\(company)/associations/contacts").json == ["results": []])
        }
    }

    @Test func archivingTheUnlabeledTypeRemovesEveryLabel() async throws {
        try await withSandbox { client, _ in
            let contact = try await AssociationFixture.contact(client, "ann@example.com")
            let company = try await AssociationFixture.company(client, "Acme")
            try await client.send(.put, "/crm/v4/objects/contacts/\(contact)/associations/companies/\(company)",
                                  [["associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 1]])
            let removed = try await client.post("/crm/v4/associations/contacts/companies/batch/labels/archive", ["inputs": [
                ["from": ["id": .string(contact)], "to": ["id": .string(company)],
                 "types": [["associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 279]]]]])
            #expect(removed.status == 204)
            #expect(try await client.get("/crm/v4/objects/contacts/\(contact)/associations/companies").json == ["results": []])
        }
    }

    @Test(arguments: [("batch/read", 1_001, "1000"), ("batch/create", 2_001, "2000"), ("batch/archive", 2_001, "2000")])
    func tooManyInputsAre400(endpoint: String, count: Int, limit: String) async throws {
        try await withSandbox { client, _ in
            let to: JSONValue = endpoint == "batch/archive" ? [["id": "2"]] : ["id": "2"]
            let inputs = JSONValue.array(Array(repeating: ["id": "1", "from": ["id": "1"], "to": to], count: count))
            let reply = try await client.post("/crm/v4/associations/contacts/companies/\(endpoint)", ["inputs": inputs])
            #expect(reply.status == 400)
            #expect(reply.json["category"] == "VALIDATION_ERROR")
            #expect(reply.json["context"]?["limit"] == [.string(limit)])
        }
    }
}
