import HubSpotAPI
import HubSpotSandbox
import JSONValue
import Testing

struct RateLimiterTests {
    /// 130 calls against the free tier (100 per rolling 10 s), 8 at a time: the limiter learns the
    /// window from HubSpot's headers and waits instead of meeting a 429. Tokens are anchored at the
    /// answers here, which is exact however long a loaded machine delays a call on its way in.
    @Test func aTightTierIsFollowedWithoutRejections() async throws {
        try await withLiveSandbox(tier: .free, client: ClientOptions(limiter: RateLimiter.Policy(countedWithin: nil))) { client, _ in
            let ids = try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        for _ in stride(from: worker, to: 130, by: 8) { _ = try await client.listPage("contacts", limit: 1) }
                    }
                }
                try await group.waitForAll()
                return 130
            }
            #expect(ids == 130)
            let rejections = await client.limiter.rejections
            let waits = await client.limiter.waits
            let max = await client.limiter.lastMax
            #expect(rejections == 0)
            #expect(waits > 0)
            #expect(max == 100)
        }
    }

    /// The same calls with the default anchoring (half a second after sending at the latest): every
    /// call is answered, and should a loaded machine delay a call's arrival past that and meet a 429,
    /// the limiter anchors at the answers from then on, so no more than the calls then in flight meet one.
    @Test func theDefaultAnchoringFallsBackToTheAnswersAfterARejection() async throws {
        try await withLiveSandbox(tier: .free) { client, _ in
            // Every call is answered (a call that failed would throw out of the test).
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        for _ in stride(from: worker, to: 130, by: 8) { _ = try await client.listPage("contacts", limit: 1) }
                    }
                }
                try await group.waitForAll()
            }
            let rejections = await client.limiter.rejections
            let countedWithin = await client.limiter.countedWithin
            #expect(rejections <= 8)
            #expect((rejections == 0) == (countedWithin == .milliseconds(500)))
        }
    }

    @Test func aBurstRejectionAnchorsEveryLaterTokenAtItsAnswer() async throws {
        let transport = ScriptedTransport([.answer(429, body: RetryTests.tenSecondly), .answer(200, body: ["results": []])])
        let client = try transport.client(limiter: RateLimiter.Policy(burst: 50, burstInterval: .milliseconds(100)))
        let before = await client.limiter.countedWithin
        #expect(before == .milliseconds(500))
        _ = try await client.listPage("contacts")
        let after = await client.limiter.countedWithin
        #expect(after == nil)
    }

    /// Search has its own budget of 5 per second and no headers to learn from. Its tokens are anchored
    /// at sending with a 50 ms margin, so a heavily loaded machine may delay one arrival past it: one
    /// 429 (absorbed by a retry) is tolerated; an unpaced client would meet about seven.
    @Test func searchesArePacedAtFivePerSecond() async throws {
        try await withLiveSandbox(tier: .professional) { client, _ in
            let clock = ContinuousClock()
            let start = clock.now
            for _ in 0..<12 { _ = try await client.searchPage("contacts", SearchQuery(), limit: 1) }
            let elapsed = clock.now - start
            let rejections = await client.limiter.rejections
            #expect(rejections <= 1)
            #expect(elapsed >= .seconds(1.9))
        }
    }

    /// Another client spends the same token: the remaining-calls header tells this limiter to slow down.
    @Test func theRemainingHeaderCountsCallsMadeElsewhere() async throws {
        let headers = ["x-hubspot-ratelimit-max": "10", "x-hubspot-ratelimit-remaining": "1",
                       "x-hubspot-ratelimit-interval-milliseconds": "10000"]
        let transport = ScriptedTransport([.answer(200, headers: headers, body: ["results": []])])
        let client = try transport.client(limiter: RateLimiter.Policy())
        _ = try await client.listPage("contacts")
        let available = await client.limiter.burstAvailable
        #expect(available == 1)
        let max = await client.limiter.lastMax
        #expect(max == 10)
    }

    @Test func aRejectionMarksTheWindowFull() async throws {
        let transport = ScriptedTransport([.answer(429, body: RetryTests.tenSecondly)])
        let client = try transport.client(limiter: RateLimiter.Policy(burst: 50))
        let limiter = client.limiter
        let task = Task { try await client.listPage("contacts") }
        try await Task.sleep(for: .milliseconds(300))
        let rejections = await limiter.rejections
        let available = await limiter.burstAvailable
        #expect(rejections == 1)
        #expect(available == 0)
        task.cancel()
        _ = await task.result
    }
}
