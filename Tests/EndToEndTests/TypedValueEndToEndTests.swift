import Foundation
import Testing

/// Values people type, end to end: the real binary against a `hubsh sandbox` process (demo data,
/// no search lag). A wrong value stops a script before its first line runs; labels and days find
/// the records people mean.
struct TypedValueEndToEndTests {
    /// A sandbox process and a saved connection `sb` to it, with hubsh's folders in a scratch folder.
    final class Account {
        let sandbox: SandboxProcess
        let scratch: ScratchDirectory

        init() throws {
            sandbox = try SandboxProcess(["--search-lag", "0"])
            scratch = try ScratchDirectory()
            let added = try run(["-c", "connection add sb --token pat-na1-sandbox --base-url \(sandbox.baseURL)"])
            guard added.status == 0 else { throw SandboxProcessError(message: "connection add failed: \(added.errors)") }
        }

        /// Runs `hubsh ARGUMENTS` with the connection in use.
        func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
            try Hubsh.run(arguments, environment: ["XDG_CONFIG_HOME": scratch.path("config"), "XDG_STATE_HOME": scratch.path("state"),
                                                   "XDG_CACHE_HOME": scratch.path("cache"), "HUBSPOT_ACCESS_TOKEN": "", "NO_COLOR": "1"],
                          directory: scratch.url)
        }

        /// Runs statements with `-c` on connection `sb`.
        func statements(_ text: String) throws -> (status: Int32, output: String, errors: String) {
            try run(["--connection", "sb", "-c", text])
        }

        deinit {
            sandbox.interrupt()
            scratch.remove()
        }
    }

    @Test func aMisspeltValueOnLine2StopsTheScriptBeforeLine1Runs() throws {
        let account = try Account()
        let script = account.scratch.path("leads.hubsh")
        try "create contacts email=first-e2e@example.com\nsearch contacts where lifecyclestage = leed | count\n"
            .write(toFile: script, atomically: true, encoding: .utf8)
        let result = try account.run(["--connection", "sb", "run", script])
        #expect(result.status == 2, "\(result.errors)")
        #expect(result.errors.contains("leads.hubsh, line 2: lifecyclestage has no value 'leed'; the values are subscriber, lead,"), "\(result.errors)")
        #expect(result.errors.contains("  search contacts where lifecyclestage = leed | count\n"
                                       + "                                         ^^^^ did you mean 'lead'?"), "\(result.errors)")
        #expect(result.output.isEmpty)
        let created = try account.statements("search contacts where email = first-e2e@example.com | count")
        #expect(created.output == "0\n", "line 1 did not run: \(created.errors)")
    }

    @Test func aLabelFindsTheRecordsItsValueHolds() throws {
        let account = try Account()
        let byLabel = try account.statements("search contacts where lifecyclestage = \"Marketing Qualified Lead\" | count")
        let byValue = try account.statements("search contacts where lifecyclestage = marketingqualifiedlead | count")
        #expect(byLabel.status == 0, "\(byLabel.errors)")
        #expect(byLabel.output == byValue.output)
        #expect((Int(byLabel.output.trimmingCharacters(in: .newlines)) ?? 0) > 0, "the demo data has marketing qualified leads")
        let stage = try account.statements("search deals where dealstage = \"Closed Won\" | count")
        let stageValue = try account.statements("search deals where dealstage = closedwon | count")
        #expect(stage.status == 0 && stage.output == stageValue.output && stage.output != "0\n", "\(stage.errors)")
        let ticket = try account.statements("search tickets where hs_pipeline_stage = Closed | count")
        let ticketValue = try account.statements("search tickets where hs_pipeline_stage = 4 | count")
        #expect(ticket.status == 0 && ticket.output == ticketValue.output && ticket.output != "0\n", "\(ticket.errors)")
        let owner = try account.statements("search deals where hubspot_owner_id = olivia.bennett@brightwave.io | count")
        let ownerId = try account.statements("search deals where hubspot_owner_id = 41629779 | count")
        #expect(owner.status == 0 && owner.output == ownerId.output && owner.output != "0\n", "\(owner.errors)")
    }

    @Test func aDayFindsTheDealsClosingThatDayInTheAccountsZone() throws {
        let account = try Account()
        // The sandbox's account is in US/Eastern: 2019-06-15 runs from 04:00Z that day to 03:59:59.999Z the next (EDT).
        let made = try account.statements("""
            create deals dealname="e2eday morning" dealstage=closedwon closedate=2019-06-15T04:00:00Z
            create deals dealname="e2eday night" dealstage=closedwon closedate=2019-06-16T03:30:00Z
            create deals dealname="e2eday before" dealstage=closedwon closedate=2019-06-15T03:59:59Z
            create deals dealname="e2eday after" dealstage=closedwon closedate=2019-06-16T04:00:00Z
            """)
        #expect(made.status == 0, "\(made.errors)")
        let day = try account.statements("search deals where closedate = 2019-06-15 and dealname contains e2eday | select dealname | to csv")
        #expect(day.status == 0, "\(day.errors)")
        #expect(Set(day.output.split(separator: "\n").dropFirst().map { $0.split(separator: ",").last.map(String.init) ?? "" })
                == ["e2eday morning", "e2eday night"], "\(day.output)")
        let after = try account.statements("search deals where closedate > 2019-06-15 and dealname contains e2eday | count")
        #expect(after.output == "1\n", "only the deal after that day: \(after.errors)")
        let described = try account.statements("describe deals closedate | select timeZone")
        #expect(described.output.contains("\"timeZone\":\"US/Eastern\""), "\(described.output)")
    }

    @Test(arguments: [
        ("search deals where amount > abc", "line 1: 'abc' is not a number, and amount is a number property", "abc", nil),
        ("search contacts where createdate >= 2025-13-45", "line 1: '2025-13-45' is not a date", "2025-13-45", nil),
        ("search contacts where lifecycle = lead", "line 1: contacts has no property lifecycle", "lifecycle", "did you mean 'lifecyclestage'?"),
    ] as [(String, String, String, String?)])
    func aValueOfTheWrongTypeIsAUsageErrorWithACaretOnIt(_ statement: String, _ message: String, _ value: String, _ suggestion: String?) throws {
        let account = try Account()
        let result = try account.statements(statement)
        #expect(result.status == 2)
        #expect(result.errors.hasPrefix(message), "\(result.errors)")
        let column = statement.distance(from: statement.startIndex, to: statement.range(of: value)?.lowerBound ?? statement.startIndex)
        let carets = String(repeating: " ", count: 2 + column) + String(repeating: "^", count: value.count) + (suggestion.map { " " + $0 } ?? "")
        #expect(result.errors.split(separator: "\n").last.map(String.init) == carets, "\(result.errors)")
    }
}
