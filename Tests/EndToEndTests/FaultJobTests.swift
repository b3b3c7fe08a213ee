import Foundation
import Testing

/// The client's fault-injection jobs, through the shell: an import, a search feeding an update of the
/// searched property and a search feeding a delete, against a `hubsh sandbox` that injects HubSpot's
/// failures, leave the account exactly as intended. A call the sandbox never answers costs its own
/// time limit, not the job's.
struct FaultJobTests {
    @Test func writesUnderInjectedFaultsLeaveTheAccountAsIntended() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        // Seed 5 holds one batch upsert without an answer (the test checks that it did).
        // The counts after the writes search the account: no search lag.
        let sandbox = try SandboxProcess(["--tier", "unlimited", "--data", "empty", "--fault-seed", "5", "--search-lag", "0",
                                          "--faults", "429:3%,500:2%,502:1%,503:2%,reset:1%,timeout:1%"])
        defer { sandbox.interrupt() }
        let result = try sandbox.runDebug("""
            open {contacts} | upsert contacts --by email | where status = created | count
            search contacts where lastname = L3 | update lastname=Moved | where status = updated | count
            search contacts where lastname = L4 | delete | where status = archived | count
            search contacts | count
            search contacts where lastname = Moved | count
            search contacts where lastname = L3 | count
            search contacts where lastname = L4 | count
            """, contacts: 2_000, in: scratch)
        #expect(result.status == 0, "\(result.errors.suffix(2_000))")
        let moved = (0..<2_000).filter { $0 % 7 == 3 }.count
        let deleted = (0..<2_000).filter { $0 % 7 == 4 }.count
        #expect(result.output.split(separator: "\n") == ["2000", "\(moved)", "\(deleted)", "\(2_000 - deleted)", "\(moved)", "0", "0"].map { Substring($0) })
        // The held call was given up after its own time limit (20 s for a batch write), far below the
        // sandbox's 60 s hold, and the job went on.
        let held = result.errors.split(separator: "\n").filter { $0.contains("no answer in time") }
        #expect(!held.isEmpty, "the seed holds a call; choose another if the job's calls changed")
        for line in held {
            let ms = line.split(separator: " ").first { $0.hasSuffix("ms") }.flatMap { Int($0.dropLast(2)) } ?? .max
            #expect(ms < 30_000, "\(line)")
        }
    }
}
