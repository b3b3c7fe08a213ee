import Foundation
import Testing

/// The journal and `undo`, end to end: the real binary against its in-process sandbox (search without
/// lag), with its state folder in a scratch directory.
struct UndoEndToEndTests {
    /// Runs `text` with the scratch directory's config and state; returns status, JSON lines and errors.
    static func run(_ text: String, in scratch: ScratchDirectory, api: String = "v4") throws -> (status: Int32, lines: [[String: Any]], errors: String) {
        let environment = ["XDG_CONFIG_HOME": scratch.path("config"), "XDG_STATE_HOME": scratch.path("state"), "HUBSPOT_ACCESS_TOKEN": ""]
        let result = try Hubsh.run(["--sandbox", "--search-lag", "0", "--api", api, "-c", text], environment: environment, directory: scratch.url)
        let lines = result.output.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }
        return (result.status, lines, result.errors)
    }

    static func property(_ line: [String: Any], _ name: String) -> String? {
        (line["properties"] as? [String: Any])?[name] as? String
    }

    /// The first `count` records of `type` in the demo account (the same in every fresh sandbox), as
    /// `search` gives them with `props`.
    static func firstRecords(_ type: String, _ count: Int, props: String, in scratch: ScratchDirectory) throws -> [[String: Any]] {
        let result = try run("search \(type) limit \(count) props \(props)", in: scratch)
        #expect(result.lines.count == count, "\(result.errors)")
        return result.lines
    }

    @Test func anUpdateIsUndoneValueForValueIncludingEmptyOnesAndAnUndoOfTheUndoRedoesIt() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let before = try Self.firstRecords("contacts", 5, props: "firstname,lastname,jobtitle", in: scratch)
        let ids = before.compactMap { $0["id"] as? String }.joined(separator: " ")
        // One process: the sandbox lives as long as it does.
        let result = try Self.run("""
            get contacts \(ids) | update firstname=Zed jobtitle=Boss lastname=""
            undo
            get contacts \(ids) props firstname,lastname,jobtitle
            undo
            get contacts \(ids) props firstname,lastname,jobtitle
            """, in: scratch)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.lines.filter { $0["status"] as? String == "updated" }.count == 5)
        #expect(result.lines.filter { $0["status"] as? String == "restored" }.count == 10, "the undo and the undo of the undo")
        let records = result.lines.filter { $0["status"] == nil }
        #expect(records.count == 10)
        for (record, old) in zip(records.prefix(5), before) {
            for name in ["firstname", "lastname", "jobtitle"] {
                #expect(Self.property(record, name) == Self.property(old, name), "\(name) of \(record["id"] ?? "")")
            }
        }
        for record in records.suffix(5) {
            #expect(Self.property(record, "firstname") == "Zed")
            #expect(Self.property(record, "lastname") ?? "" == "")
        }
    }

    @Test func aRecordChangedSinceIsSkippedAndReported() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let before = try Self.firstRecords("contacts", 2, props: "firstname", in: scratch)
        let ids = before.compactMap { $0["id"] as? String }
        let result = try Self.run("""
            set on_error continue
            get contacts \(ids[0]) \(ids[1]) | update firstname=Zed
            update contacts \(ids[0]) firstname=Someone
            undo 1
            get contacts \(ids[0]) \(ids[1]) props firstname
            """, in: scratch)
        #expect(result.status == 3, "a skipped record makes the undo partial: \(result.errors)")
        let outcome = result.lines.filter { ["restored", "skipped"].contains($0["status"] as? String) }
        #expect(outcome.map { $0["status"] as? String } == ["skipped", "restored"])
        let records = result.lines.suffix(2)
        #expect(Self.property(records.first ?? [:], "firstname") == "Someone", "the later edit stays")
        #expect(Self.property(records.last ?? [:], "firstname") == Self.property(before[1], "firstname"))
    }

    @Test func aCreateIsUndoneByArchivingAndADeleteByMakingTheRecordsAgainWithTheirAssociations() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let created = try Self.run("""
            create contacts email=undo-me@example.com firstname=Una
            undo
            get contacts undo-me@example.com --by email
            """, in: scratch)
        #expect(created.lines.map { $0["status"] as? String } == ["created", "archived"])
        #expect(created.errors.contains("no contacts record with email undo-me@example.com"))

        let before = try Self.firstRecords("deals", 2, props: "dealname,amount,dealstage", in: scratch)
        let ids = before.compactMap { $0["id"] as? String }.joined(separator: " ")
        let deleted = try Self.run("""
            delete deals \(ids) --yes
            undo
            """, in: scratch)
        #expect(deleted.status == 0, "\(deleted.errors)")
        let recreated = deleted.lines.filter { $0["status"] as? String == "recreated" }
        #expect(recreated.map { $0["oldId"] as? String } == before.map { $0["id"] as? String })
        #expect(deleted.errors.contains("new ids"))
        // Operations 3 and 4 (1 and 2 were the create and its undo): the journal of the delete holds each
        // record with its values and its company; the undo's, the records made again.
        let journal = try Self.run("journal 4", in: scratch)
        let again = journal.lines.filter { $0["entry"] as? String == "recreated" }
        #expect(again.count == 2)
        let archived = try Self.run("journal 3", in: scratch).lines.filter { $0["entry"] as? String == "archived" }
        for (entry, old) in zip(archived, before) {
            #expect(Self.property(entry, "dealname") == Self.property(old, "dealname"))
            #expect(Self.property(entry, "amount") == Self.property(old, "amount"))
            #expect((entry["associations"] as? Int ?? 0) >= 1, "each demo deal has a company")
        }
    }

    @Test func anUpdateToWhatTheRecordHoldsSaysUnchangedFromTheJournalsRead() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let before = try Self.firstRecords("contacts", 2, props: "firstname", in: scratch)
        let (id, name) = (before[0]["id"] as? String ?? "", Self.property(before[0], "firstname") ?? "")
        let other = before[1]["id"] as? String ?? ""
        let result = try Self.run("""
            get contacts \(id) \(other) | set firstname=\(name) | update
            update contacts \(id) firstname=\(name) --no-journal
            """, in: scratch)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.lines.map { $0["status"] as? String } == ["unchanged", "updated", "updated"],
                "the first already held the name; without the journal's read nothing tells")
    }

    @Test func aWriteWithoutTheJournalLeavesNothingToUndo() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let result = try Self.run("""
            create contacts email=unjournalled-1@example.com --no-journal
            set journal off
            create contacts email=unjournalled-2@example.com
            journal
            """, in: scratch)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.lines.map { $0["status"] as? String } == ["created", "created"], "and no operations listed")
        let undo = try Self.run("undo", in: scratch)
        #expect(undo.errors.contains("nothing to undo"), "\(undo.errors)")
    }

    @Test func undoSaysWhyItCannot() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let nothing = try Self.run("undo", in: scratch)
        #expect(nothing.status != 0)
        #expect(nothing.errors.contains("nothing to undo"))
        let twice = try Self.run("create contacts email=twice@example.com; undo; undo 1", in: scratch)
        #expect(twice.status != 0)
        #expect(twice.errors.contains("operation 1 was undone already, by operation 2"))
        let unknown = try Self.run("undo 99", in: scratch)
        #expect(unknown.errors.contains("no operation 99 in the journal"))
        let listed = try Self.run("journal", in: scratch)
        #expect(listed.lines.map { $0["op"] as? Int } == [1, 2])
        #expect(listed.lines.first?["undoneBy"] as? Int == 2)
        let mode = try FileManager.default.attributesOfItem(atPath: scratch.path("state/hubsh/journal/op-000001.jsonl"))[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}

/// `undo` against a sandbox that injects HubSpot's failures: an update of 5,000 records and its undo
/// leave every record exactly as before.
struct UndoUnderFaultsTests {
    @Test func anUpdateOfFiveThousandAndItsUndoLeaveEveryRecordAsBefore() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let sandbox = try SandboxProcess(["--tier", "unlimited", "--data", "empty", "--fault-seed", "11", "--search-lag", "0",
                                          "--faults", "429:3%,500:2%,503:2%,reset:1%,timeout:1%"])
        defer { sandbox.interrupt() }
        let result = try sandbox.runDebug("""
            set on_error continue
            open {contacts} | upsert contacts --by email | count
            search contacts | update lastname=Changed | where status = updated | count
            undo | where status = restored | count
            search contacts where lastname = Changed | count
            search contacts where lastname = L3 | count
            search contacts | count
            """, contacts: 5_000, in: scratch)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines == ["5000", "5000", "5000", "0", "\((0..<5_000).filter { $0 % 7 == 3 }.count)", "5000"],
                "\(result.errors.split(separator: "\n").filter { !$0.contains("debug") }.suffix(20).joined(separator: "\n"))")
    }
}
