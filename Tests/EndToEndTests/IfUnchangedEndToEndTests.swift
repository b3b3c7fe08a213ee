import Foundation
import Testing

/// `update --if-unchanged`, end to end: records read by a search are written only if nobody modified
/// them since; one edited in between is reported `skipped`, not written, and the statement exits 3.
struct IfUnchangedEndToEndTests {
    @Test(arguments: ["", " --no-journal"])
    func aRecordEditedAfterTheSearchIsSkippedAndTheOthersWritten(journal: String) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let before = try UndoEndToEndTests.firstRecords("contacts", 3, props: "firstname,jobtitle", in: scratch)
        let ids = before.compactMap { $0["id"] as? String }
        // The search's records are kept in a file; another statement edits the second before the update.
        let result = try UndoEndToEndTests.run("""
            set on_error continue
            search contacts limit 3 props firstname,jobtitle > found.jsonl
            update contacts \(ids[1]) firstname=Someone
            open found.jsonl | update contacts jobtitle=Checked --if-unchanged\(journal)
            get contacts \(ids.joined(separator: " ")) props firstname,jobtitle
            """, in: scratch)
        #expect(result.status == 3, "\(result.errors)")
        #expect(result.errors.contains("1 of 3 inputs failed (1 skipped: changed since read, not written)"), "\(result.errors)")
        let rows = result.lines.filter { $0["status"] != nil }.suffix(3)
        #expect(rows.map { $0["status"] as? String } == ["updated", "skipped", "updated"])
        let skipped = rows.first { $0["status"] as? String == "skipped" }
        #expect(skipped?["id"] as? String == ids[1])
        #expect((skipped?["note"] as? String)?.hasPrefix("changed since read") == true)
        #expect(skipped?["line"] as? Int == 2, "the file line of the skipped input")

        // What the records hold after it (the script goes on: on_error continue).
        let after = result.lines.filter { $0["status"] == nil }
        #expect(after.map { UndoEndToEndTests.property($0, "jobtitle") } == ["Checked", UndoEndToEndTests.property(before[1], "jobtitle"), "Checked"])
        #expect(UndoEndToEndTests.property(after.count == 3 ? after[1] : [:], "firstname") == "Someone", "the other edit stays")
    }

    @Test func aSearchPipedStraightIntoTheUpdateWritesEveryRecordNobodyChangedAndItsUndoLeavesTheSkippedOne() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let before = try UndoEndToEndTests.firstRecords("contacts", 3, props: "jobtitle", in: scratch)
        let ids = before.compactMap { $0["id"] as? String }
        let result = try UndoEndToEndTests.run("""
            set on_error continue
            search contacts limit 3 | update jobtitle=Piped --if-unchanged
            search contacts limit 3 > found.jsonl
            update contacts \(ids[0]) jobtitle=Later
            open found.jsonl | update contacts jobtitle=Again --if-unchanged
            undo
            get contacts \(ids.joined(separator: " ")) props jobtitle
            """, in: scratch)
        #expect(result.status == 3, "\(result.errors)")
        let statuses = result.lines.compactMap { $0["status"] as? String }
        #expect(statuses == ["updated", "updated", "updated", "updated", "skipped", "updated", "updated", "restored", "restored"],
                "the undo restores only the two written: \(result.errors)")
        #expect(result.lines.suffix(3).map { UndoEndToEndTests.property($0, "jobtitle") } == ["Later", "Piped", "Piped"])
    }

    @Test func anUpdateWithNothingPipedIsRefusedBeforeAnythingRuns() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let result = try UndoEndToEndTests.run("update contacts 1 jobtitle=X --if-unchanged", in: scratch)
        #expect(result.status == 2)
        #expect(result.errors.contains("--if-unchanged compares piped records"), "\(result.errors)")
    }

    @Test func anUpsertWithIfUnchangedIsPointedToUpdate() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let result = try UndoEndToEndTests.run("search contacts limit 1 | upsert contacts --by email --if-unchanged", in: scratch)
        #expect(result.status == 2)
        #expect(result.errors.contains("upsert has no option --if-unchanged"), "\(result.errors)")
        #expect(result.errors.contains("update … --if-unchanged checks records before writing; upsert cannot"), "\(result.errors)")
    }
}
