import Foundation
import Testing

/// The real `hubsh --sandbox` at a pseudo-terminal: prompt, statements, multi-line input, Ctrl-C,
/// history across sessions and Ctrl-D.
struct ReplTests {
    static func start(_ scratch: ScratchDirectory, _ arguments: [String] = ["--sandbox"], colour: Bool = false) throws -> PseudoTerminal {
        var environment = ["XDG_CONFIG_HOME": scratch.path("config"), "XDG_STATE_HOME": scratch.path("state"),
                           "XDG_CACHE_HOME": scratch.path("cache"), "HUBSPOT_ACCESS_TOKEN": "", "TERM": "xterm", "NO_COLOR": "1"]
        if colour { environment["NO_COLOR"] = "" }
        return try PseudoTerminal(Hubsh.executable.path, arguments, environment: environment)
    }

    static let red = "\u{1B}[31m"

    @Test func errorsAndTableHeadersAreColouredUntilSetColorOff() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let terminal = try Self.start(scratch, colour: true)
        try terminal.read(until: "hubsh sandbox> ", timeout: 30)
        try terminal.write("serch contacts\r")
        let typo = try terminal.read(until: "hubsh sandbox> ")
        #expect(typo.contains(Self.red + "unknown command 'serch'"), "\(typo)")
        try terminal.write("search companies limit 1 | select name\r")
        let table = try terminal.read(until: "hubsh sandbox> ")
        #expect(table.contains("\u{1B}[1mid"), "a bold header: \(table)")
        try terminal.write("set color off\r")
        try terminal.read(until: "hubsh sandbox> ")
        try terminal.write("serch contacts\r")
        let plain = try terminal.read(until: "hubsh sandbox> ")
        #expect(plain.contains("unknown command 'serch'") && !plain.contains(Self.red), "\(plain)")
        try terminal.write("\u{4}")
        _ = try terminal.wait(timeout: 15)
    }

    /// Ctrl-C while a statement runs cancels it (a slow emulator keeps `search` busy for seconds) and
    /// the session goes on.
    @Test func ctrlCCancelsARunningStatementAndKeepsTheSession() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let slow = try SandboxProcess(["--latency", "300", "--tier", "unlimited"])
        let terminal = try Self.start(scratch, [])
        try terminal.read(until: "hubsh> ", timeout: 30)
        try terminal.write("connection add slow --token pat-na1-sandbox --base-url \(slow.baseURL); connection use slow\r")
        try terminal.read(until: "hubsh slow> ", timeout: 20)
        // Something between search and count: alone, count asks HubSpot for the total in one call.
        try terminal.write("search contacts | where email exists | count\r")
        try terminal.read(until: "count\r\n")
        Thread.sleep(forTimeInterval: 1)
        let pressed = Date()
        try terminal.sendInterrupt()
        let cancelled = try terminal.read(until: "hubsh slow> ", timeout: 5)
        #expect(cancelled.contains("line 1: cancelled"), "\(cancelled)")
        #expect(Date().timeIntervalSince(pressed) < 3, "the 2,000 contacts would take 6 s; Ctrl-C ends the wait")
        try terminal.write("help first\r")
        let help = try terminal.read(until: "hubsh slow> ")
        #expect(help.contains("Keep the first N values"), "the session goes on: \(help)")
        try terminal.write("\u{4}")
        #expect(try terminal.wait(timeout: 15) == .exited(0))
    }

    @Test func upArrowRecallsAStatementOfTheLastSession() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let first = try Self.start(scratch)
        try first.read(until: "hubsh sandbox> ", timeout: 30)
        try first.write("search companies limit 2 | count\r")
        try first.read(until: "2\r\n")
        try first.read(until: "hubsh sandbox> ")
        try first.write("\u{4}")
        _ = try first.wait(timeout: 15)
        let second = try Self.start(scratch)
        try second.read(until: "hubsh sandbox> ", timeout: 30)
        try second.write("\u{1B}[A")
        let recalled = try second.read(until: "search companies limit 2 | count")
        #expect(recalled.contains("search companies limit 2 | count"))
        try second.write("\r")
        let ran = try second.read(until: "hubsh sandbox> ")
        #expect(ran.contains("2\r\n"), "the recalled statement runs: \(ran)")
        try second.write("\u{4}")
        _ = try second.wait(timeout: 15)
    }

    /// Completion facts are fetched beside the prompt: an account that does not answer (nothing
    /// listens on port 9) holds up neither the first prompt nor the ones after local statements.
    @Test func anUnreachableAccountDoesNotHoldUpThePrompt() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let setup = try Hubsh.run(["-c", "connection add dead --token pat-na1-x --base-url http://127.0.0.1:9; connection use dead"],
                                  environment: ["XDG_CONFIG_HOME": scratch.path("config"), "XDG_STATE_HOME": scratch.path("state"),
                                                "XDG_CACHE_HOME": scratch.path("cache"), "HUBSPOT_ACCESS_TOKEN": ""])
        #expect(setup.status == 0, "\(setup.errors)")
        let terminal = try Self.start(scratch, [])
        try terminal.read(until: "hubsh dead> ", timeout: 5)
        try terminal.write("let x = 1\r")
        try terminal.read(until: "hubsh dead> ", timeout: 5)
        try terminal.write("help count\r")
        let help = try terminal.read(until: "hubsh dead> ", timeout: 5)
        #expect(help.contains("Count the values"), "\(help)")
        try terminal.write("\u{4}")
        _ = try terminal.wait(timeout: 30)
    }

    @Test func aSessionRunsStatementsContinuesLinesAndSurvivesCtrlC() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let terminal = try Self.start(scratch)
        try terminal.read(until: "hubsh sandbox> ", timeout: 30)
        try terminal.write("search companies limit 3 |\r")
        try terminal.read(until: "...> ")
        try terminal.write("count\r")
        try terminal.read(until: "3\r\n")
        try terminal.read(until: "hubsh sandbox> ")
        try terminal.write("search contacts wher")
        try terminal.sendInterrupt()
        try terminal.read(until: "hubsh sandbox> ")
        try terminal.write("serch contacts\r")
        let typo = try terminal.read(until: "unknown command 'serch'")
        #expect(typo.contains("unknown command 'serch'"))
        #expect(!typo.contains(Self.red), "NO_COLOR: no colour")
        try terminal.read(until: "hubsh sandbox> ")
        try terminal.write("\u{4}")
        #expect(try terminal.wait(timeout: 15) == .exited(2), "the last statement was a usage error")
        let history = try String(contentsOfFile: scratch.path("state/hubsh/history"), encoding: .utf8)
        #expect(history.contains("count"))
        #expect(!history.contains("wher"), "a cancelled line is not history")
        let mode = try FileManager.default.attributesOfItem(atPath: scratch.path("state/hubsh/history"))[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    /// Completed words are checked by running the statement they make (the screen is redrawn with
    /// cursor moves, so only what the statement prints is asserted), and a double Tab's list.
    @Test func tabCompletesCommandsObjectsPropertiesAndValues() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let terminal = try Self.start(scratch)
        try terminal.read(until: "hubsh sandbox> ", timeout: 30)
        try terminal.write("sea\tcontac\twhere lifecyc\t= \t\t")
        let listed = try terminal.read(until: "salesqualifiedlead")
        #expect(listed.contains("marketingqualifiedlead"))
        try terminal.write("custo\t| count\r")
        try terminal.read(until: "count\r\n")
        let counted = try terminal.read(until: "\r\nhubsh sandbox> ")
        #expect(!counted.contains("unknown command") && !counted.contains("line 1:"), "\(counted)")
        #expect(counted.range(of: #"^\d+\r\nhubsh sandbox> "#, options: .regularExpression) != nil, "\(counted)")
        try terminal.write("\u{4}")
        #expect(try terminal.wait(timeout: 15) == .exited(0))
    }
}
