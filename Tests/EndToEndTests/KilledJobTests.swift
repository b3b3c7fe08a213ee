import Foundation
import Testing

/// A write killed mid-job (SIGKILL: no chance to finish its journal) leaves a journal that `undo`
/// uses: the records it shows were sent get their values back, and undo says the journal was cut.
struct KilledJobTests {
    @Test func anUpdateKilledAfterSomeBatchesIsUndoneAsFarAsItsJournalShows() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        // Writes answer 300 ms late (they take effect at once): one batch in flight at a time keeps
        // the update going for seconds.
        let sandbox = try SandboxProcess(["--tier", "unlimited", "--data", "empty", "--search-lag", "0", "--latency", "write=300"])
        defer { sandbox.interrupt() }
        let seeded = try sandbox.runDebug("open {contacts} | create contacts | where status = created | count", contacts: 2_000, in: scratch)
        #expect(seeded.output == "2000\n", "\(seeded.errors.suffix(1_000))")

        let environment = ["XDG_CONFIG_HOME": scratch.path("config"), "XDG_STATE_HOME": scratch.path("state")]
        let job = Process()
        job.executableURL = Hubsh.executable
        job.arguments = ["-c", "connection use sandbox\nsearch contacts | update lastname=Killed --concurrency 1"]
        job.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        job.standardOutput = FileHandle.nullDevice
        job.standardError = FileHandle.nullDevice
        try job.run()
        // Operation 1 was the create; the update's journal is operation 2. Killed once it holds a batch's answer.
        let journal = scratch.path("state/hubsh/journal/op-000002.jsonl")
        let deadline = Date().addingTimeInterval(60)
        var text = ""
        while Date() < deadline, job.isRunning {
            text = (try? String(contentsOfFile: journal, encoding: .utf8)) ?? ""
            if text.contains(#""kind":"written""#) { break }
            Thread.sleep(forTimeInterval: 0.01)
        }
        #expect(job.isRunning, "the update was still running when a batch was journalled")
        kill(job.processIdentifier, SIGKILL)
        job.waitUntilExit()
        #expect(job.terminationReason == .uncaughtSignal)

        // What the journal shows was sent: every record whose prior values it holds.
        let entries = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }
        let sent = Set(entries.filter { $0["kind"] as? String == "prior" }.compactMap { $0["id"] as? String })
        let answered = entries.filter { $0["kind"] as? String == "written" }.flatMap { $0["records"] as? [[String: Any]] ?? [] }.count
        #expect(!entries.contains { $0["kind"] as? String == "end" }, "a killed job's journal has no end line")
        #expect(answered >= 100 && answered < 2_000)
        #expect(sent.count >= answered)

        let undone = try Hubsh.run(["-c", """
            connection use sandbox
            search contacts where lastname = Killed | count
            undo | where status = restored | count
            search contacts where lastname = Killed | count
            search contacts | count
            """], environment: environment)
        let counts = undone.output.split(separator: "\n").map(String.init)
        #expect(counts.count == 4, "\(undone.errors)")
        #expect((Int(counts.first ?? "") ?? 0) >= answered, "the killed job had written at least what it journalled as answered")
        #expect(counts.dropFirst().map { $0 } == ["\(sent.count)", "0", "2000"], "\(undone.errors)")
        #expect(undone.errors.contains("operation 2 was interrupted: undoing what its journal shows was sent (\(sent.count - answered) without an answer)"),
                "\(undone.errors)")
    }
}
