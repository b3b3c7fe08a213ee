import HubSpotSandbox
import HubshShell
import JSONValue
import NIOConcurrencyHelpers
import Testing

/// What a person at a terminal sees besides the values: colour (and its absence under `NO_COLOR`,
/// `set color off`, or off a terminal), the session's output format, and the progress line of a long
/// statement.
struct TerminalOutputTests {
    /// Everything written, in order.
    final class Capture: Sendable {
        private let box = NIOLockedValueBox<[String]>([])
        var writes: [String] { box.withLockedValue { $0 } }
        var text: String { writes.joined() }
        var write: @Sendable (String) -> Void { { [box] text in box.withLockedValue { $0.append(text) } } }
    }

    static let red = "\u{1B}[31m"
    static let bold = "\u{1B}[1m"

    @Test(arguments: [
        (true, [:], true), (false, [:], false), (true, ["NO_COLOR": "1"], false), (true, ["NO_COLOR": ""], true),
        (true, ["TERM": "dumb"], false), (true, ["TERM": "xterm-256color"], true),
    ] as [(Bool, [String: String], Bool)])
    func colourNeedsATerminalAndNoNoColor(isTerminal: Bool, environment: [String: String], allowed: Bool) {
        #expect(TerminalStyle.allowed(isTerminal: isTerminal, environment: environment) == allowed)
    }

    @Test func messagesAreColouredWhereAllowedUntilSetColorOff() async throws {
        let shell = try TestShell()
        let coloured = await shell.run("serch") { $0.errorsAllowColor = true }
        #expect(coloured.messages.first?.contains(Self.red + "unknown command 'serch'") == true, "\(coloured.messages)")
        #expect(coloured.messages.first?.contains(Self.bold + "line 1:") == true)
        let plain = await shell.run("serch")
        #expect(plain.messages.first?.contains("\u{1B}[") == false, "not allowed: no escapes")
        let off = await shell.run("set color off") { $0.errorsAllowColor = true }
        #expect(off.outcome == .success)
        let afterOff = await shell.run("serch") { $0.errorsAllowColor = true }
        #expect(afterOff.messages.first?.contains("\u{1B}[") == false, "\(afterOff.messages)")
    }

    @Test func tablesHaveABoldHeaderOnlyWithColour() {
        let capture = Capture()
        let output = StandardOutput(isTerminal: true, allowsColor: true, write: capture.write)
        var settings = Settings()
        // One record would be shown vertically.
        settings.expanded = .off
        output.apply(settings)
        output.accept(["id": "1", "email": "a@example.com"])
        output.endStatement()
        #expect(capture.writes.first?.hasPrefix(Self.bold + "id") == true, "\(capture.writes)")
        settings.color = false
        output.apply(settings)
        output.accept(["id": "2", "email": "b@example.com"])
        output.endStatement()
        let table = capture.writes.dropLast().last
        #expect(table?.contains("\u{1B}[") == false)
        #expect(table?.hasPrefix("id  email") == true)
        #expect(capture.writes.last == "(1 row)\n\n")
    }

    @Test func theSessionsOutputFormatDecidesHowValuesPrint() {
        let capture = Capture()
        let output = StandardOutput(isTerminal: false, write: capture.write)
        var settings = Settings()
        settings.output = .csv
        output.apply(settings)
        output.accept(["id": "1", "properties": ["email": "a@example.com", "note": "x, y"]])
        output.accept(["id": "2", "properties": ["email": "b@example.com"]])
        output.endStatement()
        output.accept(["id": "3", "properties": ["email": "c@example.com"]])
        output.endStatement()
        #expect(capture.text == "id,email,note\n1,a@example.com,\"x, y\"\n2,b@example.com,\nid,email\n3,c@example.com\n")
        settings.output = .json
        output.apply(settings)
        output.accept(["id": "4"])
        #expect(capture.writes.last == "{\n  \"id\": \"4\"\n}\n")
        settings.output = nil
        output.apply(settings)
        output.accept(["id": "5"])
        #expect(capture.writes.last == "{\"id\":\"5\"}\n", "JSON Lines off a terminal")
    }

    @Test func csvOutputTakesItsColumnsFromTheFirstThousandValuesAndWarnsOfLaterFields() {
        let capture = Capture()
        let warnings = Capture()
        let output = StandardOutput(isTerminal: true, write: capture.write, warn: warnings.write)
        var settings = Settings()
        settings.output = .csv
        output.apply(settings)
        for n in 1...1_001 {
            output.accept(n == 600 ? ["id": "600", "n": 600] : n == 1_001 ? ["id": "1001", "late": "x"] : ["id": .string("\(n)")])
        }
        output.endStatement()
        let lines = capture.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 1_003, "a header, 1,001 rows and the final line break")
        #expect(lines.first == "id,n", "a field first seen at value 600 is a column")
        #expect(lines[600] == "600,600")
        #expect(lines[1_001] == "1001,")
        #expect(warnings.writes == ["CSV output: the field 'late' first appears after value 1000 and is left out"])
    }

    @Test(arguments: [(7, "7"), (999, "999"), (1000, "1,000"), (12400, "12,400"), (1234567, "1,234,567")])
    func progressCountsAreGrouped(number: Int, text: String) {
        #expect(ProgressLine.text(line: 1, read: number, done: 0, failed: 0, elapsed: .seconds(3)) == "line 1: \(text) read · 3 s")
    }

    @Test func theProgressLineShowsTheBatchCallsInFlight() {
        #expect(ProgressLine.text(line: 2, read: 1200, done: 1100, failed: 3, inFlight: 17, elapsed: .seconds(9))
            == "line 2: 1,200 read · 1,100 done · 3 failed · 17 in flight · 9 s")
    }

    @Test func theProgressLineDrawsOverItselfClearsAndPausesForAQuestion() async {
        let capture = Capture()
        let progress = ProgressLine(width: 20, write: capture.write)
        progress.show("line 1: 100 read")
        progress.show("line 1: 200 read, and much more text")
        #expect(capture.writes == ["\rline 1: 100 read\u{1B}[K", "\rline 1: 200 read, …\u{1B}[K"])
        progress.clear()
        progress.clear()
        #expect(capture.writes.last == "\r\u{1B}[K")
        #expect(capture.writes.count == 3, "a cleared line is not cleared again")
        progress.show("x")
        let answer = await progress.paused { () async -> Bool in
            progress.show("hidden")
            return true
        }
        #expect(answer)
        #expect(!capture.text.contains("hidden"), "nothing is drawn while a question is asked")
    }

    @Test func aLongWriteShowsItsProgressAndClearsItAtTheEnd() async throws {
        try await ShellSandbox.with(configure: { $0.latency = LatencyPlan(LatencySpec(milliseconds: 60)) }) { sandbox in
            let shell = try TestShell()
            _ = await shell.run("connection add sb --token \(SandboxConfiguration.defaultToken) --base-url \(sandbox.baseURL)")
            let capture = Capture()
            let progress = ProgressLine(delay: .zero, interval: .milliseconds(10), write: capture.write)
            let created = await shell.run("set concurrency 1\nrecords 300 | create contacts") { $0.progress = progress }
            #expect(created.outcome == .success, "\(created.messages)")
            #expect(created.values.count == 300)
            let drawn = capture.writes.filter { $0.hasPrefix("\rline 2: ") }
            #expect(drawn.contains { $0.contains(" done") }, "\(capture.writes)")
            #expect(capture.writes.last == "\r\u{1B}[K", "the line is cleared when the statement ends")
            let quiet = Capture()
            _ = await shell.run("records 3 | count") { $0.progress = ProgressLine(write: quiet.write) }
            #expect(quiet.writes.isEmpty, "a statement shorter than the delay shows nothing")
        }
    }
}
