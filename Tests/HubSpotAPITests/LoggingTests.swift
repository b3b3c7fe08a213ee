import Foundation
import HubSpotAPI
import HubSpotSandbox
import JSONValue
import Testing

struct LoggingTests {
    static let secret = "pat-na1-0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"

    @Test func debugLinesSayWhatHappenedAndTraceLinesNeverShowTheToken() async throws {
        let capture = LogCapture()
        var options = ClientOptions()
        options.token = Self.secret
        options.logger = capture.logger(level: .trace)
        try await withLiveSandbox(tier: .professional, client: options, configure: { $0.tokens = [TokenGrant(token: Self.secret)] }) { client, _ in
            _ = try await client.tokenInfo()
            _ = try await client.create("contacts", properties: ["email": "log@example.com"])
            _ = try? await client.record("contacts", id: "424242")
        }
        let lines = capture.all
        #expect(lines.contains { $0.contains("POST /oauth/v2/private-apps/get/access-token-info 200") })
        let create = lines.first { $0.hasPrefix("debug") && $0.contains("POST /crm/v3/objects/contacts 201") }
        #expect(create?.contains("attempt=1") == true)
        #expect(create?.contains("remaining=") == true)
        #expect(create?.contains("correlation=") == true)
        #expect(create.map { $0.range(of: #"\d+ms"#, options: .regularExpression) != nil } == true)
        #expect(lines.contains { $0.hasPrefix("debug") && $0.contains("GET /crm/v3/objects/contacts/424242 404") })
        #expect(lines.contains { $0.hasPrefix("trace") && $0.contains("request body") && $0.contains("log@example.com") })
        #expect(lines.contains { $0.contains("pat-na1-****4c5d") }, "the token-info body is logged masked")
        #expect(!lines.contains { $0.contains(Self.secret) })
        #expect(!lines.contains { $0.contains("0a1b2c3d-4e5f") })
    }

    @Test func nothingIsLoggedAboveDebug() async throws {
        let capture = LogCapture()
        var options = ClientOptions()
        options.logger = capture.logger(level: .info)
        try await withLiveSandbox(client: options) { client, _ in _ = try await client.listPage("contacts") }
        #expect(capture.all.isEmpty)
    }

    @Test(arguments: [
        ("Authorization: Bearer pat-na1-0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d", "Authorization: Bearer pat-na1-****4c5d"),
        ("{\"tokenKey\":\"pat-eu1-99998888-7777-6666-5555-444433332222\"}", "{\"tokenKey\":\"pat-eu1-****2222\"}"),
        ("Bearer sometoken1234567", "Bearer ****4567"),
        ("no secrets here, pat-", "no secrets here, pat-"),
    ])
    func redactionMasksTokens(text: String, expected: String) {
        #expect(Redactor(secrets: [])(text) == expected)
    }

    @Test func aKnownSecretIsMaskedWhateverItsShape() {
        let redact = Redactor(secrets: ["s3cr3t-value-xyz"])
        #expect(redact("/oauth/v1/access-tokens/s3cr3t-value-xyz") == "/oauth/v1/access-tokens/****-xyz")
        #expect(AccessToken("pat-na1-0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d").description == "pat-na1-****4c5d")
    }
}
