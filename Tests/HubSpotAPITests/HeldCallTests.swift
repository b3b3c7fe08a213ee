import HubSpotAPI
import JSONValue
import NIOConcurrencyHelpers
import Testing

/// A call HubSpot never answers costs its own time limit, sized to its kind, and the other batches
/// of the job go on meanwhile.
struct HeldCallTests {
    @Test func aHeldBatchTimesOutAloneWhileTheOthersAreSent() async throws {
        let transport = HoldingTransport(holdCall: 1)
        let connection = try HubSpotConnection(baseURL: "http://127.0.0.1:1", token: AccessToken("pat-na1-11111111-2222-3333-4444-555555555555"))
        let timeouts = CallTimeouts(read: .seconds(30), search: .seconds(30), write: .seconds(30), batchWrite: .seconds(3))
        let client = HubSpotClient(connection: connection, transport: transport,
                                   retry: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1), maxDelay: .milliseconds(5)),
                                   limiter: RateLimiter(policy: .unlimited), timeouts: timeouts)
        let inputs = (0..<1_000).map { BulkInput(id: "\($0 + 1)", properties: ["firstname": .string("F\($0)")]) }
        let writer = BulkWriter(client: client, operation: .update(objectType: "contacts", idProperty: nil), concurrency: .fixed(4))
        var results: [BulkResult] = []
        for try await result in writer.results(for: inputs) { results.append(result) }

        #expect(results.map(\.index) == Array(0..<1_000))
        #expect(results.allSatisfy { $0.succeeded }, "the held update was tried again")
        let log = transport.log
        #expect(log.count == 11, "10 batches and one repeat of the held one")
        #expect(log.first?.timeout == .seconds(3), "a batch write gets the batch-write time limit")
        // Seven fill the window beside the held one; an eighth may start as the window's edge moves,
        // never more (the results after the held one wait for it, so the window stops the job there).
        let sentWhileHeld = log.filter { $0.sentWhileHeld }.count
        #expect((7...8).contains(sentWhileHeld), "\(sentWhileHeld) sent while one was held")
    }

    @Test(arguments: [
        (HubSpotRequest(.POST, "/crm/v3/objects/contacts/search", budget: .search), Duration.seconds(2)),
        (HubSpotRequest(.POST, "/crm/v3/objects/contacts/batch/read", idempotent: true), .seconds(1)),
        (HubSpotRequest(.GET, "/crm/v3/objects/contacts/1"), .seconds(1)),
        (HubSpotRequest(.POST, "/crm/v3/objects/contacts/batch/upsert", idempotent: true), .seconds(4)),
        (HubSpotRequest(.PATCH, "/crm/v3/objects/contacts/1"), .seconds(3)),
    ])
    func eachKindOfCallHasItsOwnTimeLimit(request: HubSpotRequest, limit: Duration) {
        let timeouts = CallTimeouts(read: .seconds(1), search: .seconds(2), write: .seconds(3), batchWrite: .seconds(4))
        #expect(timeouts.timeout(for: request) == limit)
    }
}

/// Answers batch updates by echoing their inputs, except call number `holdCall`, which gets no
/// answer: it is held for its time limit and then fails as a timeout, as the real transport does.
final class HoldingTransport: HubSpotTransport {
    struct Sent: Sendable {
        let timeout: Duration?
        let sentWhileHeld: Bool
    }

    let holdCall: Int
    private let state = NIOLockedValueBox((calls: 0, holding: false, log: [Sent]()))

    init(holdCall: Int) { self.holdCall = holdCall }

    var log: [Sent] { state.withLockedValue { $0.log } }

    func send(_ request: HubSpotRequest, baseURL: String) async throws(HubSpotAPIError) -> HubSpotResponse {
        let held = state.withLockedValue { state -> Bool in
            state.calls += 1
            state.log.append(Sent(timeout: request.timeout, sentWhileHeld: state.holding))
            if state.calls == holdCall { state.holding = true }
            return state.calls == holdCall
        }
        if held {
            try? await Task.sleep(for: request.timeout ?? .seconds(60))
            state.withLockedValue { $0.holding = false }
            throw HubSpotAPIError(.transport(TransportFailure(.timeout)), "no answer within the time limit", location: request.location)
        }
        let inputs = request.body?["inputs"]?.arrayValue ?? []
        let results: [JSONValue] = inputs.map { ["id": $0["id"] ?? .null, "properties": $0["properties"] ?? [:]] }
        let body: JSONValue = ["status": "COMPLETE", "results": .array(results)]
        return HubSpotResponse(status: 200, headers: [:], body: body.jsonBytes)
    }
}
