import Foundation
import Testing

/// What a person at an 80- or 120-column terminal reads: the real `hubsh` on a pseudo-terminal, against
/// the emulator (search lag 0): column order, alignment, footers, expanded records, the pager, and the
/// reports of `connection test` and `describe`.
struct TerminalTableTests {
    /// A session at a `columns`-wide terminal; `PAGER` is empty (no pager) unless `environment` sets it.
    static func start(_ scratch: ScratchDirectory, columns: UInt16, arguments: [String] = ["--sandbox", "--search-lag", "0"],
                      environment: [String: String] = [:]) throws -> PseudoTerminal {
        var variables = ["XDG_CONFIG_HOME": scratch.path("config"), "XDG_STATE_HOME": scratch.path("state"),
                         "XDG_CACHE_HOME": scratch.path("cache"), "HUBSPOT_ACCESS_TOKEN": "", "TERM": "xterm", "NO_COLOR": "1", "PAGER": ""]
        variables.merge(environment) { _, new in new }
        return try PseudoTerminal(Hubsh.executable.path, arguments, environment: variables, columns: columns, rows: 24)
    }

    /// Runs `statement` at the prompt and returns the lines it printed (the echoed statement left out).
    static func run(_ terminal: PseudoTerminal, _ statement: String, prompt: String = "hubsh sandbox> ") throws -> [String] {
        try terminal.write(statement + "\r")
        let text = try terminal.read(until: prompt, timeout: 20)
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let echo = lines.firstIndex(where: { $0.contains(statement) }) { lines.removeFirst(echo + 1) }
        if lines.last?.contains(prompt) == true { lines.removeLast() }
        return lines
    }

    static func width(_ line: String) -> Int {
        line.reduce(0) { total, character in
            total + (character.unicodeScalars.contains { $0.properties.isEmojiPresentation || (0x1100...0x9FFF).contains($0.value) } ? 2 : 1)
        }
    }

    @Test(arguments: [80, 120] as [UInt16])
    func columnsComeInTheOrderAskedNumbersAlignRightAndEveryResultHasAFooter(columns: UInt16) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let terminal = try Self.start(scratch, columns: columns)
        try terminal.read(until: "hubsh sandbox> ", timeout: 30)

        let contacts = try Self.run(terminal, "search contacts props lastname,email,firstname sort email limit 3")
        let header = contacts.first?.split(separator: " ").map(String.init)
        #expect(header == ["id", "lastname", "email", "firstname"], "\(contacts)")
        #expect(contacts.count >= 6 && contacts[5] == "(3 rows)", "\(contacts)")
        #expect(contacts[2].hasPrefix("10000002090  "), "the id is whole: \(contacts)")
        for line in contacts { #expect(Self.width(line) <= Int(columns), "\(line)") }

        let deals = try Self.run(terminal, "search deals props dealname,amount sort dealname limit 4")
        let rule = deals[1]
        #expect(deals[0].hasSuffix("amount") && rule.hasSuffix("------"), "\(deals)")
        for row in deals[2..<6] {
            #expect(row.count == rule.count, "amounts end under the rule's end: \(deals)")
            #expect(row.last?.isNumber == true, "\(row)")
        }
        #expect(deals[6] == "(4 rows)")

        let none = try Self.run(terminal, "search contacts where email = nobody@example.invalid")
        #expect(none.first == "(0 rows)", "no match says so: \(none)")

        let one = try Self.run(terminal, "search contacts props email,firstname sort email limit 1")
        #expect(one.first?.hasPrefix("-[ RECORD 1 ]") == true, "one record is shown vertically: \(one)")
        #expect(one.contains("email     │ aaron.bennett@helixanalytics.net"), "\(one)")
        #expect(one.contains("(1 row)"))

        let quiet = try Self.run(terminal, "set output csv")
        #expect(!quiet.contains("(0 rows)"), "a statement that yields no records prints no footer: \(quiet)")
        try terminal.write("\u{4}")
        _ = try terminal.wait(timeout: 15)
    }

    @Test func expandedOnShowsEveryRecordVerticallyAndOffAlwaysATable() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let terminal = try Self.start(scratch, columns: 80)
        try terminal.read(until: "hubsh sandbox> ", timeout: 30)
        _ = try Self.run(terminal, "set expanded on")
        let on = try Self.run(terminal, "search companies props name,domain sort name limit 2")
        #expect(on.first?.hasPrefix("-[ RECORD 1 ]") == true, "\(on)")
        #expect(on.contains { $0.hasPrefix("-[ RECORD 2 ]") })
        #expect(on.contains { $0.hasPrefix("domain │ ") }, "\(on)")
        #expect(on.contains("(2 rows)"))
        _ = try Self.run(terminal, "set expanded off")
        let off = try Self.run(terminal, "search companies props name,domain sort name limit 1")
        #expect(off.first?.split(separator: " ").map(String.init) == ["id", "name", "domain"], "\(off)")
        #expect(off.contains("(1 row)"))
        try terminal.write("\u{4}")
        _ = try terminal.wait(timeout: 15)
    }

    @Test func outputLongerThanTheScreenGoesToThePagerUntilSetPagerOff() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let paged = scratch.path("paged.txt")
        let terminal = try Self.start(scratch, columns: 80, environment: ["PAGER": "cat > '\(paged)'"])
        try terminal.read(until: "hubsh sandbox> ", timeout: 30)
        let short = try Self.run(terminal, "search contacts props email sort email limit 5")
        #expect(short.contains("(5 rows)"))
        #expect(!FileManager.default.fileExists(atPath: paged), "what fits the screen is not paged")
        let long = try Self.run(terminal, "search contacts props email sort email limit 40")
        #expect(!long.contains("(40 rows)"), "the pager got it: \(long)")
        let text = try String(contentsOfFile: paged, encoding: .utf8)
        #expect(text.hasPrefix("id           email\n"), "\(text.prefix(200))")
        #expect(text.contains("(40 rows)"))
        _ = try Self.run(terminal, "set pager off")
        let unpaged = try Self.run(terminal, "search contacts props email sort email limit 40")
        #expect(unpaged.contains("(40 rows)"))
        try terminal.write("\u{4}")
        _ = try terminal.wait(timeout: 15)
    }

    @Test func connectionTestIsAReportThatNamesTheScopeToAdd() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let sandbox = try SandboxProcess(["--search-lag", "0", "--token", "pat-na1-narrow-0000:crm.objects.contacts.read"])
        let terminal = try Self.start(scratch, columns: 80, arguments: [])
        try terminal.read(until: "hubsh> ", timeout: 30)
        try terminal.write("connection add narrow --token pat-na1-narrow-0000 --base-url \(sandbox.baseURL); connection use narrow\r")
        try terminal.read(until: "hubsh narrow> ", timeout: 20)
        let report = try Self.run(terminal, "connection test --objects contacts,deals", prompt: "hubsh narrow> ")
        #expect(report.first == "connection narrow", "\(report)")
        #expect(report.contains { $0.hasPrefix("✓ reached") && $0.contains(sandbox.baseURL) }, "\(report)")
        #expect(report.contains { $0.hasPrefix("✓ token valid") && $0.hasSuffix("1 scope, user 9586504, app 3000001") })
        #expect(report.contains { $0.hasPrefix("✓ portal") && $0.contains("46217395") })
        #expect(report.contains { $0.hasPrefix("✓ API version") && $0.hasSuffix("v3") })
        #expect(report.contains { $0.hasPrefix("✓ latency") })
        #expect(report.contains { $0.hasPrefix("✓ rate limit") && $0.contains("calls left") })
        #expect(report.contains { $0.hasPrefix("✓ daily usage") && $0.contains("calls today") })
        #expect(report.contains("object    search  create  update  delete"), "\(report)")
        #expect(report.contains("contacts  ✓       ✗       ✗       ✗"), "\(report)")
        #expect(report.contains("deals     ✗       ✗       ✗       ✗"), "\(report)")
        #expect(report.contains("✗ add the scope crm.objects.contacts.write for create contacts, update contacts, delete contacts"), "\(report)")
        #expect(report.contains("✗ add the scope crm.objects.deals.read for search deals"), "\(report)")
        #expect(!report.contains { $0.contains("{\"") }, "no JSON at a terminal")
        _ = try Self.run(terminal, "set output json", prompt: "hubsh narrow> ")
        let json = try Self.run(terminal, "connection test --objects contacts", prompt: "hubsh narrow> ")
        #expect(json.contains { $0.contains("\"lacking\"") }, "set output json keeps the JSON: \(json)")
        try terminal.write("\u{4}")
        _ = try terminal.wait(timeout: 15)
    }

    @Test(arguments: [80, 120] as [UInt16])
    func describeShowsTheRulesAndAnOptionsTable(columns: UInt16) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let terminal = try Self.start(scratch, columns: columns)
        try terminal.read(until: "hubsh sandbox> ", timeout: 30)
        let lines = try Self.run(terminal, "describe contacts lifecyclestage")
        #expect(lines.contains("property │ contacts.lifecyclestage"), "\(lines)")
        #expect(lines.contains("type     │ enumeration (field type radio)"))
        #expect(lines.contains("options (8)"))
        #expect(lines.contains("label                     value                   order"), "\(lines)")
        #expect(lines.contains("Marketing Qualified Lead  marketingqualifiedlead      2"), "\(lines)")
        let stages = try Self.run(terminal, "pipelines deals")
        #expect(stages.contains { $0.contains("probability") }, "\(stages)")
        #expect(!stages.contains { $0.contains("[{") }, "no cut JSON: \(stages)")
        let properties = try Self.run(terminal, "describe deals")
        #expect(properties.first?.split(separator: " ").prefix(3).map(String.init) == ["name", "label", "type"], "\(properties.prefix(3))")
        #expect(properties.contains { $0.hasPrefix("amount ") }, "\(properties.prefix(5))")
        try terminal.write("\u{4}")
        _ = try terminal.wait(timeout: 15)
    }

    /// `help` at a terminal wraps between words within the width: options continue under their
    /// description, usage under its first argument, and a wrapped example ends its lines in `\` so it
    /// pastes as one statement. A pipe gets each line whole.
    @Test(arguments: [60, 100] as [UInt16])
    func helpWrapsWithinTheTerminalAtWordBoundaries(columns: UInt16) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let terminal = try Self.start(scratch, columns: columns)
        try terminal.read(until: "hubsh sandbox> ", timeout: 30)

        let lines = try Self.run(terminal, "help import").filter { !$0.isEmpty }
        for line in lines { #expect(Self.width(line) <= Int(columns), "\(line)") }
        #expect(lines.first?.hasPrefix("import FILE [--object OBJECT]") == true, "\(lines)")
        let usageEnd = try #require(lines.firstIndex { $0.hasPrefix("  Send a CSV") }, "\(lines)")
        try #require(usageEnd >= 2, "the usage takes more than one line: \(lines)")
        for line in lines[1..<usageEnd] {
            #expect(line.hasPrefix("       ["), "usage continues under its first argument, a bracket whole: \(line)")
        }
        let examples = lines.drop { $0 != "examples:" }
        let example = "  import hubspot-export.csv --object contacts --operation upsert --by email --via job"
        if example.count <= Int(columns) {
            #expect(examples.contains(example), "an example that fits is one line: \(Array(examples))")
        } else {
            let first = examples.first { $0.hasPrefix("  import hubspot-export.csv") }
            #expect(first?.hasSuffix(" \\") == true, "a wrapped example ends in \\: \(Array(examples))")
        }
        let words = lines.joined(separator: " ").split(separator: " ")
        #expect(words.contains("comma-separated"), "no word is broken: \(lines)")

        let piped = try Hubsh.run(["-c", "help import"])
        #expect(piped.output.contains("  import hubspot-export.csv --object contacts --operation upsert --by email --via job\n"),
                "a pipe gets each line whole: \(piped.output)")
    }
}
