import Testing
import LineEditor

/// The editor end to end, on a pseudo-terminal in this process. Serialized: libedit's terminal handling
/// is per process, and each test already runs a thread of its own.
@Suite(.serialized)
struct LineEditorTerminalTests {
    @Test func typingALineAndEnterReturnsIt() throws {
        let terminal = try EditorTerminal()
        terminal.startReadLine(prompt: "hubsh sandbox> ")
        try terminal.read(until: "hubsh sandbox> ")
        terminal.type("objects\r")
        #expect(try terminal.result() == .text("objects"))
    }

    @Test func nonASCIITextSurvives() throws {
        let terminal = try EditorTerminal()
        terminal.startReadLine(prompt: "> ")
        try terminal.read(until: "> ")
        terminal.type("let name = \"Zoë ✓ 東京\"\r")
        #expect(try terminal.result() == .text("let name = \"Zoë ✓ 東京\""))
    }

    @Test func tabCompletesTheOnlyCandidateAndAddsASpace() throws {
        let seen = Recorder()
        let terminal = try EditorTerminal { line, cursor in
            seen.record(line, cursor)
            return Completions(candidates: ["contacts"], replacing: 7..<cursor)
        }
        terminal.startReadLine(prompt: "> ")
        try terminal.read(until: "> ")
        terminal.type("search con\t")
        try terminal.read(until: "tacts")
        terminal.type("limit 5\r")
        #expect(try terminal.result() == .text("search contacts limit 5"))
        #expect(seen.calls == [Recorder.Call(line: "search con", cursor: 10)])
    }

    @Test func tabInsertsTheCommonPrefixAndASecondTabListsTheCandidates() throws {
        let terminal = try EditorTerminal { line, cursor in
            let word = String(line.unicodeScalars.prefix(cursor))
            let names = ["contacts", "contracts", "content_items", "deals"]
            return Completions(candidates: names.filter { $0.hasPrefix(word) }, replacing: 0..<cursor)
        }
        terminal.startReadLine(prompt: "> ")
        try terminal.read(until: "> ")
        terminal.type("c\t")
        try terminal.read(until: "ont")
        terminal.type("\t")
        let listing = try terminal.read(until: "content_items")
        #expect(listing.contains("contacts"))
        #expect(listing.contains("contracts"))
        try terminal.read(until: "> ")
        terminal.type("a\t\r")
        #expect(try terminal.result() == .text("contacts "))
    }

    @Test func theCompleterSeesTheEarlierLinesOfAStatement() throws {
        let seen = Recorder()
        let terminal = try EditorTerminal { line, cursor in
            seen.record(line, cursor)
            return Completions(candidates: ["update"], replacing: (cursor - 2)..<cursor)
        }
        terminal.start { $0.readStatement(prompt: "> ", continuationPrompt: "... ", isComplete: { !$0.hasSuffix("|") }) }
        try terminal.read(until: "> ")
        terminal.type("search deals |\r")
        try terminal.read(until: "... ")
        terminal.type("up\t\r")
        #expect(try terminal.result() == .text("search deals |\nupdate "))
        #expect(seen.calls == [Recorder.Call(line: "search deals |\nup", cursor: 17)])
    }

    @Test func upArrowRecallsTheLastLine() throws {
        let history = HistoryStore()
        let terminal = try EditorTerminal(history: history)
        terminal.startReadLine(prompt: "> ")
        try terminal.read(until: "> ")
        terminal.type("owners\r")
        #expect(try terminal.result() == .text("owners"))
        terminal.startReadLine(prompt: "> ")
        try terminal.read(until: "> ")
        terminal.type("\u{1B}[A")
        try terminal.read(until: "owners")
        terminal.type("\r")
        #expect(try terminal.result() == .text("owners"))
        #expect(history.entries == ["owners"])
    }

    @Test func ctrlCCancelsTheLineAndTheNextReadWorks() throws {
        let history = HistoryStore()
        let terminal = try EditorTerminal(history: history)
        terminal.startReadLine(prompt: "> ")
        try terminal.read(until: "> ")
        terminal.type("delete everything")
        try terminal.read(until: "everything")
        terminal.type("\u{3}")
        #expect(try terminal.result() == .interrupted)
        try terminal.read(until: "^C")
        terminal.startReadLine(prompt: "again> ")
        try terminal.read(until: "again> ")
        terminal.type("objects\r")
        #expect(try terminal.result() == .text("objects"))
        #expect(history.entries == ["objects"])
    }

    @Test func ctrlCInAContinuationCancelsTheWholeStatement() throws {
        let terminal = try EditorTerminal()
        terminal.start { $0.readStatement(prompt: "> ", continuationPrompt: "... ", isComplete: { !$0.hasSuffix("|") }) }
        try terminal.read(until: "> ")
        terminal.type("search contacts |\r")
        try terminal.read(until: "... ")
        terminal.type("del\u{3}")
        #expect(try terminal.result() == .interrupted)
    }

    @Test func aLineEndingInAPipeAsksForMoreAndIsOneHistoryEntry() throws {
        let history = HistoryStore()
        let terminal = try EditorTerminal(history: history)
        let read: @Sendable (LineEditor) -> ReadResult = {
            $0.readStatement(prompt: "hubsh> ", continuationPrompt: "  ...> ", isComplete: { !$0.hasSuffix("|") })
        }
        terminal.start(read)
        try terminal.read(until: "hubsh> ")
        terminal.type("search contacts |\r")
        try terminal.read(until: "  ...> ")
        terminal.type("count\r")
        #expect(try terminal.result() == .text("search contacts |\ncount"))
        #expect(history.entries == ["search contacts |\ncount"])

        terminal.start(read)
        try terminal.read(until: "hubsh> ")
        terminal.type("\u{1B}[A\r")
        #expect(try terminal.result() == .text("search contacts |\ncount"))
    }

    @Test func ctrlDOnAnEmptyLineEndsTheInput() throws {
        let terminal = try EditorTerminal()
        terminal.startReadLine(prompt: "> ")
        try terminal.read(until: "> ")
        terminal.type("\u{4}")
        #expect(try terminal.result() == .endOfInput)
    }

    @Test func theCompletionSpaceAndSecretsStayOutOfTheHistory() throws {
        let history = HistoryStore(isSecret: { $0.contains("pat-") })
        let terminal = try EditorTerminal(history: history) { _, cursor in
            Completions(candidates: ["objects"], replacing: 0..<cursor)
        }
        for line in ["obj\t\r", "connection add prod --token pat-na1-secret\r", " props deals\r"] {
            terminal.startReadLine(prompt: "> ")
            try terminal.read(until: "> ")
            terminal.type(line)
            _ = try terminal.result()
        }
        #expect(history.entries == ["objects"])
    }
}

/// Records the completer's calls, which arrive on the editor's thread.
final class Recorder: @unchecked Sendable {
    struct Call: Equatable {
        var line: String
        var cursor: Int
    }

    private(set) var calls: [Call] = []

    func record(_ line: String, _ cursor: Int) {
        calls.append(Call(line: line, cursor: cursor))
    }
}
