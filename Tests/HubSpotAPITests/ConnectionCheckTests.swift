import HubSpotAPI
import HubSpotSandbox
import Testing

struct ConnectionCheckTests {
    @Test func aFullTokenReportsTheAccountLatencyHeadroomAndEveryActivity() async throws {
        try await withLiveSandbox(tier: .professional) { client, sandbox in
            let report = try await client.check()
            let portal = await sandbox.store.portal.portalId
            #expect(report.token.hubId == portal)
            #expect(report.account?.portalId == portal)
            #expect(report.account?.timeZone == "US/Eastern")
            #expect(report.version == .v3)
            #expect(report.latency > .zero && report.latency < .seconds(5))
            #expect(report.rateLimitMax == 190)
            #expect((report.rateLimitRemaining ?? 0) > 180)
            #expect(report.activities.count == 16)
            #expect(report.blocked.isEmpty)
        }
    }

    @Test func aNarrowTokenSaysWhichScopesEachActivityLacks() async throws {
        let token = "pat-na1-readonly-contacts-0000000000"
        try await withLiveSandbox(client: ClientOptions(token: token), configure: {
            $0.tokens = [TokenGrant(token: token, scopes: ["crm.objects.contacts.read", "crm.objects.deals.sensitive.write.v2"])]
        }) { client, _ in
            let report = try await client.check(objectTypes: ["contacts", "deals", "2-123"])
            let allowed = report.activities.filter(\.allowed).map { "\($0.activity.rawValue) \($0.objectType)" }
            #expect(allowed == ["search contacts", "create deals", "update deals", "delete deals"])
            let lacking = report.blocked.first { $0.objectType == "2-123" && $0.activity == .update }
            #expect(lacking?.needs == "crm.objects.custom.write")
        }
    }

    @Test func aBadTokenFailsWithAnErrorThatSaysWhatToDo() async throws {
        try await withLiveSandbox(client: ClientOptions(token: "pat-na1-wrong-token-000000000000")) { client, _ in
            let error = await #expect(throws: HubSpotAPIError.self) { _ = try await client.check() }
            #expect(error?.status == 401)
            #expect(error?.description.contains("check the connection's token") == true)
            #expect(error?.description.contains("pat-na1-wrong-token-000000000000") == false)
        }
    }

    @Test func noServerIsARefusedConnectionReportedAtOnce() async throws {
        let connection = try HubSpotConnection(baseURL: "http://127.0.0.1:1", token: AccessToken("t"))
        let client = HubSpotClient(connection: connection, transport: HTTPClientTransport(timeout: .seconds(1)),
                                   retry: RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(1)),
                                   limiter: RateLimiter(policy: .unlimited))
        let error = await #expect(throws: HubSpotAPIError.self) { _ = try await client.check() }
        #expect(error?.kind == .transport(TransportFailure(.refused)), "\(String(describing: error))")
        #expect(error?.attempts == 1, "a refused connection is not worth a retry")
        #expect(error?.description.hasPrefix("POST /oauth/v2/private-apps/get/access-token-info: connection refused") == true,
                "\(String(describing: error))")
    }
}
