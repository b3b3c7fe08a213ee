import Foundation
import Testing

/// What a new user meets first, with the real binary: `--version`, the hint before the first prompt,
/// `connection add` testing what it saved, a dry run's banner and the delete confirmation at a terminal.
struct FirstContactEndToEndTests {
    static func environment(_ scratch: ScratchDirectory) -> [String: String] {
        ["XDG_CONFIG_HOME": scratch.path("config"), "XDG_STATE_HOME": scratch.path("state"),
         "XDG_CACHE_HOME": scratch.path("cache"), "HUBSPOT_ACCESS_TOKEN": "", "TERM": "xterm", "NO_COLOR": "1"]
    }

    /// The REPL on a terminal wide enough that no cell of a dry run's table is cut.
    static func terminal(_ scratch: ScratchDirectory) throws -> PseudoTerminal {
        try PseudoTerminal(Hubsh.executable.path, ["--sandbox", "--search-lag", "0"], environment: environment(scratch), columns: 200)
    }

    static func occurrences(of text: String, in transcript: String) -> Int {
        transcript.components(separatedBy: text).count - 1
    }

    @Test func versionPrintsTheVersion() throws {
        let run = try Hubsh.run(["--version"])
        #expect(run.status == 0)
        let version = run.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(version.split(separator: ".").count == 3 && version.allSatisfy { $0.isNumber || $0 == "." }, "\(run.output)")
    }

    @Test func theFirstPromptHasAHintAndOnlyTheFirst() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let terminal = try Self.terminal(scratch)
        let first = try terminal.read(until: "hubsh sandbox> ", timeout: 30)
        #expect(first.contains("type help, or press Tab"), "\(first)")
        try terminal.write("search companies limit 1 | count\r")
        try terminal.read(until: "hubsh sandbox> ")
        try terminal.write("\u{4}")
        _ = try terminal.wait(timeout: 15)
        #expect(Self.occurrences(of: "type help, or press Tab", in: terminal.transcript) == 1)
        let script = try Hubsh.run(["--sandbox", "-c", "search companies limit 1 | count"], environment: Self.environment(scratch))
        #expect(!script.errors.contains("type help"), "a script gets no hint")
    }

    @Test func aDryRunAtATerminalSaysSoAndShowsWhatWouldChange() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let terminal = try Self.terminal(scratch)
        try terminal.read(until: "hubsh sandbox> ", timeout: 30)
        try terminal.write("set dry_run on\r")
        try terminal.read(until: "hubsh sandbox> ")
        try terminal.write("search contacts limit 2 props firstname | update firstname=Zed\r")
        let shown = try terminal.read(until: "hubsh sandbox> ")
        #expect(shown.contains("DRY RUN — nothing will be written to sandbox"), "\(shown)")
        #expect(Self.occurrences(of: "would update", in: shown) == 2, "\(shown)")
        #expect(shown.contains("→ Zed"))
        try terminal.write("set dry_run off; search contacts limit 2 props firstname\r")
        let after = try terminal.read(until: "hubsh sandbox> ")
        #expect(!after.contains("Zed"), "nothing was written: \(after)")
        try terminal.write("\u{4}")
        _ = try terminal.wait(timeout: 15)
    }

    @Test func deleteAsksWithTheCountAndTheConnectionAndNoArchivesNothing() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let terminal = try Self.terminal(scratch)
        try terminal.read(until: "hubsh sandbox> ", timeout: 30)
        try terminal.write("search deals limit 12 | delete\r")
        try terminal.read(until: "Archive 12 deals on sandbox? [y/N] ", timeout: 20)
        try terminal.write("n\r")
        let refused = try terminal.read(until: "hubsh sandbox> ")
        #expect(refused.contains("nothing was deleted"), "\(refused)")
        try terminal.write("search deals limit 12 | count\r")
        let count = try terminal.read(until: "hubsh sandbox> ")
        #expect(count.contains("12\r\n"), "all 12 are still there: \(count)")
        try terminal.write("\u{4}")
        _ = try terminal.wait(timeout: 15)
    }

    @Test func connectionAddTestsWhatItSavedUnlessToldNot() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let sandbox = try SandboxProcess(["--search-lag", "0"])
        defer { sandbox.interrupt() }
        let environment = Self.environment(scratch)
        let tested = try Hubsh.run(["-c", "connection add sb --token pat-na1-sandbox --base-url \(sandbox.baseURL)"], environment: environment)
        #expect(tested.status == 0)
        #expect(tested.errors.hasPrefix("connection sb works: portal "), "\(tested.errors)")
        #expect(tested.errors.contains("API v3"))
        let quiet = try Hubsh.run(["-c", "connection add sb2 --token pat-na1-sandbox --base-url \(sandbox.baseURL) --no-test"], environment: environment)
        #expect(quiet.status == 0 && quiet.errors.isEmpty, "\(quiet.errors)")
    }

    @Test func anUnreachableConnectionIsSavedAndTheTestSaysWhyInALine() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let environment = Self.environment(scratch)
        let run = try Hubsh.run(["-c", "connection add down --token pat-na1-x --base-url http://127.0.0.1:9; connection list"],
                                environment: environment)
        #expect(run.status == 0, "the connection is saved: \(run.errors)")
        let lines = run.errors.split(separator: "\n")
        #expect(lines.first?.contains("connection down is saved, but testing it failed: connection refused") == true, "\(run.errors)")
        #expect(lines.count == 2, "what failed, then how to fix it: \(run.errors)")
        #expect(run.output.contains(#""name":"down""#))
    }
}
