import JSONValue
import Testing

@testable import HubSpotSandbox

struct SmokeTests {
    @Test func createdContactIsListed() async throws {
        try await withSandbox { client, _ in
            let created = try await client.post("/crm/v3/objects/contacts", ["properties": ["email": "ann@example.com"]])
            #expect(created.status == 201)
            let list = try await client.get("/crm/v3/objects/contacts?properties=email")
            #expect(list.json["results"]?[0]?["properties"]?["email"] == "ann@example.com")
        }
    }
}
