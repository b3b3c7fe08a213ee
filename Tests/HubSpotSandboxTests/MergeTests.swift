import JSONValue
import Testing

@testable import HubSpotSandbox

/// `POST …/{objectType}/merge` beyond contacts, and what the merged-away id answers afterwards.
struct MergeTests {
    @Test func companiesMergeThePrimaryKeepingItsValuesAndFillingItsEmptyOnes() async throws {
        try await withSandbox { client, _ in
            let a = try await client.post("/crm/v3/objects/companies", ["properties": ["name": "Acme", "domain": "acme.com"]]).json["id"]!
            let b = try await client.post("/crm/v3/objects/companies", ["properties": ["name": "Acme Inc", "city": "Oslo"]]).json["id"]!
            let merged = try await client.post("/crm/v3/objects/companies/merge", ["primaryObjectId": a, "objectIdToMerge": b])
            #expect(merged.status == 200)
            let read = try await client.get("/crm/v3/objects/companies/\(b.stringValue!)?properties=name,city,domain")
            #expect(read.json["id"] == a, "the merged-away id reads as the primary")
            #expect(read.json["properties"]?["name"] == "Acme")
            #expect(read.json["properties"]?["city"] == "Oslo")
        }
    }

    @Test func aRecordIsNotMergedIntoItself() async throws {
        try await withSandbox { client, _ in
            let a = try await client.post("/crm/v3/objects/deals", ["properties": ["dealname": "D", "dealstage": "closedwon"]]).json["id"]!
            let reply = try await client.post("/crm/v3/objects/deals/merge", ["primaryObjectId": a, "objectIdToMerge": a])
            #expect(reply.status == 404)
            #expect(try await client.get("/crm/v3/objects/deals/\(a.stringValue!)").status == 200)
        }
    }
}
