import JSONValue
import Testing

@testable import HubSpotSandbox

/// Fault injection (`--faults`, `--fault-seed`; latency is in `LatencyTests`). Resets and timeouts need a
/// real connection: the end-to-end tests cover them against the `hubsh sandbox` binary.
struct FaultTests {
    @Test(arguments: [("429:100%", 429, "RATE_LIMIT"), ("500:100%", 500, "INTERNAL_ERROR"), ("503:100%", 503, "SERVICE_UNAVAILABLE")])
    func injectedStatusesCarryHubSpotsBodies(_ spec: String, _ status: Int, _ kind: String) async throws {
        try await withSandbox(configure: { $0.faults = try! FaultPlan(parsing: spec) }) { client, _ in
            let reply = try await client.post("/crm/v3/objects/contacts", ["properties": ["email": "f@x.com"]])
            #expect(reply.status == status)
            #expect(reply.json["status"] == "error")
            #expect((reply.json["errorType"] ?? reply.json["category"]) == .string(kind))
        }
    }

    @Test func aFaultIsDecidedBeforeTheWriteTakesEffect() async throws {
        try await withSandbox(configure: { $0.faults = try! FaultPlan(parsing: "500:100%") }) { client, sandbox in
            let reply = try await client.post("/crm/v3/objects/contacts", ["properties": ["email": "f@x.com"]])
            #expect(reply.status == 500)
            let stored = await sandbox.store.tables["0-1"]?.records.count
            #expect(stored == 0)
        }
    }

    @Test func theSameSeedGivesTheSameSequenceOfFaults() throws {
        let plan = try FaultPlan(parsing: "429:10%,500:10%,503:10%,reset:5%,timeout:5%")
        func sequence(seed: UInt64) -> [Fault?] {
            let middleware = FaultMiddleware(plan: plan, random: LockedRandom(seed: seed), hangLimit: .seconds(1))
            return (0..<2_000).map { _ in middleware.draw() }
        }
        let first = sequence(seed: 7)
        #expect(first == sequence(seed: 7))
        #expect(first != sequence(seed: 8))
        // The rates are honoured (within a generous margin for 2,000 draws).
        let share = Double(first.filter { $0 == .tooManyRequests }.count) / 2_000
        #expect(share > 0.07 && share < 0.13)
        #expect(first.filter { $0 == nil }.count > 1_050)
    }

    @Test(arguments: ["429:3%,500:2%,503:2%,reset:1%,timeout:1%", "500:0.5"])
    func faultSpecsParse(_ spec: String) throws {
        let plan = try FaultPlan(parsing: spec)
        #expect(!plan.isEmpty)
    }

    @Test(arguments: ["boom:1%", "429:x%", "429:60%,500:60%", "429"])
    func badFaultSpecsSayWhy(_ spec: String) {
        #expect(throws: SandboxConfigurationError.self) { try FaultPlan(parsing: spec) }
    }

    @Test func tokensParseWithAndWithoutScopes() {
        #expect(TokenGrant(parsing: "abc") == TokenGrant(token: "abc"))
        #expect(TokenGrant(parsing: "abc:crm.objects.contacts.read, crm.objects.deals.read").scopes == ["crm.objects.contacts.read", "crm.objects.deals.read"])
    }
}
