import JSONValue
import Testing

@testable import HubSpotSandbox

/// Property history on single and batch reads (`propertiesWithHistory`, hubspot-api.md §2.1, §2.5).
struct HistoryTests {
    @Test func everyWriteAddsAVersionNewestFirstOnSingleAndBatchReads() async throws {
        try await withSandbox { client, _ in
            let id = try await client.post("/crm/v3/objects/contacts", ["properties": ["email": "h@example.com", "firstname": "Ann"]]).json["id"]!
            try await client.patch("/crm/v3/objects/contacts/\(id.stringValue!)", ["properties": ["firstname": "Bea", "lastname": "Lee"]])
            try await client.patch("/crm/v3/objects/contacts/\(id.stringValue!)", ["properties": ["firstname": "Cy"]])
            let single = try await client.get("/crm/v3/objects/contacts/\(id.stringValue!)?propertiesWithHistory=firstname,lastname,email")
            let firstnames = single.json["propertiesWithHistory"]?["firstname"]?.arrayValue?.compactMap { $0["value"]?.stringValue }
            #expect(firstnames == ["Cy", "Bea", "Ann"])
            #expect(single.json["propertiesWithHistory"]?["firstname"]?[0]?["sourceType"] == "API")
            // A property first set by an update has that version only; one never changed, its value at creation.
            #expect(single.json["propertiesWithHistory"]?["lastname"]?.arrayValue?.count == 1)
            #expect(single.json["propertiesWithHistory"]?["email"]?[0]?["timestamp"] == single.json["createdAt"])
            let batch = try await client.post("/crm/v3/objects/contacts/batch/read", ["inputs": [["id": id]], "propertiesWithHistory": ["firstname"]])
            #expect(batch.status == 200)
            #expect(batch.json["results"]?[0]?["propertiesWithHistory"]?["firstname"]?.arrayValue?.count == 3)
        }
    }

    @Test func aBatchReadWithHistoryTakesAtMostFiftyInputs() async throws {
        try await withSandbox { client, _ in
            let inputs: [JSONValue] = (1...51).map { ["id": .string("\($0)")] }
            let refused = try await client.post("/crm/v3/objects/contacts/batch/read", ["inputs": .array(inputs), "propertiesWithHistory": ["email"]])
            #expect(refused.status == 400)
            #expect(refused.json["message"]?.stringValue?.contains("property histories is 50") == true)
            let plain = try await client.post("/crm/v3/objects/contacts/batch/read", ["inputs": .array(inputs)])
            #expect(plain.status == 207, "without history 100 inputs are allowed (these ids do not exist)")
        }
    }

    @Test func historyIsKeptBounded() async throws {
        try await withSandbox { client, _ in
            let id = try await client.post("/crm/v3/objects/contacts", ["properties": ["email": "b@example.com"]]).json["id"]!.stringValue!
            for n in 1...60 { try await client.patch("/crm/v3/objects/contacts/\(id)", ["properties": ["firstname": .string("v\(n)")]]) }
            let read = try await client.get("/crm/v3/objects/contacts/\(id)?propertiesWithHistory=firstname")
            let values = read.json["propertiesWithHistory"]?["firstname"]?.arrayValue ?? []
            #expect(values.count == 50)
            #expect(values.first?["value"] == "v60")
        }
    }
}
