@testable import HubshShell
import JSONValue
import Testing

/// The journal lines of merges, GDPR deletes and job imports read back as written, and undo finds nothing in them to revert.
struct JournalEntryTests {
    @Test(arguments: [
        JournalEntry.merging(primary: "1", merged: "2", properties: ["email": "a@x.com"]),
        JournalEntry.erasing(id: "a@x.com", idProperty: "email"),
        JournalEntry.erasing(id: "7", idProperty: nil),
        JournalEntry.importing(file: "leads.csv", jobId: "7000001", rows: 412),
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
        #expect(!JournalHeader.Operation.importJob.isUndoable)
        #expect(JournalHeader.Operation.importJob.rawValue == "import-job")
        let imported = JournalHeader(connection: "c", statement: "import leads.csv --object contacts --via job", operation: .importJob, objectType: "contacts")
        #expect(UndoPlan(JournalRecord(header: imported, entries: [.importing(file: "leads.csv", jobId: "1", rows: 2), .end(written: 2, failed: 0)])).count == 0)
    }
}
