import Foundation
import Testing

/// `associate --label`, `unassociate` and `associations` end to end: the real binary against its
/// in-process sandbox on v4 (and v3 for the refusal). Contact 10000002090 (the first by email) has
/// company 10000000202 as its primary company; 10000000270 is another company of the demo data.
struct AssociationLabelEndToEndTests {
    static let contact = "10000002090"
    static let primary = "10000000202"
    static let other = "10000000270"

    static func environment(_ scratch: ScratchDirectory) -> [String: String] {
        ["XDG_CONFIG_HOME": scratch.path("config"), "XDG_STATE_HOME": scratch.path("state"), "HUBSPOT_ACCESS_TOKEN": ""]
    }

    /// Runs `text` with `hubsh -c`; the output's lines.
    static func run(_ text: String, api: String = "v4", in scratch: ScratchDirectory) throws -> (status: Int32, lines: [String], errors: String) {
        let result = try Hubsh.run(["--sandbox", "--search-lag", "0", "--api", api, "-c", text], environment: environment(scratch),
                                   directory: scratch.url)
        return (result.status, result.output.split(separator: "\n").map(String.init), result.errors)
    }

    /// The line `associations` gives for the pair with `toId`.
    static func link(_ lines: [String], to id: String) -> [String] {
        lines.filter { $0.hasPrefix("{\"fromId\"") && $0.contains("\"toId\":\"\(id)\"") }
    }

    @Test func aLabelIsAddedShownRemovedAloneAndPutBackByUndo() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let (c, other) = (Self.contact, Self.other)
        let result = try Self.run("""
            associate contacts \(c) companies \(other) --label Primary
            associations contacts \(c) companies | where toId = \(other)
            unassociate contacts \(c) companies \(other) --label primary
            associations contacts \(c) companies | where toId = \(other)
            undo
            associations contacts \(c) companies | where toId = \(other)
            """, in: scratch)
        #expect(result.status == 0, "\(result.errors)")
        let links = Self.link(result.lines, to: other)
        #expect(links.count == 3)
        #expect(links.count == 3 && links[0].contains("\"labels\":[\"Primary\"]") && links[0].contains("\"types\":[1,279]"))
        // Removing the label keeps the unlabeled association.
        #expect(links.count == 3 && links[1].contains("\"labels\":[]") && links[1].contains("\"types\":[279]"))
        #expect(links.count == 3 && links[2].contains("\"labels\":[\"Primary\"]"))
        #expect(result.lines.contains("{\"status\":\"unassociated\",\"id\":\"\(c)\",\"toId\":\"\(other)\"}"))
        #expect(result.lines.contains { $0.contains("\"status\":\"linked\"") })
    }

    @Test func allOfATypeGoAndUndoLinksThemAgainWithTheirLabelsFromAScript() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try """
            search contacts sort email limit $n | unassociate companies --all
            associations contacts \(Self.contact) companies | count
            undo
            associations contacts \(Self.contact) companies
            """.write(to: scratch.url.appendingPathComponent("drop.hubsh"), atomically: true, encoding: .utf8)
        let result = try Hubsh.run(["run", "drop.hubsh", "--sandbox", "--search-lag", "0", "--api", "v4", "--var", "n=1"],
                                   environment: Self.environment(scratch), directory: scratch.url)
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.contains("{\"status\":\"unassociated\",\"id\":\"\(Self.contact)\",\"toId\":\"\(Self.primary)\"}"))
        #expect(lines.contains("0"))
        #expect(Self.link(lines, to: Self.primary).first?.contains("\"labels\":[\"Primary\"]") == true)
    }

    @Test func anUnknownLabelOrAV3ConnectionIsRefusedBeforeAnythingIsSent() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let unknown = try Self.run("associate contacts \(Self.contact) companies \(Self.other) --label Primry", in: scratch)
        #expect(unknown.status != 0)
        #expect(unknown.errors.contains("unknown label 'Primry' from contacts to companies; its labels: Primary"))
        #expect(unknown.errors.contains("did you mean 'Primary'?"))
        let v3 = try Self.run("unassociate contacts \(Self.contact) companies \(Self.other) --label Primary", api: "v3", in: scratch)
        #expect(v3.status != 0)
        #expect(v3.errors.contains("labels need v4"))
        // Neither wrote: the journal holds no operation, and the pair is as it was.
        let after = try Self.run("journal; associations contacts \(Self.contact) companies", in: scratch)
        #expect(!after.lines.contains { $0.contains("\"op\":") })
        #expect(Self.link(after.lines, to: Self.primary).first?.contains("\"labels\":[\"Primary\"]") == true)
        let usage = try Self.run("unassociate contacts \(Self.contact) companies", in: scratch)
        #expect(usage.status == 2)
        #expect(usage.errors.contains("unassociate needs FROMTYPE FROMID TOTYPE TOID"))
        let both = try Self.run("unassociate contacts \(Self.contact) companies \(Self.other) --all", in: scratch)
        #expect(both.status == 2)
        #expect(both.errors.contains("--all takes every association to the type; name no TOID with it"))
    }

    @Test func pipedPairsAreUnassociatedEachAndABadPairFailsAlone() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try """
            {"id":"\(Self.contact)","toId":"\(Self.primary)"}
            {"id":"\(Self.contact)"}
            """.write(to: scratch.url.appendingPathComponent("pairs.jsonl"), atomically: true, encoding: .utf8)
        let dry = try Self.run("open pairs.jsonl | unassociate contacts companies --dry-run", in: scratch)
        #expect(dry.lines.count == 2 && dry.lines.allSatisfy { $0.contains("\"dryRun\":true") })
        // The dry run refuses the pair without a toId as the real run does, and ends as it would.
        #expect(dry.lines.first?.contains("\"status\":\"would unassociate\"") == true, "\(dry.lines)")
        #expect(dry.lines.last?.contains("\"status\":\"failed\"") == true, "\(dry.lines)")
        #expect(dry.lines.last?.contains("an association needs the companies record's id (toId)") == true, "\(dry.lines)")
        #expect(dry.status == 3, "\(dry.errors)")
        try """
            open pairs.jsonl | unassociate contacts companies
            associations contacts \(Self.contact) companies | where toId = \(Self.primary) | count
            """.write(to: scratch.url.appendingPathComponent("pairs.hubsh"), atomically: true, encoding: .utf8)
        let result = try Hubsh.run(["run", "pairs.hubsh", "--on-error", "continue", "--sandbox", "--search-lag", "0", "--api", "v4"],
                                   environment: Self.environment(scratch), directory: scratch.url)
        let lines = result.output.split(separator: "\n").map(String.init)
        // Some inputs failed: status 3, as for the other writes; the good pair went.
        #expect(result.status == 3, "\(result.errors)")
        #expect(result.errors.contains("1 of 2 inputs failed"))
        #expect(lines.contains("{\"status\":\"unassociated\",\"id\":\"\(Self.contact)\",\"toId\":\"\(Self.primary)\"}"))
        #expect(lines.contains { $0.contains("\"status\":\"failed\"") && $0.contains("an association needs the companies record's id (toId)") })
        #expect(lines.last == "0")
    }

    @Test func onV3UnassociateRemovesTheUnlabeledType() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let result = try Self.run("""
            unassociate contacts \(Self.contact) companies \(Self.primary)
            associations contacts \(Self.contact) companies | where toId = \(Self.primary) | count
            """, api: "v3", in: scratch)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.lines.last == "0")
    }
}
