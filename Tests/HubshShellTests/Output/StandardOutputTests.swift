import Foundation
import HubSpotAPI
import HubshShell
import JSONValue
import NIOConcurrencyHelpers
import Testing

/// What the end of a pipeline prints at a terminal (footers, expanded records, the pager, the width
/// now) and that off a terminal it prints JSON Lines as before.
struct StandardOutputTests {
    typealias Capture = TerminalOutputTests.Capture

    final class Size: Sendable {
        let box = NIOLockedValueBox(StandardOutput.TerminalSize(columns: 80, rows: 24))
        var read: @Sendable () -> StandardOutput.TerminalSize? { { [box] in box.withLockedValue { $0 } } }
    }

    static func contacts(_ count: Int) -> [JSONValue] {
        (0..<count).map { ["id": .string("\(100 + $0)"), "properties": ["email": .string("p\($0)@example.com")]] }
    }

    static func terminal(_ capture: Capture, hint: ResultHint = ResultHint(), size: Size = Size(), pager: String? = nil,
                         expanded: Settings.Expanded = .auto) -> StandardOutput {
        let output = StandardOutput(isTerminal: true, terminalSize: size.read, hint: hint, pagerCommand: pager, write: capture.write)
        var settings = Settings()
        settings.expanded = expanded
        output.apply(settings)
        return output
    }

    @Test func aTerminalGetsAFooterAfterEveryResult() {
        let capture = Capture()
        let output = Self.terminal(capture)
        for value in Self.contacts(3) { output.accept(value) }
        output.endStatement()
        #expect(capture.text == "id   email\n---  --------------\n100  p0@example.com\n101  p1@example.com\n102  p2@example.com\n(3 rows)\n\n")
    }

    @Test func anEmptyResultSaysSoOnlyWhenTheStatementYieldsRecords() {
        let capture = Capture()
        let hint = ResultHint()
        let output = Self.terminal(capture, hint: hint)
        hint.begin(expectsRows: true)
        output.endStatement()
        #expect(capture.text == "(0 rows)\n\n")
        hint.begin(expectsRows: false)
        output.endStatement()
        #expect(capture.text == "(0 rows)\n\n", "`set output csv`, `let` say nothing")
    }

    @Test func aLoneAverageShowsTwoDecimalsAtATerminalAndEveryDigitInJSON() {
        let hint = ResultHint()
        hint.update { $0.decimals = ["value": 2] }
        let capture = Capture()
        let output = Self.terminal(capture, hint: hint)
        output.accept(.double(79_845.2296819788))
        output.endStatement()
        #expect(capture.text == "79845.23\n")
        let piped = Capture()
        let json = StandardOutput(isTerminal: false, hint: hint, write: piped.write)
        json.apply(Settings())
        json.accept(.double(79_845.2296819788))
        json.endStatement()
        #expect(piped.text == "79845.2296819788\n")
    }

    @Test func offATerminalValuesStayJSONLinesWithoutAFooter() {
        let capture = Capture()
        let hint = ResultHint()
        let output = StandardOutput(isTerminal: false, hint: hint, write: capture.write)
        output.apply(Settings())
        hint.begin(expectsRows: true)
        for value in Self.contacts(2) { output.accept(value) }
        output.endStatement()
        output.endStatement()
        #expect(capture.text == Self.contacts(2).map { $0.jsonString + "\n" }.joined())
    }

    @Test func oneRecordIsShownVerticallyUnlessExpandedIsOff() {
        let capture = Capture()
        let output = Self.terminal(capture)
        output.accept(Self.contacts(1)[0])
        output.endStatement()
        #expect(capture.text == "-[ RECORD 1 ]---------\nid    │ 100\nemail │ p0@example.com\n(1 row)\n\n")
        let table = Capture()
        let off = Self.terminal(table, expanded: .off)
        off.accept(Self.contacts(1)[0])
        off.endStatement()
        #expect(table.text.hasPrefix("id   email\n"))
    }

    @Test func expandedOnShowsEveryRecordVertically() {
        let capture = Capture()
        let output = Self.terminal(capture, expanded: .on)
        for value in Self.contacts(2) { output.accept(value) }
        output.endStatement()
        #expect(capture.text.contains("-[ RECORD 2 ]"))
        #expect(capture.text.hasSuffix("(2 rows)\n\n"))
    }

    @Test func recordsTooWideForTheTerminalAreShownVerticallyInAuto() {
        let capture = Capture()
        let output = Self.terminal(capture)
        let wide: [JSONValue] = (0..<2).map { n in
            .object(JSONObject(uniqueKeysWithValues: (0..<12).map { ("field\($0)", JSONValue.string("value number \($0) of \(n)")) }))
        }
        for value in wide { output.accept(value) }
        output.endStatement()
        #expect(capture.text.hasPrefix("-[ RECORD 1 ]"), "\(capture.text)")
    }

    @Test func theWidthIsTheTerminalsWhenEachResultStarts() {
        let capture = Capture()
        let size = Size()
        let output = Self.terminal(capture, size: size)
        let long: [JSONValue] = (0..<2).map { ["id": .string("\($0)"), "text": .string(String(repeating: "x", count: 150))] }
        for value in long { output.accept(value) }
        output.endStatement()
        let narrow = capture.text.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0
        size.box.withLockedValue { $0 = StandardOutput.TerminalSize(columns: 120, rows: 24) }
        let wider = Capture()
        let again = Self.terminal(wider, size: size)
        for value in long { again.accept(value) }
        again.endStatement()
        let wide = wider.text.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0
        #expect(narrow == 80)
        #expect(wide == 120)
    }

    @Test func outputLongerThanTheScreenGoesThroughThePager() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hubsh-pager-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let paged = folder.appendingPathComponent("paged.txt").path
        let capture = Capture()
        let output = Self.terminal(capture, pager: "cat > '\(paged)'")
        for value in Self.contacts(5) { output.accept(value) }
        output.endStatement()
        #expect(!FileManager.default.fileExists(atPath: paged), "what fits the screen is printed")
        #expect(capture.text.hasSuffix("(5 rows)\n\n"))
        let before = capture.text
        for value in Self.contacts(40) { output.accept(value) }
        output.endStatement()
        #expect(capture.text == before, "nothing printed past the pager")
        let text = try String(contentsOfFile: paged, encoding: .utf8)
        #expect(text.hasPrefix("id   email\n"))
        #expect(text.hasSuffix("(40 rows)\n\n"))
        var settings = Settings()
        settings.pager = false
        output.apply(settings)
        for value in Self.contacts(40) { output.accept(value) }
        output.endStatement()
        #expect(capture.text.hasSuffix("(40 rows)\n\n"), "set pager off prints it all")
    }

    @Test func aReportIsShownOnlyForTheValuesItWasMadeFor() throws {
        let capture = Capture()
        let hint = ResultHint()
        let output = Self.terminal(capture, hint: hint)
        let owner = try Owner(["id": "7", "email": "olivia@example.com", "firstName": "Olivia", "lastName": "Park",
                               "teams": [["id": "1", "name": "Sales", "primary": true]]])
        let value = JSONValue.object(owner.json)
        hint.update { $0.report = Report(.owners([owner]), values: [value]) }
        output.accept(value)
        output.endStatement()
        #expect(capture.text == "name         email               id  teams\n-----------  ------------------  --  -----\nOlivia Park  olivia@example.com  7   Sales\n(1 row)\n\n")
        let other = Capture()
        let general = Self.terminal(other, hint: hint)
        general.accept(["email": "olivia@example.com"])
        general.endStatement()
        #expect(other.text.contains("email │ olivia@example.com"), "a changed value gets the general view: \(other.text)")
    }
}
