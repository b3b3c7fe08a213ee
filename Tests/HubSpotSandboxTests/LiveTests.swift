import JSONValue
import Testing

@testable import HubSpotSandbox

/// The main flows over a real loopback port (Hummingbird's live test mode), not only in process.
struct LiveTests {
    @Test func createPageSearchAndBatchOverLoopback() async throws {
        try await withSandbox(.live, tier: .professional) { client, _ in
            let inputs: [JSONValue] = (0..<30).map { ["properties": ["email": .string("live\($0)@loop.example"), "firstname": "Liv"]] }
            let created = try await client.post("/crm/v3/objects/contacts/batch/create", ["inputs": .array(inputs)])
            #expect(created.status == 201)
            #expect(created.header("X-HubSpot-RateLimit-Max") == "190")

            var seen = 0
            var path = "/crm/v3/objects/contacts?limit=7"
            while true {
                let page = try await client.get(path)
                seen += page.json["results"]?.arrayValue?.count ?? 0
                guard let after = page.json["paging"]?["next"]?["after"]?.stringValue else { break }
                path = "/crm/v3/objects/contacts?limit=7&after=\(after)"
            }
            #expect(seen == 30)

            let search = try await client.post("/crm/v3/objects/contacts/search", [
                "filterGroups": [["filters": [["propertyName": "email", "operator": "CONTAINS_TOKEN", "value": "*@loop.example"]]]],
                "limit": 5,
            ])
            #expect(search.status == 200)
            #expect(search.json["total"] == 30)
            #expect(search.header("X-HubSpot-RateLimit-Max") == nil)

            let partial = try await client.post("/crm/v3/objects/contacts/batch/read", ["inputs": [["id": "1"]]])
            #expect(partial.status == 207)
            #expect(try await client.send(.get, "/crm/v3/objects/contacts", token: .some(nil)).status == 401)
        }
    }
}
