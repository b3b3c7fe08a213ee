import HubSpotAPI
import HubSpotSandbox
import HubshShell
import JSONValue
import NIOConcurrencyHelpers
import Testing

/// `get` of many ids keeps several batch reads in flight and still yields the records in the order
/// asked for.
struct ChunkedReadTests {
    @Test func getOfManyIdsKeepsSeveralReadsInFlightAndTheOrderAskedFor() async throws {
        try await ShellSandbox.with(configure: { $0.tier = .unlimited }) { sandbox in
            let transport = PairingTransport()
            let shell = try TestShell(makeClient: { connection in
                HubSpotClient(connection: connection, transport: transport,
                              retry: RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(1), maxDelay: .milliseconds(10)),
                              limiter: RateLimiter(policy: .unlimited))
            })
            _ = await shell.run("connection add sb --token \(SandboxConfiguration.defaultToken) --base-url \(sandbox.baseURL)")
            let created = await shell.run("records 1000 | create contacts | count")
            #expect(created.values == [1_000])
            // Sorted by email (r999 before r1000…), which is not the order of the ids.
            let searched = await shell.run("search contacts props email sort email desc | select id")
            let got = await shell.run("search contacts props email sort email desc | get props email | select id")
            #expect(got.outcome == .success, "\(got.messages)")
            #expect(got.values.count == 1_000)
            #expect(got.values == searched.values)
            #expect(transport.peak >= 2, "batch reads in flight at once: \(transport.peak)")
            #expect(transport.reads == 10)
        }
    }
}

/// Sends requests to the sandbox; holds a batch read (up to 3 s) until a second one is in flight, so
/// reads made one at a time show as a peak of 1 and reads made together as 2 or more.
final class PairingTransport: HubSpotTransport {
    let inner = HTTPClientTransport(timeout: .seconds(5))
    private let state = NIOLockedValueBox((inFlight: 0, peak: 0, reads: 0))

    var peak: Int { state.withLockedValue { $0.peak } }
    var reads: Int { state.withLockedValue { $0.reads } }

    /// Forgets the reads counted so far (the setup's), to count one statement's.
    func reset() { state.withLockedValue { $0 = (inFlight: 0, peak: 0, reads: 0) } }

    func send(_ request: HubSpotRequest, baseURL: String) async throws(HubSpotAPIError) -> HubSpotResponse {
        guard request.path.hasSuffix("/batch/read") else { return try await inner.send(request, baseURL: baseURL) }
        state.withLockedValue { state in
            state.inFlight += 1
            state.reads += 1
            state.peak = max(state.peak, state.inFlight)
        }
        for _ in 0..<300 where state.withLockedValue({ $0.peak < 2 }) {
            try? await Task.sleep(for: .milliseconds(10))
        }
        defer { state.withLockedValue { $0.inFlight -= 1 } }
        return try await inner.send(request, baseURL: baseURL)
    }
}
