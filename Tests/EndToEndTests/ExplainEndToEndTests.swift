import Foundation
import Testing

/// `explain`, end to end through `hubsh -c` against the sandbox: the plan of a search piped into an
/// update, a create from a file and a delete, each counted from what it would read and none of them
/// done.
struct ExplainEndToEndTests {
    /// Runs `text` in the sandbox; the JSON objects it prints, its other lines (counts) and errors.
    static func run(_ text: String, in scratch: ScratchDirectory, api: String = "v4") throws -> (status: Int32, lines: [[String: Any]], counts: [String], errors: String) {
        let environment = ["XDG_CONFIG_HOME": scratch.path("config"), "XDG_STATE_HOME": scratch.path("state"), "HUBSPOT_ACCESS_TOKEN": ""]
        let result = try Hubsh.run(["--sandbox", "--search-lag", "0", "--api", api, "-c", text], environment: environment, directory: scratch.url)
        let output = result.output.split(separator: "\n").map(String.init)
        let objects = output.compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
        return (result.status, objects, output.filter { !$0.hasPrefix("{") }, result.errors)
    }

    static func calls(_ plan: [String: Any]) -> [(path: String, count: Int?, budget: String)] {
        (plan["calls"] as? [[String: Any]] ?? []).map { ($0["path"] as? String ?? "", $0["count"] as? Int, $0["budget"] as? String ?? "") }
    }

    @Test func aSearchPipedIntoAnUpdateIsCountedFromTheSearchsTotalAndNothingIsWritten() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let result = try Self.run("""
            search contacts where lifecyclestage = lead | count
            explain search contacts where lifecyclestage = lead | update jobtitle=Explained --if-unchanged
            search contacts where jobtitle = Explained | count
            journal
            """, in: scratch, api: "v4")
        #expect(result.status == 0, "\(result.errors)")
        let output = result.counts
        #expect(output.count == 2, "\(output)")
        let total = Int(output.first ?? "") ?? -1
        #expect(total > 200, "enough leads for several pages")
        let plan = result.lines.first { $0["statement"] != nil } ?? [:]
        #expect(plan["records"] as? Int == total)
        let calls = Self.calls(plan)
        #expect(calls.map(\.path) == ["/crm/v3/objects/contacts/search", "/crm/v3/objects/contacts/batch/read", "/crm/v3/objects/contacts/batch/update"])
        #expect(calls.map(\.count) == [(total + 199) / 200, (total + 99) / 100, (total + 99) / 100])
        #expect(calls.map(\.budget) == ["search", "burst", "burst"])
        #expect(plan["writes"] as? [String] == ["jobtitle"])
        #expect(plan["undoable"] as? Bool == true)
        #expect(output.last == "0", "nothing was written, and the journal holds no operation")
    }

    @Test func aCreateFromAFileIsCountedFromItsRows() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let rows = (0..<250).map { "explain\($0)@example.com,E\($0)" }
        try ("email,firstname\n" + rows.joined(separator: "\n") + "\n").write(toFile: scratch.path("leads.csv"), atomically: true, encoding: .utf8)
        let result = try Self.run("""
            explain open leads.csv | create contacts
            search contacts where email = explain1@example.com | count
            """, in: scratch)
        #expect(result.status == 0, "\(result.errors)")
        let plan = result.lines.first ?? [:]
        #expect(plan["records"] as? Int == 250)
        #expect(Self.calls(plan).map(\.path) == ["/crm/v3/objects/contacts/batch/create"])
        #expect(Self.calls(plan).map(\.count) == [3])
        #expect(plan["writes"] as? [String] == ["email", "firstname"])
        #expect(result.counts.last == "0", "nothing was created")
    }

    @Test func aDeleteSaysWhetherItCanBeUndoneAndDeletesNothing() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let ids = try UndoEndToEndTests.firstRecords("deals", 2, props: "dealname", in: scratch).compactMap { $0["id"] as? String }
        let result = try Self.run("""
            explain delete deals \(ids.joined(separator: " "))
            explain delete deals \(ids.joined(separator: " ")) --no-journal
            get deals \(ids.joined(separator: " ")) | count
            """, in: scratch, api: "v4")
        #expect(result.status == 0, "\(result.errors)")
        let plans = result.lines.filter { $0["statement"] != nil }
        #expect(plans.count == 2)
        #expect(plans.map { $0["records"] as? Int } == [2, 2])
        #expect(plans.map { $0["undoable"] as? Bool } == [true, false])
        let journalled = Self.calls(plans[0]).map(\.path)
        #expect(journalled.first == "/crm/v3/objects/deals/batch/read")
        #expect(journalled.contains("/crm/v4/associations/deals/companies/batch/read"))
        #expect(journalled.last == "/crm/v3/objects/deals/batch/archive")
        #expect(Self.calls(plans[1]).map(\.path) == ["/crm/v3/objects/deals/batch/archive"])
        #expect(result.counts.last == "2", "both deals are still there")
    }
}
