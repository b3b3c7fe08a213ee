import Foundation
import Testing
@testable import LineEditor

/// The history list and its private file.
struct HistoryStoreTests {
    @Test(arguments: [
        ("objects", "objects"),
        ("search contacts ", "search contacts"),
        ("search contacts |\ncount \n", "search contacts |\ncount"),
        (" props deals", nil),
        ("", nil),
        ("   ", nil),
        ("\t\n", nil),
        ("connection add prod --token pat-na1-0000", nil),
        ("let greeting = \"héllo\"", "let greeting = \"héllo\""),
    ] as [(String, String?)])
    func whatIsRecorded(statement: String, expected: String?) {
        #expect(HistoryStore.entry(for: statement, isSecret: { $0.contains("pat-") }) == expected)
    }

    @Test func entriesKeepTheirOrderAndAnImmediateRepeatIsNotAddedAgain() {
        let history = HistoryStore()
        for statement in ["objects", "owners", "owners", "objects"] { history.add(statement) }
        #expect(history.entries == ["objects", "owners", "objects"])
    }

    @Test func theOldestEntriesGoBeyondTheCapacity() {
        let history = HistoryStore(capacity: 3)
        for number in 1...5 { history.add("get contacts \(number)") }
        #expect(history.entries == ["get contacts 3", "get contacts 4", "get contacts 5"])
    }

    @Test func aSecretOrASpaceFirstStatementIsNeitherKeptNorWritten() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let history = HistoryStore(path: directory.path("history"), isSecret: { $0.contains("--token") })
        #expect(!history.add("connection add prod --token env:TOKEN"))
        #expect(!history.add(" search contacts"))
        #expect(history.entries.isEmpty)
        #expect(permissions(of: directory.path("history")) == nil)
    }

    @Test func theFileIsPrivateAndItsDirectoriesAreCreated() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let path = directory.path("state/hubsh/history")
        let history = HistoryStore(path: path)
        #expect(history.add("objects"))
        #expect(history.lastSaveError == nil)
        #expect(permissions(of: path) == 0o600)
        #expect(permissions(of: directory.path("state/hubsh")) == 0o700)
    }

    @Test func entriesSurviveAReload() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let path = directory.path("history")
        let statements = ["objects", "search contacts |\ncount", "let name = \"Zoë \\ 東京\"", "set output json"]
        let first = HistoryStore(path: path)
        for statement in statements { first.add(statement) }

        let second = HistoryStore(path: path)
        try second.load()
        #expect(second.entries == statements)
    }

    @Test func loadingMakesAFileOthersCanReadPrivate() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let path = directory.path("history")
        HistoryStore(path: path).add("owners")
        #expect(chmod(path, 0o644) == 0)
        let history = HistoryStore(path: path)
        try history.load()
        #expect(permissions(of: path) == 0o600)
        #expect(history.entries == ["owners"])
    }

    @Test func aMissingFileIsAnEmptyHistory() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let history = HistoryStore(path: directory.path("none/history"))
        try history.load()
        #expect(history.entries.isEmpty)
    }

    @Test func aFileInAnotherFormatIsAnError() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let path = directory.path("history")
        try "objects\nowners\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: LineEditorError.self) { try HistoryStore(path: path).load() }
    }

    @Test func aFailedWriteIsReportedAndTheEntryKept() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let blocker = directory.path("file")
        try "".write(toFile: blocker, atomically: true, encoding: .utf8)
        let history = HistoryStore(path: blocker + "/history")
        #expect(history.add("objects"))
        #expect(history.entries == ["objects"])
        let error = try #require(history.lastSaveError)
        #expect(error.kind == .historyFile(path: blocker + "/history"))
    }

    @Test func aMemoryOnlyHistoryWritesNothing() throws {
        let history = HistoryStore(path: nil)
        #expect(history.add("objects"))
        try history.save()
        #expect(history.lastSaveError == nil)
        history.clear()
        #expect(history.entries.isEmpty)
    }
}
