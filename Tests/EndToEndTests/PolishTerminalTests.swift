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

/// `journal` at 80 and 120 columns: the statement gets the room (its operation and object type are in
/// it; a narrow terminal leaves out the connection before cutting the statement).
struct JournalTerminalTests {
    @Test(arguments: [80, 120] as [UInt16])
    func theStatementColumnGetsTheRoom(columns: UInt16) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let terminal = try TerminalTableTests.start(scratch, columns: columns)
        try terminal.read(until: "hubsh sandbox> ", timeout: 30)
        let statement = "search contacts sort email limit 2 | update firstname=Zed"
        _ = try TerminalTableTests.run(terminal, statement)
        _ = try TerminalTableTests.run(terminal, "undo --yes")
        let listed = try TerminalTableTests.run(terminal, "journal")
        let header = try #require(listed.first { $0.hasPrefix("op") }, "\(listed)")
        #expect(!header.contains("objectType") && !header.contains("operation"), "\(listed)")
        #expect(header.contains("undoneBy"), "\(listed)")
        let first = try #require(listed.first { $0.hasPrefix(" 1  ") }, "\(listed)")
        // One character a column here (`…` too, which `TerminalTableTests.width` counts as two).
        for line in listed { #expect(line.count <= Int(columns), "\(line)") }
        if columns >= 120 {
            #expect(first.contains(statement), "\(listed)")
            #expect(header.contains("connection"), "\(listed)")
        } else {
            // Before: about 12 characters of it (`search conta…`).
            #expect(first.contains(String(statement.prefix(30))), "\(listed)")
        }
    }
}
