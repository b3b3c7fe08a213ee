import Foundation
import Testing

/// What a person at a terminal reads of an average: two decimals, in a group's table and alone.
struct AverageTerminalTests {
    @Test func averagesShowTwoDecimalsAtATerminal() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let terminal = try TerminalTableTests.start(scratch, columns: 80)
        try terminal.read(until: "hubsh sandbox> ", timeout: 30)
        let grouped = try TerminalTableTests.run(terminal, "search deals | group dealstage --avg amount")
        let header = try #require(grouped.firstIndex { $0.hasSuffix("avg_amount") }, "\(grouped)")
        let cells = grouped[(header + 2)...].prefix { !$0.hasPrefix("(") && !$0.isEmpty }
            .compactMap { $0.split(separator: " ").last.map(String.init) }
        #expect(!cells.isEmpty, "\(grouped)")
        for cell in cells { #expect(cell.wholeMatch(of: /\d+\.\d\d/) != nil, "\(grouped)") }
        let lone = try TerminalTableTests.run(terminal, "search deals | avg amount")
        // After the progress line the statement cleared (`\e[K`).
        let value = try #require(lone.last { !$0.isEmpty }?.components(separatedBy: "\u{1B}[K").last)
        #expect(value.wholeMatch(of: /\d+\.\d\d/) != nil, "\(lone)")
    }
}
