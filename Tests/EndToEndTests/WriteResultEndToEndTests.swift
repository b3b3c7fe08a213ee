import Foundation
import JSONValue
import Testing

/// Write results and dry runs as scripts and pipes get them: JSON Lines whose fields are the ones they
/// always had plus what is added (`status` on every result, `line` for an opened file's inputs, a dry
/// run's `current` and `changes`).
struct WriteResultEndToEndTests {
    static func run(_ statements: String, in scratch: ScratchDirectory) throws -> (status: Int32, values: [JSONValue], errors: String) {
        let environment = ["XDG_CONFIG_HOME": scratch.path("config"), "XDG_STATE_HOME": scratch.path("state"),
                           "XDG_CACHE_HOME": scratch.path("cache"), "HUBSPOT_ACCESS_TOKEN": ""]
        let result = try Hubsh.run(["--sandbox", "--search-lag", "0", "-c", statements], environment: environment, directory: scratch.url)
        let values = try result.output.split(separator: "\n").map { try JSONValue(parsing: String($0)) }
        return (result.status, values, result.errors)
    }

    @Test func aDryRunUpdateKeepsItsFieldsAndAddsTheStatusAndCurrentValues() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let run = try Self.run("search contacts limit 3 props firstname | update firstname=Zed --dry-run; search contacts limit 3 props firstname",
                               in: scratch)
        #expect(run.status == 0, "\(run.errors)")
        #expect(!run.errors.contains("DRY RUN"), "the banner is for a terminal")
        #expect(run.values.count == 6)
        for (plan, record) in zip(run.values.prefix(3), run.values.suffix(3)) {
            // The fields a dry run always had, unchanged…
            #expect(plan["dryRun"] == true)
            #expect(plan["operation"] == "update")
            #expect(plan["objectType"] == "contacts")
            #expect(plan["id"] == record["id"])
            #expect(plan["properties"] == ["firstname": "Zed"])
            // …and the added ones.
            #expect(plan["status"] == "would update")
            #expect(plan["current"]?["firstname"] == record["properties"]?["firstname"], "the value as it is")
            #expect(plan["changes"]?.stringValue?.hasSuffix("→ Zed") == true)
            #expect(record["properties"]?["firstname"] != "Zed", "nothing was written")
        }
    }

    @Test func aDryRunOfAnOpenedFileChecksEveryRowAndNamesTheLinesThatWouldFail() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try "email,firstname,lifecyclestage\nnew@example.com,New,lead\nbad@example.com,Bad,leed\n,NoEmail,lead\n"
            .write(toFile: scratch.path("leads.csv"), atomically: true, encoding: .utf8)
        try "email,favourite_colour\nother@example.com,blue\n".write(toFile: scratch.path("extra.csv"), atomically: true, encoding: .utf8)
        let run = try Self.run("set on_error continue; open leads.csv | upsert contacts --by email --dry-run; open extra.csv | create contacts --dry-run; search contacts where email = new@example.com | count", in: scratch)
        #expect(run.status == 1, "the second statement would fail whole: \(run.errors)")
        #expect(run.errors.contains("line 1: 2 of 3 inputs failed") && run.errors.contains("line 1: 1 of 1 inputs failed"), "\(run.errors)")
        #expect(run.values.prefix(4).map { $0["status"] } == ["would create", "failed", "failed", "failed"])
        #expect(run.values.last == 0, "nothing was written")
        #expect(run.values.prefix(4).map { $0["line"] } == [2, 3, 4, 2])
        #expect(run.values[1]["error"]?.stringValue?.contains("'leed' is not one of its options") == true)
        #expect(run.values[2]["error"]?.stringValue?.contains("needs a value for email") == true)
        #expect(run.values[3]["error"]?.stringValue?.contains("no property favourite_colour") == true, "\(run.values[3])")
    }

    @Test func aRealWriteGivesEveryRowItsStatusAndAnOpenedFilesLine() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try "email,firstname,lifecyclestage\nann@example.com,Ann,lead\nbob@example.com,Bob,leed\n"
            .write(toFile: scratch.path("leads.csv"), atomically: true, encoding: .utf8)
        let run = try Self.run("""
            set on_error continue
            open leads.csv | create contacts
            search contacts where email = ann@example.com | update firstname=Anne
            search contacts where email = ann@example.com | delete
            """, in: scratch)
        #expect(run.status == 3, "\(run.errors)")
        #expect(run.values.map { $0["status"] } == ["created", "failed", "updated", "archived"])
        #expect(run.values.prefix(2).map { $0["line"] } == [2, 3], "each row of the file names its line")
        let error = try #require(run.values[1]["error"]?.stringValue)
        #expect(error.contains("'leed' is not one of its options") && error.contains("subscriber, lead"), "the whole error: \(error)")
        #expect(run.values[0]["properties"]?["email"] == "ann@example.com", "the fields results always had")
        #expect(run.values[2]["line"] == nil, "a record from a search has no line")
        #expect(run.errors.contains("line 2: 1 of 2 inputs failed"))
    }
}
