import JSONValue
import Testing

@testable import HubSpotSandbox

/// The batch endpoints' statuses and shapes (hubspot-api.md §2.5).
struct BatchTests {
    static func contacts(_ emails: [String]) -> JSONValue {
        ["inputs": .array(emails.map { ["properties": ["email": .string($0)]] })]
    }

    @Test func batchCreateAnswers201WithEveryRecord() async throws {
        try await withSandbox { client, _ in
            let reply = try await client.post("/crm/v3/objects/contacts/batch/create", Self.contacts(["a@b.com", "c@d.com"]))
            #expect(reply.status == 201)
            #expect(reply.json["status"] == "COMPLETE")
            #expect(reply.json["results"]?.arrayValue?.count == 2)
            #expect(reply.json["startedAt"]?.stringValue != nil)
            #expect(reply.json["completedAt"]?.stringValue != nil)
            #expect(reply.json["errors"] == nil)
        }
    }

    @Test func batchOfMoreThan100InputsIsRefused() async throws {
        try await withSandbox { client, _ in
            let reply = try await client.post("/crm/v3/objects/contacts/batch/create", Self.contacts((0...100).map { "u\($0)@x.com" }))
            #expect(reply.status == 400)
            #expect(reply.json["category"] == "VALIDATION_ERROR")
            #expect(try await client.get("/crm/v3/objects/contacts").json["results"]?.arrayValue?.isEmpty == true)
        }
    }

    @Test func batchCreateWithoutTraceIdsFailsWhole() async throws {
        try await withSandbox { client, _ in
            let id = try await client.post("/crm/v3/objects/contacts", ["properties": ["email": "dup@x.com"]]).json["id"]!.stringValue!
            let reply = try await client.post("/crm/v3/objects/contacts/batch/create", Self.contacts(["new@x.com", "dup@x.com"]))
            #expect(reply.status == 409)
            #expect(reply.json["message"]?.stringValue == "Contact already exists. Existing ID: \(id)")
            #expect(try await client.get("/crm/v3/objects/contacts").json["results"]?.arrayValue?.count == 1)
        }
    }

    @Test func batchCreateWithTraceIdsAnswers207PerInput() async throws {
        try await withSandbox { client, _ in
            let body: JSONValue = ["inputs": [
                ["properties": ["email": "ok@x.com"], "objectWriteTraceId": "t1"],
                ["properties": ["nosuch": "1"], "objectWriteTraceId": "t2"],
            ]]
            let reply = try await client.post("/crm/v3/objects/contacts/batch/create", body)
            #expect(reply.status == 207)
            #expect(reply.json["numErrors"] == 1)
            #expect(reply.json["results"]?.arrayValue?.count == 1)
            let error = try #require(reply.json["errors"]?[0]?.objectValue)
            #expect(error.keys.elements == ["status", "category", "message", "context", "links", "errors"])
            #expect(error["status"] == "error")
            #expect(error["category"] == "VALIDATION_ERROR")
            #expect(error["context"]?["objectWriteTraceId"] == ["t2"])
            #expect(reply.json["results"]?[0]?["objectWriteTraceId"] == "t1")
        }
    }

    @Test func batchReadReportsMissingIdsAs207() async throws {
        try await withSandbox { client, _ in
            let created = try await client.post("/crm/v3/objects/contacts/batch/create", Self.contacts(["r@x.com"]))
            let id = try #require(created.json["results"]?[0]?["id"])
            let reply = try await client.post("/crm/v3/objects/contacts/batch/read",
                                              ["properties": ["email"], "inputs": [["id": id], ["id": "999"]]])
            #expect(reply.status == 207)
            #expect(reply.json["results"]?[0]?["properties"]?["email"] == "r@x.com")
            #expect(reply.json["errors"]?[0]?["category"] == "OBJECT_NOT_FOUND")
            #expect(reply.json["errors"]?[0]?["message"] == "Could not get some CONTACT objects, they may be deleted or not exist. Check that ids are valid.")
            #expect(reply.json["errors"]?[0]?["context"] == ["ids": ["999"]])
            let byEmail = try await client.post("/crm/v3/objects/contacts/batch/read", ["idProperty": "email", "inputs": [["id": "r@x.com"]]])
            #expect(byEmail.status == 200)
            #expect(byEmail.json["results"]?[0]?["id"] == id)
        }
    }

    @Test func batchUpdateChangesRecordsAndReportsMissingOnes() async throws {
        try await withSandbox { client, _ in
            let created = try await client.post("/crm/v3/objects/contacts/batch/create", Self.contacts(["u1@x.com", "u2@x.com"]))
            let ids = created.json["results"]!.arrayValue!.map { $0["id"]! }
            let reply = try await client.post("/crm/v3/objects/contacts/batch/update", ["inputs": [
                ["id": ids[0], "properties": ["firstname": "One"]], ["id": "12345", "properties": ["firstname": "X"]],
            ]])
            #expect(reply.status == 207)
            #expect(reply.json["results"]?[0]?["properties"]?["firstname"] == "One")
            #expect(reply.json["errors"]?[0]?["context"] == ["ids": ["12345"]])
            let allGood = try await client.post("/crm/v3/objects/contacts/batch/update", ["inputs": [["id": ids[1], "properties": ["lastname": "Two"]]]])
            #expect(allGood.status == 200)
        }
    }

    @Test func batchUpdateRefusesDuplicateIds() async throws {
        try await withSandbox { client, _ in
            let reply = try await client.post("/crm/v3/objects/contacts/batch/update", ["inputs": [
                ["id": "1", "properties": ["firstname": "A"]], ["id": "1", "properties": ["firstname": "B"]],
            ]])
            #expect(reply.status == 400)
            #expect(reply.json["message"]?.stringValue?.hasPrefix("Duplicate IDs found in batch input") == true)
        }
    }

    @Test func batchUpsertCreatesAndUpdatesByEmail() async throws {
        try await withSandbox { client, _ in
            let existing = try await client.post("/crm/v3/objects/contacts", ["properties": ["email": "old@x.com"]]).json["id"]!
            let reply = try await client.post("/crm/v3/objects/contacts/batch/upsert", ["inputs": [
                ["id": "old@x.com", "idProperty": "email", "properties": ["firstname": "Old"]],
                ["id": "new@x.com", "idProperty": "email", "properties": ["firstname": "New"]],
            ]])
            #expect(reply.status == 200)
            let results = try #require(reply.json["results"]?.arrayValue)
            #expect(results[0]["id"] == existing)
            #expect(results[0]["new"] == false)
            #expect(results[1]["new"] == true)
            #expect(results[1]["properties"]?["email"] == "new@x.com")
            let again = try await client.post("/crm/v3/objects/contacts/batch/upsert", ["inputs": [
                ["id": "new@x.com", "idProperty": "email", "properties": ["firstname": "Newer"]],
            ]])
            #expect(again.json["results"]?[0]?["new"] == false)
            #expect(again.json["results"]?[0]?["id"] == results[1]["id"])
        }
    }

    @Test func batchUpsertNeedsAUniqueIdProperty() async throws {
        try await withSandbox { client, _ in
            let reply = try await client.post("/crm/v3/objects/contacts/batch/upsert", ["inputs": [
                ["id": "Ann", "idProperty": "firstname", "properties": ["lastname": "X"]],
            ]])
            #expect(reply.status == 400)
        }
    }

    @Test func batchArchiveWithAnInputWithoutIdArchivesNothing() async throws {
        try await withSandbox { client, _ in
            let created = try await client.post("/crm/v3/objects/contacts/batch/create", Self.contacts(["k1@x.com"]))
            let reply = try await client.post("/crm/v3/objects/contacts/batch/archive", ["inputs": [["id": created.json["results"]![0]!["id"]!], [:]]])
            #expect(reply.status == 400)
            let live = try await client.get("/crm/v3/objects/contacts")
            #expect(live.json["results"]?.arrayValue?.count == 1)
        }
    }

    @Test func batchUpsertOfANewRecordChecksRequiredProperties() async throws {
        try await withSandbox { client, _ in
            let reply = try await client.post("/crm/v3/objects/deals/batch/upsert", ["inputs": [["id": "1", "properties": ["amount": "5"]]]])
            #expect(reply.status == 400)
            #expect(reply.json["errors"]?.arrayValue?.compactMap { $0["code"]?.stringValue } == ["REQUIRED_PROPERTY", "REQUIRED_PROPERTY"])
            #expect(reply.json["errors"]?.arrayValue?.compactMap { $0["context"]?["propertyName"]?[0]?.stringValue } == ["dealname", "dealstage"])
        }
    }

    @Test func batchArchiveAnswers204AndIgnoresUnknownIds() async throws {
        try await withSandbox { client, _ in
            let created = try await client.post("/crm/v3/objects/contacts/batch/create", Self.contacts(["z1@x.com", "z2@x.com"]))
            let ids = created.json["results"]!.arrayValue!.map { ["id": $0["id"]!] as JSONValue }
            let reply = try await client.post("/crm/v3/objects/contacts/batch/archive", ["inputs": .array(ids + [["id": "777"]])])
            #expect(reply.status == 204)
            #expect(try await client.get("/crm/v3/objects/contacts").json["results"]?.arrayValue?.isEmpty == true)
            #expect(try await client.get("/crm/v3/objects/contacts?archived=true").json["results"]?.arrayValue?.count == 2)
        }
    }
}
