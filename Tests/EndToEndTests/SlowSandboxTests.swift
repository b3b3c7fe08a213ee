import Foundation
import Testing

/// Against a sandbox as slow as HubSpot's batch writes, a write keeps enough calls in flight to use the
/// professional tier's window (19 calls a second × 0.8 s ≈ 15, with headroom 20), where a fixed count
/// of 4 would reach a fifth of it.
struct SlowSandboxTests {
    @Test func aBulkWriteAgainstASlowSandboxKeepsEnoughCallsInFlight() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let sandbox = try SandboxProcess(["--tier", "professional", "--data", "empty", "--latency", "write=800"])
        defer { sandbox.interrupt() }
        let result = try sandbox.runDebug("open {contacts} | create contacts | where status = created | count", contacts: 5_000, in: scratch)
        #expect(result.status == 0, "\(result.errors.suffix(2_000))")
        #expect(result.output == "5000\n")
        let counts = result.errors.split(separator: "\n").compactMap { line -> Int? in
            guard let range = line.range(of: "bulk create: ") else { return nil }
            return Int(line[range.upperBound...].prefix { $0.isNumber })
        }
        #expect((counts.max() ?? 0) >= 15, "calls in flight as --debug reported them: \(counts)")
        #expect((counts.max() ?? 0) <= 64)
        #expect(!result.errors.contains(" 429 "), "no call met a 429")
    }
}
