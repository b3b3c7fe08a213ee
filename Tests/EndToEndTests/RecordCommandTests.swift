import Foundation
import Testing

/// `get`, `associate` and `associations` end to end: the real binary against the sandbox (v3), and
/// against a `hubsh sandbox` process through a v4 connection.
struct RecordCommandTests {
    static func run(_ arguments: [String], token: String = "", in scratch: ScratchDirectory) throws -> (status: Int32, output: String, errors: String) {
        try Hubsh.run(arguments, environment: ["XDG_CONFIG_HOME": scratch.path("config"), "XDG_STATE_HOME": scratch.path("state"),
                                               "HUBSPOT_ACCESS_TOKEN": token], directory: scratch.url)
    }

    @Test func getReadsRecordsInTheOrderAskedAndWarnsAboutMissingOnes() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let ids = try Self.run(["--sandbox", "-c", "search contacts props email sort email limit 3 | select email"], in: scratch)
        let emails = ids.output.split(separator: "\n").map { String($0.split(separator: "\"")[7]) }
        #expect(emails.count == 3)
        let result = try Self.run(["--sandbox", "-c", "get contacts \(emails[2]) 999 \(emails[0]) --by email props firstname | select email"], in: scratch)
        #expect(result.status == 3, "a missing record is a failed input: \(result.errors)")
        let got = result.output.split(separator: "\n")
        #expect(got.count == 2)
        #expect(got.first?.contains(emails[2]) == true)
        #expect(got.last?.contains(emails[0]) == true)
        #expect(result.errors.contains("get: no contacts record with email 999"))
    }

    @Test func getTakesPipedRecordsAndNeedsIds() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let piped = try Self.run(["--sandbox", "-c", "search deals limit 150 | get props dealname | count"], in: scratch)
        #expect(piped.status == 0, "\(piped.errors)")
        #expect(piped.output.trimmingCharacters(in: .whitespacesAndNewlines) == "150")
        let missing = try Self.run(["--sandbox", "-c", "get contacts"], in: scratch)
        #expect(missing.status == 2)
        #expect(missing.errors.contains("get needs record ids"))
    }

    @Test func associationsOnV3ListTheLinksWithTheirTypeNames() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let result = try Self.run(["--sandbox", "-c", "search contacts sort email limit 3 | associations companies | get props domain | count"], in: scratch)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines) == "3")
        let links = try Self.run(["--sandbox", "-c", "search contacts sort email limit 1 | associations companies"], in: scratch)
        #expect(links.output.contains("\"typeNames\":[\"contact_to_company\""))
        let wrong = try Self.run(["--sandbox", "-c", "associations contacts 1 nosuchtype"], in: scratch)
        // HubSpot is asked before the statement runs; a type it cannot name is a usage error.
        #expect(wrong.status == 2)
        #expect(wrong.errors.contains("no object type nosuchtype"))
    }

    @Test func associateLinksPipedRecordsAndReportsEachPair() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        // Company 10000000270 is the demo data's Acme Bank.
        let script = """
            search contacts sort email limit 2 | associate companies 10000000270
            search contacts sort email limit 1 | associations companies | where toId = 10000000270 | count
            """
        let result = try Hubsh.run(["--sandbox"], environment: ["XDG_CONFIG_HOME": scratch.path("config"), "XDG_STATE_HOME": scratch.path("state"),
                                                                "HUBSPOT_ACCESS_TOKEN": ""], input: script, directory: scratch.url)
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.filter { $0.contains("\"status\":\"associated\"") }.count == 2)
        #expect(lines.last == "1")
        let dry = try Self.run(["--sandbox", "-c", "associate contacts 1 companies 2 --dry-run"], in: scratch)
        #expect(dry.output.contains("\"dryRun\":true") && dry.output.contains("\"toId\":\"2\""))
        #expect(dry.output.hasPrefix("{\"status\":\"would associate\""), "\(dry.output)")
        // Piped records without a record to associate to fail in the dry run as in the real one.
        let none = try Self.run(["--sandbox", "-c", "search contacts limit 2 | associate companies --dry-run"], in: scratch)
        #expect(none.status == 1, "\(none.errors)")
        #expect(none.output.split(separator: "\n").allSatisfy { $0.contains("\"status\":\"failed\"") && $0.contains("the companies record's id (toId)") }, "\(none.output)")
        let bad = try Self.run(["--sandbox", "-c", "associate contacts 1 companies"], in: scratch)
        #expect(bad.status == 2)
        #expect(bad.errors.contains("associate needs FROMTYPE FROMID TOTYPE TOID"))
    }

    /// Contact 10000002090 (the first by email) works at company 10000000202 (its primary company).
    @Test func onV4AssociationsCarryLabelsAndTypeIdsAndAMissingRecordFails() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let sandbox = try SandboxProcess([])
        defer { sandbox.interrupt() }
        let script = """
            connection add v4 --token env:HUBSPOT_ACCESS_TOKEN --api v4 --base-url \(sandbox.baseURL)
            connection use v4
            associate contacts 10000002090 companies 10000000270
            associations contacts 10000002090 companies
            associate contacts 10000002090 companies 999
            """
        let result = try Hubsh.run([], environment: ["XDG_CONFIG_HOME": scratch.path("config"), "XDG_STATE_HOME": scratch.path("state"),
                                                     "HUBSPOT_ACCESS_TOKEN": "pat-na1-sandbox"], input: script, directory: scratch.url)
        let lines = result.output.split(separator: "\n")
        #expect(lines.contains { $0.contains("\"status\":\"associated\"") })
        #expect(lines.contains { $0.contains("\"labels\":[\"Primary\"]") && $0.contains("\"types\":[1,279]") })
        #expect(lines.contains { $0.contains("\"labels\":[]") && $0.contains("\"types\":[279]") })
        #expect(lines.last?.contains("\"status\":\"failed\"") == true && lines.last?.contains("OBJECT_NOT_FOUND") == true)
        #expect(result.status == 1)
    }
}
