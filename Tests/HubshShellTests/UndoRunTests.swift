import HubSpotAPI
@testable import HubshShell
import Testing

/// How an undo's reads go: as many calls in flight as its controller lets in, never a fixed count.
struct UndoRunTests {
    /// Counts the calls running at once.
    actor InFlight {
        private(set) var now = 0
        private(set) var peak = 0
        func enter() { now += 1; peak = max(peak, now) }
        func leave() { now -= 1 }
    }

    @Test(arguments: [1, 3]) func readsKeepNoMoreCallsInFlightThanTheSessionAllows(cap: Int) async throws {
        let inFlight = InFlight()
        let ids = (0..<1_000).map(String.init)
        let results = try await UndoRun.inChunks(ids, gate: ConcurrencyController(cap: cap), limiter: nil) { chunk in
            await inFlight.enter()
            try await Task.sleep(for: .milliseconds(20))
            await inFlight.leave()
            return "\(chunk.first ?? "")+\(chunk.count)"
        }
        #expect(results == stride(from: 0, to: 1_000, by: 100).map { "\($0)+100" }, "every chunk, in order")
        #expect(await inFlight.peak == cap)
    }
}
