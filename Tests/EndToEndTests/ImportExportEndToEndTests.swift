import Foundation
import Testing

/// `import` and `export` end to end: the real binary against its in-process sandbox, through `-c`
/// and `hubsh run`, by both routes (batch and HubSpot's jobs).
struct ImportExportEndToEndTests {
    static func run(_ arguments: [String], in scratch: ScratchDirectory) throws -> (status: Int32, lines: [String], errors: String) {
        try OpenHeaderMapEndToEndTests.run(arguments, in: scratch)
    }

    static func write(_ text: String, _ name: String, in scratch: ScratchDirectory) throws {
        try OpenHeaderMapEndToEndTests.write(text, name, in: scratch)
    }

    static let leads = "Email,Lifecycle Stage,First Name,Shoe size\nann@jobs.example,Lead,Ann,38\nbob@jobs.example,Nonsense,Bob,44\ncy@jobs.example,customer,Cy,41\n"

    @Test(arguments: ["job", "batch"])
    func anImportWritesTheGoodRowsAndShowsTheRefusedOnePerRowWithStatus3(route: String) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try Self.write(route == "job" ? Self.leads.replacingOccurrences(of: "Lead", with: "lead") : Self.leads, "leads.csv", in: scratch)
        let result = try Self.run(["--sandbox", "--search-lag", "0", "-c",
                                   "import leads.csv --object contacts --via \(route) --rejects rejects.jsonl"], in: scratch)
        #expect(result.status == 3, "\(result.errors)")
        #expect(result.errors.contains("import: leads.csv: 1 column names no contacts property, left out (--map COLUMN=PROP maps one): Shoe size"))
        #expect(result.errors.contains(route == "job" ? "import: 3 rows of leads.csv into contacts via HubSpot's Imports API (job, create)"
                                                      : "import: 3 rows of leads.csv into contacts via batch writes (create)"))
        #expect(result.errors.contains("1 of 3 inputs failed"))
        let failed = result.lines.filter { $0.contains("\"status\":\"failed\"") }
        #expect(failed.count == 1)
        #expect(failed.first?.contains("\"line\":3") == true)
        if route == "job" {
            #expect(result.errors.contains("undo cannot be offered"))
            #expect(failed.first?.contains("\"column\":\"Lifecycle Stage\",\"value\":\"Nonsense\",\"errorType\":\"INVALID_PROPERTY_VALUE\"") == true)
            #expect(result.lines.count == 1)
        } else {
            #expect(result.lines.filter { $0.contains("\"status\":\"created\"") }.count == 2)
        }
        let rejects = try String(contentsOf: scratch.url.appendingPathComponent("rejects.jsonl"), encoding: .utf8)
        #expect(rejects.contains("bob@jobs.example"))
    }

    @Test func aJobImportIsJournalledAndUndoSaysWhyItCannot() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try Self.write("email,firstname\nann@jobs.example,Ann\nzed@jobs.example,Zed\n", "first.csv", in: scratch)
        try Self.write("import first.csv --object contacts --via job\njournal\njournal 1\n", "job.hubsh", in: scratch)
        let result = try Self.run(["run", "job.hubsh", "--sandbox", "--search-lag", "0"], in: scratch)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.contains("the journal records the import, but undo cannot be offered"), "\(result.errors)")
        let listed = try #require(result.lines.first { $0.contains(#""op":1"#) }, "\(result.lines)")
        #expect(listed.contains(#""operation":"import-job""#) && listed.contains(#""objectType":"contacts""#), "\(listed)")
        #expect(listed.contains(#""written":2"#) && listed.contains(#""failed":0"#), "\(listed)")
        #expect(result.lines.contains { $0.contains(#""entry":"imported""#) && $0.contains(#""file":"first.csv""#)
            && $0.contains(#""jobId":"7000001""#) && $0.contains(#""rows":2"#) }, "\(result.lines)")
        let undo = try Self.run(["--sandbox", "-c", "undo"], in: scratch)
        #expect(undo.status == 1, "refused as the undo of a merge is: \(undo.errors)")
        #expect(undo.errors.contains("operation 1 imported (first.csv, job 7000001) through HubSpot's Imports API, which keeps no record of the values it replaced: undo cannot be offered"), "\(undo.errors)")
    }

    @Test func bothRoutesExportTheSameCSVAndAScriptImportsAnUpsertByEmail() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try Self.write("email,firstname\nann@jobs.example,Ann\nzed@jobs.example,Zed\n", "first.csv", in: scratch)
        try Self.write("E-mail,Given\nann@jobs.example,Anna\nyan@jobs.example,Yan\n", "second.csv", in: scratch)
        try Self.write("""
            import first.csv --object contacts --via job
            import second.csv --object contacts --map 'E-mail=email,Given=firstname' --operation upsert --by email --via job
            export contacts where email contains jobs.example props email,firstname --via job > job.csv
            export contacts where email contains jobs.example props email,firstname --via batch > batch.csv
            export contacts where lifecyclestage = lead props firstname,email --via auto | first 1
            """, "jobs.hubsh", in: scratch)
        let result = try Self.run(["run", "jobs.hubsh", "--sandbox", "--search-lag", "0"], in: scratch)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.lines == ["id,firstname,email"])
        #expect(result.errors.contains("import 7000002: DONE · 2 rows · 1 created · 1 updated · 0 refused"), "\(result.errors)")
        #expect(result.errors.contains("export: 3 contacts via HubSpot's Exports API (job)"))
        #expect(result.errors.contains("export: 3 contacts via search (batch)"))
        #expect(result.errors.contains("export: 579 contacts via search (batch)"))
        let job = try String(contentsOf: scratch.url.appendingPathComponent("job.csv"), encoding: .utf8)
        let batch = try String(contentsOf: scratch.url.appendingPathComponent("batch.csv"), encoding: .utf8)
        #expect(job == batch)
        let lines = job.split(separator: "\n").map(String.init)
        #expect(lines.first == "id,email,firstname")
        #expect(lines.dropFirst().map { $0.split(separator: ",").dropFirst().joined(separator: ",") }.sorted()
                == ["ann@jobs.example,Anna", "yan@jobs.example,Yan", "zed@jobs.example,Zed"])
    }

    @Test(arguments: [
        ("import nothere.csv --object contacts", "import: no such file nothere.csv", Int32(1)),
        ("import ok.csv --object contcts", "no object type contcts", 2),
        ("import ok.csv --object contacts --via fast", "import: --via takes auto, batch, job, not 'fast'", 2),
        ("import ok.csv --object contacts --map email=emial", "import: --map: contacts has no property emial", 1),
        ("import bad.csv --object contacts", "import: bad.csv line 3", 1),
        ("import none.csv --object contacts --via job", "import: no column of none.csv names a contacts property", 1),
        ("import ok.csv --object contacts --operation upsert", "import: upsert needs --by PROP", 2),
        ("import ok.csv --object contacts --operation upsert --by emial", "contacts has no property emial", 2),
        ("import ok.csv", "import needs --object OBJECT", 2),
        ("export contacts --via fast", "export: --via takes auto, batch, job, not 'fast'", 2),
        ("export contacts where email = a or email = b --via job", "export: HubSpot's Exports API takes conditions joined by and, not or", 2),
        ("export contcts", "contcts", 2),
    ])
    func badInputIsRefusedBeforeAnythingIsSent(statement: String, message: String, status: Int32) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try Self.write("email,firstname\nok@jobs.example,Ok\n", "ok.csv", in: scratch)
        try Self.write("email,firstname\nok@jobs.example,Ok\nbad@jobs.example,\"never closed\n", "bad.csv", in: scratch)
        try Self.write("Foo,Bar\n1,2\n", "none.csv", in: scratch)
        // Carrying on after a refusal at run time, the count says nothing was written (a refusal when
        // the script is planned, status 2, runs nothing at all).
        let result = try Self.run(["--sandbox", "--search-lag", "0", "-c",
                                   "set on_error continue; " + statement + "; search contacts where email contains jobs.example | count"], in: scratch)
        #expect(result.status == status, "\(result.errors)")
        #expect(result.errors.contains(message), "\(result.errors)")
        #expect(result.lines == (status == 2 ? [] : ["0"]), "\(result.lines)")
    }
}
