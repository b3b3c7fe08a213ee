import Foundation
import Testing

/// The real `hubsh --sandbox` at a pseudo-terminal: prompt, statements, multi-line input, Ctrl-C,
/// history across sessions and Ctrl-D.
struct ReplTests {
    static func start(_ scratch: ScratchDirectory, colour: Bool = false) throws -> PseudoTerminal {
        var environment = ["XDG_CONFIG_HOME": scratch.path("config"), "XDG_STATE_HOME": scratch.path("state"),
                           "HUBSPOT_ACCESS_TOKEN": "", "TERM": "xterm", "NO_COLOR": "1"]
        if colour { environment["NO_COLOR"] = "" }
        return try PseudoTerminal(Hubsh.executable.path, ["--sandbox"], environment: environment)
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
