import HubSpotAPI
import HubSpotSandbox
import Testing

struct AccountEndpointTests {
    @Test func tokenInfoReportsTheAccountAndScopes() async throws {
        let token = "pat-na1-two-scopes"
        try await withLiveSandbox(client: ClientOptions(token: token), configure: {
            $0.tokens.append(TokenGrant(token: token, scopes: ["crm.objects.contacts.read", "crm.objects.owners.read"]))
        }) { client, _ in
            let info = try await client.tokenInfo()
            #expect(info.scopes == ["crm.objects.contacts.read", "crm.objects.owners.read"])
            let details = try await client.accountDetails()
            #expect(info.hubId == details.portalId)
            #expect(info.appId != nil)
        }
    }

    @Test(arguments: APIVersion.known)
    func accountDetailsAtEveryVersion(version: APIVersion) async throws {
        try await withLiveSandbox(client: ClientOptions(version: version)) { client, _ in
            let details = try await client.accountDetails()
            #expect(details.portalId > 0)
            #expect(details.accountType == "STANDARD")
            #expect(!details.timeZone.isEmpty)
            #expect(details.companyCurrency.count == 3)
            #expect(details.utcOffset.hasPrefix("-") || details.utcOffset.hasPrefix("+"))
            #expect(!details.dataHostingLocation.isEmpty)
            #expect(details.json["additionalCurrencies"] != nil)
        }
    }

    @Test func dailyUsageCountsTheCallsMade() async throws {
        try await withLiveSandbox(tier: .professional) { client, _ in
            _ = try await client.accountDetails()
            let usage = try await client.dailyUsage()
            let daily = try #require(usage.first)
            #expect(daily.name == "private-apps-api-calls-daily")
            #expect(daily.usageLimit == 625_000)
            #expect(daily.currentUsage >= 1)
            #expect(daily.fetchStatus == "SUCCESS")
            #expect(daily.resetsAt != nil)
        }
    }

    @Test func anUnknownTokenIsUnauthenticated() async throws {
        try await withLiveSandbox(client: ClientOptions(token: "pat-na1-unknown")) { client, _ in
            let error = await #expect(throws: HubSpotAPIError.self) { _ = try await client.tokenInfo() }
            #expect(error?.status == 401)
            #expect(error?.category == "INVALID_AUTHENTICATION")
            #expect(error?.description.contains("pat-na1-unknown") == false)
        }
    }
}
