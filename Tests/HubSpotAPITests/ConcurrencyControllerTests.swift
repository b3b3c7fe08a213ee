import HubSpotAPI
import JSONValue
import NIOConcurrencyHelpers
import Testing

/// The bulk writer keeps as many batch calls in flight as the rate limit and the measured latency
/// call for: more when HubSpot slows down, fewer when it speeds up, never more than the cap, and the
/// results stay in input order.
struct ConcurrencyControllerTests {
    @Test func callsInFlightFollowTheLatencyUpToTheCap() async throws {
        // 400 calls per 10 s is 40 per second (so the window never binds the 300 calls): near-instant
        // answers need few calls in flight, 2 s ones 101, which the cap of 24 cuts. (Relative bounds: a loaded machine slows the quick answers too,
        // and each phase is long enough for the count to move on a starved one: CI's full run once saw
        // 24 still in flight 40 calls after the slow phase, so the quick phase after it is 140 calls; a
        // starved full run once reached only 15 in 100 calls of 1 s, so the slow phase is 120 calls of 2 s.)
        let transport = LatencyScriptTransport(latency: { call in (40..<160).contains(call) ? .seconds(2) : .zero })
        let connection = try HubSpotConnection(baseURL: "http://127.0.0.1:1", token: AccessToken("pat-na1-11111111-2222-3333-4444-555555555555"))
        let client = HubSpotClient(connection: connection, transport: transport,
                                   retry: RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(1)), limiter: RateLimiter())
        // Starting low, so the quick phase shows the measured count rather than the starting one.
        let writer = BulkWriter(client: client, operation: .update(objectType: "contacts", idProperty: nil),
                                concurrency: ConcurrencyController(cap: 24, initial: 2))
        let inputs = (0..<30_000).map { BulkInput(id: "\($0 + 1)", properties: ["firstname": "F"]) }
        var indexes: [Int] = []
        for try await result in writer.results(for: inputs) where result.succeeded { indexes.append(result.index) }

        #expect(indexes == Array(0..<30_000))
        let inFlight = transport.inFlightAtStart
        #expect(inFlight.count == 300)
        let fast = inFlight[20..<40].max() ?? 0
        let slow = inFlight[40..<160].max() ?? 0
        let fastAgain = inFlight[260...].max() ?? 0
        #expect(slow == 24, "slow answers take the count up to the cap: \(inFlight)")
        #expect(slow > fast, "more than quick ones: \(inFlight)")
        #expect(slow > fastAgain, "and quick ones bring the count down again: \(inFlight)")
        #expect(inFlight.max() ?? 0 <= 24, "never more than the cap")
        #expect(await writer.concurrency.peak <= 24)
    }

    @Test func aFixedGateKeepsItsCount() async {
        let gate = ConcurrencyController.fixed(3)
        for _ in 0..<3 { await gate.enter() }
        #expect(await gate.inFlight == 3)
        #expect(await gate.leave(suggestion: 40) == nil, "a fixed gate ignores suggestions")
        #expect(await gate.limit == 3)
    }

    @Test func anAdaptiveGateMovesToTheSuggestionWithinItsCap() async {
        let gate = ConcurrencyController(cap: 48)
        #expect(await gate.limit == ConcurrencyController.initial)
        await gate.enter()
        #expect(await gate.leave(suggestion: 100) == 48, "the cap bounds the suggestion")
        await gate.enter()
        #expect(await gate.leave(suggestion: 45) == nil, "a small move is not reported")
        #expect(await gate.limit == 45)
        await gate.enter()
        #expect(await gate.leave(suggestion: 2) == 2)
        await gate.enter()
        #expect(await gate.leave(suggestion: 2) == nil, "unchanged")
        #expect(await ConcurrencyController(cap: 3).limit == 3, "a cap below the start starts at the cap")
    }

    @Test func withoutRateLimitHeadersTheLimiterImposesNoBurstLimit() async throws {
        let transport = LatencyScriptTransport(latency: { _ in .zero }, headers: false)
        let connection = try HubSpotConnection(baseURL: "http://127.0.0.1:1", token: AccessToken("pat-na1-11111111-2222-3333-4444-555555555555"))
        let limiter = RateLimiter()
        let client = HubSpotClient(connection: connection, transport: transport, limiter: limiter)
        // The starting budget is 100 per 10 s: 300 calls would wait 20 s if it stayed.
        for id in 1...300 { _ = try await client.send(HubSpotRequest(.GET, "/crm/v3/objects/contacts/\(id)")) }
        #expect(await limiter.waits == 0)
        #expect(await limiter.burstEnforced == false)
        #expect(await limiter.suggestedInFlight(cap: 64) == 64)
    }
}

/// Answers batch updates by echoing their inputs after a delay chosen per call (in arrival order),
/// with HubSpot's rate-limit headers for 200 calls per 10 s unless told not to; records how many
/// calls were in flight when each arrived.
final class LatencyScriptTransport: HubSpotTransport {
    let latency: @Sendable (Int) -> Duration
    let headers: Bool
    private let state = NIOLockedValueBox((calls: 0, inFlight: 0, log: [Int]()))

    init(latency: @escaping @Sendable (Int) -> Duration, headers: Bool = true) {
        self.latency = latency
        self.headers = headers
    }

    var inFlightAtStart: [Int] { state.withLockedValue { $0.log } }

    func send(_ request: HubSpotRequest, baseURL: String) async throws(HubSpotAPIError) -> HubSpotResponse {
        let call = state.withLockedValue { state -> Int in
            state.inFlight += 1
            state.log.append(state.inFlight)
            state.calls += 1
            return state.calls - 1
        }
        try? await Task.sleep(for: latency(call))
        state.withLockedValue { $0.inFlight -= 1 }
        let inputs = request.body?["inputs"]?.arrayValue ?? []
        let body: JSONValue = ["status": "COMPLETE", "results": .array(inputs.map { ["id": $0["id"] ?? .null, "properties": [:]] })]
        let limits = ["x-hubspot-ratelimit-max": "400", "x-hubspot-ratelimit-remaining": "390", "x-hubspot-ratelimit-interval-milliseconds": "10000"]
        return HubSpotResponse(status: 200, headers: headers ? limits : [:], body: body.jsonBytes)
    }
}
