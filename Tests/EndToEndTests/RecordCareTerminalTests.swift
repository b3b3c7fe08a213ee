import Foundation
import Testing

/// What a person at a terminal reads from the record-care commands (`dupes`, `merge`) and the
/// aggregates: the real `hubsh` on a pseudo-terminal against its in-process sandbox.
struct RecordCareTerminalTests {
    /// The lines of the table a statement printed, from its header (which starts with `id`) to its footer.
    static func table(_ lines: [String]) -> [String] {
        let stripped = lines.map { $0.split(separator: "\r").last.map(String.init)?.replacingOccurrences(of: "\u{1B}[K", with: "") ?? "" }
        guard let start = stripped.firstIndex(where: { $0.hasPrefix("id ") }) else { return [] }
        return Array(stripped[start...].prefix { !$0.isEmpty })
    }

    /// The words of a table's header line.
    static func header(_ lines: [String]) -> [String] {
        (table(lines).first ?? "").split(separator: " ").map(String.init)
    }

    @Test func dupesWithoutGroupsSaysSoAndAMergeShowsItsOwnColumns() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let terminal = try TerminalTableTests.start(scratch, columns: 80)
        try terminal.read(until: "hubsh sandbox> ", timeout: 30)

        // The demo account's companies all have different domains: an empty answer says what was compared.
        let none = try TerminalTableTests.run(terminal, "dupes companies --by domain --normalize lower,domain")
        #expect(none.contains { $0.contains("hint: no duplicates: the 400 companies with a value of domain all differ, compared after lower, domain") },
                "\(none)")

        _ = try TerminalTableTests.run(terminal, "create companies name=\"Dup A\" domain=www.fairwayventures.com")
        _ = try TerminalTableTests.run(terminal, "create companies name=\"Dup B\" domain=FairwayVentures.com")
        let dry = try TerminalTableTests.run(terminal, "dupes companies --by domain --normalize lower,domain | merge --dry-run")
        #expect(Self.header(dry) == ["id", "status", "merged"], "not the columns of the groups piped in: \(dry)")
        #expect(dry.contains("(2 rows)"), "\(dry)")

        // At the prompt the warning stands on its own line and the question stays short.
        try terminal.write("dupes companies --by domain --normalize lower,domain | merge\r")
        let asked = try terminal.read(until: "[y/N] ", timeout: 20)
        #expect(asked.contains("HubSpot cannot unmerge: undo cannot be offered for a merge."), "\(asked)")
        #expect(asked.contains("Merge 2 companies into 1 record on sandbox? [y/N] "), "\(asked)")
        try terminal.write("n\r")
        _ = try terminal.read(until: "hubsh sandbox> ", timeout: 20)

        let merged = try TerminalTableTests.run(terminal, "dupes companies --by domain --normalize lower,domain | merge --yes")
        #expect(Self.header(merged) == ["id", "status", "merged", "name", "domain"], "\(merged)")
        #expect(merged.filter { $0.hasPrefix("1") && $0.contains("  merged  ") }.count == 2, "\(merged)")
        for line in Self.table(merged) { #expect(TerminalTableTests.width(line) <= 80, "\(line)") }
        try terminal.write("\u{4}")
        _ = try terminal.wait(timeout: 15)
    }
}
