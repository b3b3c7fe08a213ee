import Foundation
import HubSpotAPI
import HubshShell
import JSONValue
import Testing

/// The write-ahead journal's files: numbered operations, entries read back as written, a crash's cut
/// line, modes, pruning, and a folder that cannot be written.
struct JournalTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hubsh-journal-\(UUID().uuidString)").path

    static func header(_ statement: String = "search contacts | update firstname=Zed") -> JournalHeader {
        JournalHeader(connection: "prod", statement: statement, operation: .update, objectType: "contacts")
    }

    @Test func operationsAreNumberedAndReadBackAsWritten() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let journal = Journal(folder: folder)
        let first = try journal.begin(Self.header())
        let entries: [JournalEntry] = [
            .prior(id: "101", properties: ["firstname": "Ann", "lastname": .null], lastModified: "2026-01-01T00:00:00.000Z"),
            .written([JournalWrite(id: "101", updatedAt: "2026-02-01T00:00:00.000Z"), JournalWrite(id: "102", created: true)]),
            .removed(id: "7", properties: ["name": "Acme"], associations: [
                JournalAssociation(toObjectType: "contacts", toId: "9", types: [AssociationSpec(typeId: 280)]),
            ]),
            .linked(from: "1", to: "2", types: [AssociationSpec(category: "USER_DEFINED", typeId: 36)]),
            .recreated(oldId: "7", newId: "70"),
        ]
        try first.append(entries)
        try first.finish(written: 1, failed: 0)
        let second = try journal.begin(Self.header("undo 1"))
        #expect(first.header.op == 1)
        #expect(second.header.op == 2)
        #expect(journal.operations() == [1, 2])

        let record = try journal.read(1)
        #expect(record.header == first.header)
        #expect(record.entries == entries + [.end(written: 1, failed: 0)])
        #expect(record.isComplete)
        #expect(try journal.read(2).isComplete == false, "an operation without its end line was interrupted")
    }

    @Test func aTokenInTheStatementIsMasked() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let writer = try Journal(folder: folder).begin(Self.header("connection add x --token pat-na1-11111111-2222-3333-4444-555555555555"))
        let text = try String(contentsOfFile: folder + "/op-000001.jsonl", encoding: .utf8)
        #expect(!text.contains("11111111-2222"))
        #expect(writer.header.op == 1)
    }

    @Test func filesAreReadableByTheirOwnerOnly() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try Journal(folder: folder).begin(Self.header())
        let file = try FileManager.default.attributesOfItem(atPath: folder + "/op-000001.jsonl")
        let directory = try FileManager.default.attributesOfItem(atPath: folder)
        #expect((file[.posixPermissions] as? Int) == 0o600)
        #expect((directory[.posixPermissions] as? Int) == 0o700)
    }

    @Test func aLineCutByACrashEndsTheJournal() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let journal = Journal(folder: folder)
        let writer = try journal.begin(Self.header())
        try writer.append([.written([JournalWrite(id: "1"), JournalWrite(id: "2")])])
        let handle = try #require(FileHandle(forWritingAtPath: folder + "/op-000001.jsonl"))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"kind":"written","records":[{"id":"3""#.utf8))
        try handle.close()
        let record = try journal.read(1)
        #expect(record.entries == [.written([JournalWrite(id: "1"), JournalWrite(id: "2")])])
        #expect(!record.isComplete)
    }

    @Test func oldJournalsArePruned() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let journal = Journal(folder: folder)
        _ = try journal.begin(Self.header())
        _ = try journal.begin(Self.header())
        let now = Int(Date().timeIntervalSince1970)
        #expect(journal.prune(olderThan: 30, now: now) == 0)
        #expect(journal.prune(olderThan: 30, now: now + 31 * 86_400) == 2)
        #expect(journal.operations().isEmpty)
    }

    @Test func aFolderThatCannotBeMadeStopsTheOperationWithItsPath() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A file where the state folder should be: no one, not even root, can make the journal there.
        try "not a folder".write(toFile: folder, atomically: true, encoding: .utf8)
        let error = #expect(throws: HubSpotAPIError.self) { _ = try Journal(folder: folder + "/journal").begin(Self.header()) }
        #expect(error?.message.contains(folder) == true, "\(String(describing: error?.message))")
    }

    @Test func anUnknownOperationSaysSo() {
        #expect(throws: HubSpotAPIError.self) { _ = try Journal(folder: folder).read(9) }
    }
}
