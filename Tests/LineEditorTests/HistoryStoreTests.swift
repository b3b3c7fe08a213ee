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

    /// Two REPLs typing at once (issue 9 lost one's lines): each appends under the lock.
    @Test func twoSessionsWritingAtOnceKeepEveryLine() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let path = directory.path("state/history")
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            let history = HistoryStore(path: path)
            for number in 1...100 {
                history.add("search contacts where n = \(writer)-\(number)")
                #expect(history.lastSaveError == nil)
            }
        }
        let reloaded = HistoryStore(path: path)
        try reloaded.load()
        #expect(reloaded.entries.count == 200)
        for writer in 0..<2 {
            let own = reloaded.entries.filter { $0.contains("= \(writer)-") }
            #expect(own == (1...100).map { "search contacts where n = \(writer)-\($0)" }, "each session's lines, in order")
        }
        #expect(permissions(of: path) == 0o600)
        #expect(permissions(of: path + ".lock") == 0o600)
    }

    @Test func theFileIsCutToTheNewestEntriesItHolds() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let path = directory.path("history")
        let first = HistoryStore(path: path, capacity: 5)
        let second = HistoryStore(path: path, capacity: 5)
        for number in 1...6 {
            first.add("get contacts \(number)")
            second.add("get deals \(number)")
        }
        let reloaded = HistoryStore(path: path, capacity: 100)
        try reloaded.load()
        #expect(reloaded.entries == ["get deals 4", "get contacts 5", "get deals 5", "get contacts 6", "get deals 6"])
    }

    @Test func aFileInAnotherFormatIsNotAddedTo() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let path = directory.path("history")
        try "objects\nowners\n".write(toFile: path, atomically: true, encoding: .utf8)
        let history = HistoryStore(path: path)
        #expect(history.add("search contacts"))
        #expect(history.lastSaveError?.message.contains("not a history file") == true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "objects\nowners\n")
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
