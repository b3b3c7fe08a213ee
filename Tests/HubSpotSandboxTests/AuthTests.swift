import JSONValue
import Testing

@testable import HubSpotSandbox

/// Bearer tokens, scopes and token introspection (hubspot-api.md §1).
struct AuthTests {
    @Test(arguments: [nil, "wrong-token"] as [String?])
    func missingOrUnknownTokenIs401WithHubSpotsBody(_ token: String?) async throws {
        try await withSandbox { client, _ in
            let reply = try await client.send(.get, "/crm/v3/objects/contacts", token: .some(token))
            #expect(reply.status == 401)
            #expect(reply.header("x-hubspot-auth-failure") == "401 Unauthorized")
            #expect(reply.json.objectValue?.keys.elements == ["status", "message", "correlationId", "category"])
            #expect(reply.json["category"] == "INVALID_AUTHENTICATION")
            #expect(reply.json["message"]?.stringValue?.hasPrefix("Authentication credentials not found.") == true)
        }
    }

    @Test func tokenWithoutTheScopeIs403WithRequiredScopes() async throws {
        try await withSandbox(configure: { $0.tokens = [TokenGrant(parsing: "limited:crm.objects.contacts.read")] }) { client, _ in
            var limited = client
            limited.token = "limited"
            #expect(try await limited.get("/crm/v3/objects/contacts").status == 200)
            let reply = try await limited.get("/crm/v3/objects/deals")
            #expect(reply.status == 403)
            #expect(reply.json["category"] == "MISSING_SCOPES")
            #expect(reply.json["message"] == "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.")
            #expect(reply.json["errors"]?[0]?["message"] == "One or more of the following scopes are required.")
            #expect(reply.json["errors"]?[0]?["context"]?["requiredGranularScopes"]?.arrayValue?.contains("crm.objects.deals.read") == true)
            #expect(reply.json["links"] == ["scopes": "https://developers.hubspot.com/scopes"])
            let write = try await limited.post("/crm/v3/objects/contacts", ["properties": ["email": "x@y.com"]])
            #expect(write.status == 403)
        }
    }

    @Test func tokenInfoReportsHubAndScopes() async throws {
        try await withSandbox(configure: { $0.tokens = [TokenGrant(parsing: "pat-na1-a:crm.objects.contacts.read,crm.objects.contacts.write")] }) { client, sandbox in
            var c = client
            c.token = "pat-na1-a"
            let reply = try await c.post("/oauth/v2/private-apps/get/access-token-info", ["tokenKey": "pat-na1-a"])
            #expect(reply.status == 200)
            #expect(reply.json["hubId"]?.intValue == (await sandbox.store.portal.portalId))
            #expect(reply.json["scopes"] == ["crm.objects.contacts.read", "crm.objects.contacts.write"])
            #expect(reply.json["userId"]?.intValue != nil)
            #expect(reply.json["appId"]?.intValue != nil)
        }
    }

    @Test(arguments: ["/account-info/v3/details", "/account-info/2026-03/details"])
    func accountDetailsCarryEveryRequiredField(_ path: String) async throws {
        try await withSandbox { client, _ in
            let reply = try await client.get(path)
            #expect(reply.status == 200)
            #expect(reply.json.objectValue?.keys.elements == ["portalId", "accountType", "timeZone", "companyCurrency", "additionalCurrencies",
                                                              "utcOffset", "utcOffsetMilliseconds", "uiDomain", "dataHostingLocation"])
        }
    }

    @Test func dailyUsageCountsRequests() async throws {
        try await withSandbox(tier: .starter) { client, _ in
            for _ in 0..<3 { try await client.get("/crm/v3/objects/contacts") }
            let reply = try await client.get("/account-info/v3/api-usage/daily/private-apps")
            let usage = try #require(reply.json["results"]?[0])
            #expect(usage["name"] == "private-apps-api-calls-daily")
            #expect(usage["usageLimit"] == 250_000)
            #expect(usage["currentUsage"] == 4)
            #expect(usage["fetchStatus"] == "SUCCESS")
        }
    }
}
