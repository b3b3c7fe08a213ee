import JSONValue
import Testing

@testable import HubSpotSandbox

/// HubSpot's rate limits as the sandbox enforces them (hubspot-api.md §8).
struct RateLimitTests {
    /// The statuses of `count` requests sent together.
    static func fill(_ count: Int, _ client: SandboxClient) async throws -> [Int] {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<count { group.addTask { try await client.get("/crm/v3/objects/contacts").status } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    /// Counts every request at one instant, so a loaded machine cannot stretch a burst past its window.
    static func stopTheClock(_ configuration: inout SandboxConfiguration) {
        configuration.rateLimitClock = { Timestamp(milliseconds: 1_700_000_000_000) }
    }

    @Test func everyNonSearchAnswerCarriesTheRateLimitHeaders() async throws {
        try await withSandbox(tier: .professional) { client, _ in
            let reply = try await client.get("/crm/v3/objects/contacts")
            #expect(reply.header("X-HubSpot-RateLimit-Max") == "190")
            #expect(reply.header("X-HubSpot-RateLimit-Remaining") == "189")
            #expect(reply.header("X-HubSpot-RateLimit-Interval-Milliseconds") == "10000")
            #expect(reply.header("X-HubSpot-RateLimit-Daily") == "625000")
            #expect(reply.header("X-HubSpot-RateLimit-Daily-Remaining") == "624999")
            let error = try await client.get("/crm/v3/objects/contacts/1")
            #expect(error.status == 404)
            #expect(error.header("X-HubSpot-RateLimit-Remaining") == "188")
        }
    }

    @Test func searchAnswersCarryNoRateLimitHeaders() async throws {
        try await withSandbox(tier: .professional) { client, _ in
            let reply = try await client.post("/crm/v3/objects/contacts/search", [:])
            #expect(reply.status == 200)
            #expect(reply.header("X-HubSpot-RateLimit-Max") == nil)
            #expect(reply.header("X-HubSpot-RateLimit-Remaining") == nil)
        }
    }

    @Test func the101stRequestInTenSecondsIsA429() async throws {
        try await withSandbox(tier: .starter, configure: Self.stopTheClock) { client, _ in
            let statuses = try await Self.fill(100, client)
            #expect(statuses == Array(repeating: 200, count: 100))
            let reply = try await client.get("/crm/v3/objects/contacts")
            #expect(reply.status == 429)
            #expect(reply.json["errorType"] == "RATE_LIMIT")
            #expect(reply.json["policyName"] == "TEN_SECONDLY_ROLLING")
            #expect(reply.json["message"] == "You have reached your ten_secondly_rolling limit.")
            #expect(reply.json["correlationId"]?.stringValue?.count == 36)
            #expect(reply.header("X-HubSpot-RateLimit-Remaining") == "0")
        }
    }

    @Test func tokensHaveTheirOwnWindow() async throws {
        try await withSandbox(tier: .starter, configure: {
            $0.tokens = [TokenGrant(token: "a"), TokenGrant(token: "b")]
            Self.stopTheClock(&$0)
        }) { client, _ in
            var a = client
            a.token = "a"
            var b = client
            b.token = "b"
            _ = try await Self.fill(100, a)
            #expect(try await a.get("/crm/v3/objects/contacts").status == 429)
            #expect(try await b.get("/crm/v3/objects/contacts").status == 200)
        }
    }

    @Test func searchesBeyondFivePerSecondAre429WithTheSecondlyMessage() async throws {
        try await withSandbox(tier: .enterprise, configure: Self.stopTheClock) { client, _ in
            let replies = try await withThrowingTaskGroup(of: Reply.self) { group in
                for _ in 0..<12 { group.addTask { try await client.post("/crm/v3/objects/contacts/search", [:]) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let limited = replies.filter { $0.status == 429 }
            let answered = replies.filter { $0.status == 200 }
            #expect(answered.count == 5)
            #expect(limited.count == 7)
            #expect(limited.first?.json["message"] == "You have reached your secondly limit.")
            #expect(limited.first?.json["policyName"] == "SECONDLY")
            #expect(limited.first?.header("X-HubSpot-RateLimit-Max") == nil)
        }
    }

    @Test func theSixthSearchWithinASecondIsRefused() {
        let limiter = RateLimiter(tier: .enterprise, utcOffsetMilliseconds: 0)
        let start: Int64 = 1_700_000_000_000
        let decisions = (0..<6).map { limiter.admit(token: "t", isSearch: true, now: Timestamp(milliseconds: start + Int64($0) * 100)) }
        #expect(decisions.prefix(5).allSatisfy { if case .allowed = $0 { true } else { false } })
        #expect(decisions[5] == .limited(.secondly))
        #expect(limiter.admit(token: "t", isSearch: true, now: Timestamp(milliseconds: start + 1_001)) != .limited(.secondly))
    }

    @Test func windowsRollAndTheDayResets() {
        let limiter = RateLimiter(tier: .starter, utcOffsetMilliseconds: 0)
        let start: Int64 = 1_700_000_000_000
        for i in 0..<100 {
            #expect(limiter.admit(token: "t", isSearch: false, now: Timestamp(milliseconds: start + Int64(i))) != .limited(.tenSecondlyRolling))
        }
        #expect(limiter.admit(token: "t", isSearch: false, now: Timestamp(milliseconds: start + 9_999)) == .limited(.tenSecondlyRolling))
        #expect(limiter.admit(token: "t", isSearch: false, now: Timestamp(milliseconds: start + 10_001)) == .allowed(remaining: 1, dailyRemaining: 250_000 - 101))
    }

    @Test func theDailyLimitIsAPolicyOfItsOwn() {
        let limiter = RateLimiter(tier: .starter, utcOffsetMilliseconds: 0)
        var now: Int64 = 1_700_006_400_000 // midnight UTC
        var admitted = 0
        while case .allowed = limiter.admit(token: "t", isSearch: false, now: Timestamp(milliseconds: now)) {
            admitted += 1
            now += 101 // 99 per 10 s: never the burst limit
        }
        #expect(admitted == 250_000)
        #expect(limiter.admit(token: "t", isSearch: false, now: Timestamp(milliseconds: now)) == .limited(.daily))
        let nextDay: Int64 = 1_700_006_400_000 + 2 * 86_400_000
        #expect(limiter.admit(token: "t", isSearch: false, now: Timestamp(milliseconds: nextDay)) == .allowed(remaining: 99, dailyRemaining: 249_999))
    }

    @Test func unlimitedTierNeverLimits() {
        let limiter = RateLimiter(tier: .unlimited, utcOffsetMilliseconds: 0)
        for _ in 0..<1_000 { #expect(limiter.admit(token: "t", isSearch: true) == .unlimited) }
    }
}
