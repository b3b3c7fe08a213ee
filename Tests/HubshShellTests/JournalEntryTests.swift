@testable import HubshShell
import JSONValue
import Testing

/// The journal lines of merges and GDPR deletes read back as written, and undo finds nothing in them to revert.
struct JournalEntryTests {
    @Test(arguments: [
        JournalEntry.merging(primary: "1", merged: "2", properties: ["email": "a@x.com"]),
        JournalEntry.erasing(id: "a@x.com", idProperty: "email"),
        JournalEntry.erasing(id: "7", idProperty: nil),
    ])
    func aMergeOrAnErasureReadsBack(entry: JournalEntry) throws {
        let line = try JSONValue(parsing: entry.json.jsonString)
        #expect(JournalEntry(json: line) == entry)
    }

    @Test func mergesAndErasuresAreNotUndoable() {
        #expect(!JournalHeader.Operation.merge.isUndoable)
        #expect(!JournalHeader.Operation.gdprDelete.isUndoable)
        #expect(JournalHeader.Operation.gdprDelete.rawValue == "gdpr-delete")
        #expect(JournalHeader.Operation.archive.isUndoable)
        let header = JournalHeader(connection: "c", statement: "merge contacts 1 2", operation: .merge, objectType: "contacts")
        let plan = UndoPlan(JournalRecord(header: header, entries: [.merging(primary: "1", merged: "2", properties: [:]), .end(written: 1, failed: 0)]))
        #expect(plan.count == 0)
    }
}
