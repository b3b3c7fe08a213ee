import HubSpotAPI
import Testing

struct ConnectionTests {
    @Test(arguments: ["https://api.hubapi.com", "http://127.0.0.1:8080", "http://localhost:1/", "http://[::1]:9"])
    func acceptedBaseURLs(url: String) throws {
        let connection = try HubSpotConnection(baseURL: url, token: AccessToken("t"))
        #expect(!connection.baseURL.hasSuffix("/"))
    }

    @Test(arguments: ["http://api.hubapi.com", "http://10.0.0.5", "ftp://x", "api.hubapi.com", "http://localhost.evil.com"])
    func plainHTTPOffThisMachineIsRefused(url: String) {
        let error = #expect(throws: HubSpotAPIError.self) { _ = try HubSpotConnection(baseURL: url, token: AccessToken("t")) }
        #expect(error?.kind == .invalidRequest)
    }

    @Test(arguments: ["v3", "V4", "2026-03", "2026-09", "2027-03"])
    func versionsParse(text: String) {
        #expect(APIVersion(text)?.description == text.lowercased())
    }

    @Test(arguments: ["v5", "2025-09", "2026-04", "2026-3", "latest"])
    func unknownVersionsAreRefused(text: String) {
        #expect(APIVersion(text) == nil)
    }

    @Test(arguments: [(APIVersion.v3, "/crm/v3/objects/contacts/1"), (.v4, "/crm/v3/objects/contacts/1"),
                      (.dated("2026-03"), "/crm/objects/2026-03/contacts/1")])
    func theVersionPicksTheObjectPaths(version: APIVersion, path: String) async throws {
        let transport = ScriptedTransport([.answer(200, body: ["id": "1", "properties": [:]])])
        let connection = try HubSpotConnection(baseURL: "http://127.0.0.1:1", token: AccessToken("t"), version: version)
        let client = HubSpotClient(connection: connection, transport: transport, limiter: RateLimiter(policy: .unlimited))
        _ = try await client.record("contacts", id: "1")
        #expect(transport.sent.first?.path == path)
        #expect(transport.sent.first?.headers.contains { $0.name == "Authorization" && $0.value == "Bearer t" } == true)
    }
}
