import HubSpotAPI
import Testing

struct ConnectionTests {
    @Test(arguments: ["https://api.hubapi.com", "HTTPS://api.hubapi.com/", "https://proxy.example/hubspot", "http://127.0.0.1:8080",
                      "http://127.255.3.4", "http://localhost:1/", "http://LOCALHOST", "http://[::1]:9", "http://[0:0:0:0:0:0:0:1]"])
    func acceptedBaseURLs(url: String) throws {
        let connection = try HubSpotConnection(baseURL: url, token: AccessToken("t"))
        #expect(!connection.baseURL.hasSuffix("/"))
    }

    /// Issue 9: each of these once passed a prefix test and sent the token in clear text (or to another host).
    @Test(arguments: [
        ("http://127.0.0.1:1@evil.example", "user or password"),
        ("http://127.0.0.1.evil.example", "plain http"),
        ("http://127.0.0.1.nip.io", "plain http"),
        ("http://127.0.0.1%2eevil.example", "percent-encoded host"),
        ("http://localhost.evil.com", "plain http"),
        ("http://localhost:1@evil.example", "user or password"),
        ("http://[::1]@evil.example", "user or password"),
        ("https://user:secret@api.hubapi.com", "user or password"),
        ("http://evil.example#@127.0.0.1", "query or fragment"),
        ("http://127.0.0.1#@evil.example", "query or fragment"),
        ("http://127.0.0.1?@evil.example", "query or fragment"),
        ("http://127.1", "plain http"),
        ("http://0177.0.0.1", "plain http"),
        ("http://2130706433", "plain http"),
        ("http://[::ffff:127.0.0.1]", "plain http"),
        ("http://[::1%25lo]", "percent-encoded host"),
        ("http://api.hubapi.com", "plain http"),
        ("http://10.0.0.5", "plain http"),
        ("ftp://x", "must start with https://"),
        ("api.hubapi.com", "https://"),
        ("http://", "no host"),
        ("http://127.0.0.1:1\\@evil.example", "not a URL"),
        ("http://127.0.0.1 @evil.example", "not a URL"),
        ("http://127.0.0.1\u{3002}evil.example", "not a URL"),
    ])
    func aBaseURLThatCouldSendTheTokenElsewhereIsRefused(url: String, reason: String) {
        let error = #expect(throws: HubSpotAPIError.self) { _ = try HubSpotConnection(baseURL: url, token: AccessToken("t")) }
        #expect(error?.kind == .invalidRequest)
        #expect(error?.message.contains(reason) == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("\n") == false)
    }

    @Test func aRefusedUserAndPasswordAreNotRepeated() {
        let error = #expect(throws: HubSpotAPIError.self) {
            _ = try HubSpotConnection(baseURL: "https://me:pat-na1-hidden-password@api.hubapi.com", token: AccessToken("t"))
        }
        #expect(error?.message.contains("hidden-password") == false, "\(error?.message ?? "")")
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
