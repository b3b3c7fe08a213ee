import Foundation
import Testing

/// `hubsh -c`, `hubsh run` and statements on standard input, against the in-process emulator
/// (`--sandbox`), with configuration kept in a scratch directory.
struct ShellCommandLineTests {
    static func run(_ arguments: [String], input: String? = nil, in scratch: ScratchDirectory) throws -> (status: Int32, output: String, errors: String) {
        try Hubsh.run(arguments, environment: ["XDG_CONFIG_HOME": scratch.path("config"), "XDG_STATE_HOME": scratch.path("state"),
                                               "HUBSPOT_ACCESS_TOKEN": ""], input: input, directory: scratch.url)
    }

    /// The session of DESIGN.md's "What a user does", statement for statement, as one script.
    @Test func theDesignTourRunsAsWritten() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try "email,firstname,lifecyclestage\nnew1@example.com,Nia,lead\nnew2@example.com,Omar,lead\n"
            .write(toFile: scratch.path("new-leads.csv"), atomically: true, encoding: .utf8)
        let tour = """
            objects
            search contacts where lifecyclestage = lead and createdate >= 2025-01-01 props email,firstname sort createdate desc limit 20
            search contacts where email contains acme.com | update lifecyclestage=customer
            open new-leads.csv | upsert contacts --by email
            activity add stale = search deals where dealstage = appointmentscheduled and hs_lastmodifieddate < $cutoff
            let cutoff = 2025-06-01
            activity run stale | delete --dry-run
            connection add prod --token env:HUBSPOT_ACCESS_TOKEN --api v4 --no-test
            """
        let result = try Self.run(["--sandbox"], input: tour, in: scratch)
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.contains { $0.contains("\"name\":\"contacts\"") })
        #expect(lines.filter { $0.contains("\"status\":\"created\"") }.count == 2)
        #expect(lines.contains { $0.contains("\"dryRun\":true") && $0.contains("\"objectType\":\"deals\"") })
        let saved = try String(contentsOfFile: scratch.path("config/hubsh/connections.json"), encoding: .utf8)
        #expect(saved.contains("env:HUBSPOT_ACCESS_TOKEN"))
    }

    @Test(arguments: [["--bogus"], ["run"], ["--api", "v4", "-c", "objects"], ["--sandbox", "--api", "v5", "-c", "objects"]])
    func aCommandLineUsageErrorExitsTwo(arguments: [String]) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let result = try Self.run(arguments, in: scratch)
        #expect(result.status == 2, "\(result.errors)")
        #expect(result.errors.hasPrefix("Error: "), "\(result.errors)")
    }

    @Test(arguments: [
        (["--search-lag", "0", "-c", "objects"], "Error: --search-lag goes with --sandbox"),
        (["--sandbox", "--search-lag", "soon", "-c", "objects"], "Error: --search-lag 'soon': use whole milliseconds"),
    ])
    func aBadSearchLagIsOneLineAndExitsTwo(_ arguments: [String], _ message: String) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let result = try Self.run(arguments, in: scratch)
        #expect(result.status == 2)
        #expect(result.errors.hasPrefix(message), "\(result.errors)")
        #expect(result.errors.split(separator: "\n").count == 1, "\(result.errors)")
    }

    /// `--sandbox` lags search as HubSpot does, so a script that searches for what it just wrote meets
    /// the lag here first; reads by id or by a unique property see the write at once.
    @Test func theSandboxesSearchLagsBehindItsWrites() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let text = """
            create contacts email=lag@example.com firstname=Lee | count
            search contacts where email = lag@example.com | count
            get contacts lag@example.com --by email props firstname | select firstname
            """
        let result = try Self.run(["--sandbox", "--search-lag", "600000", "-c", text], in: scratch)
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.prefix(2) == ["1", "0"])
        #expect(lines.last?.hasSuffix(#""firstname":"Lee"}"#) == true, "\(result.output)")
    }

    @Test func theSandboxSpeaksTheAPIVersionAsked() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let result = try Self.run(["--sandbox", "--api", "v4", "-c",
                                   "connection show sandbox | select api; search contacts sort email limit 1 | associations companies"], in: scratch)
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.first == #"{"api":"v4"}"#)
        #expect(lines.dropFirst().first?.contains(#""labels":["Primary"]"#) == true, "v4 associations carry labels: \(result.output)")
    }

    @Test func aClosedPipeEndsHubshQuietly() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "set -o pipefail; \"$0\" --sandbox -c 'search contacts | to jsonl' | head -1 >/dev/null", Hubsh.executable.path]
        process.environment = ProcessInfo.processInfo.environment.merging(["XDG_CONFIG_HOME": scratch.path("config")]) { _, new in new }
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(!text.contains("crashed"))
    }

    @Test func aSearchPipelinePrintsJSONLinesWhenNotAtATerminal() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let result = try Self.run(["--sandbox", "-c", "search contacts where lifecyclestage = lead props email sort email limit 3 | select email"], in: scratch)
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.hasPrefix("{\"id\":\"") && $0.contains("\"email\":") })
        let counted = try Self.run(["--sandbox", "-c", "search deals where amount > 0 | count"], in: scratch)
        #expect(counted.status == 0)
        #expect(Int(counted.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 > 0)
    }

    @Test func aTypoIsAUsageErrorWithACaretAndASuggestion() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let result = try Self.run(["--sandbox", "-c", "serch contacts"], in: scratch)
        #expect(result.status == 2)
        #expect(result.errors.contains("line 1: unknown command 'serch'"))
        #expect(result.errors.contains("^^^^^"))
        #expect(result.errors.contains("search"))
    }

    /// 20,000 statements on one line run (they took a minute when each statement's line number was found
    /// by counting the columns before it). In a file: one `-c` argument is limited to 128 KiB on Linux.
    @Test func aLineOfTwentyThousandStatementsRuns() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try (String(repeating: "let x = 1;", count: 20_000) + " search contacts limit $x | count\n")
            .write(toFile: scratch.path("long.hubsh"), atomically: true, encoding: .utf8)
        let result = try Self.run(["--sandbox", "run", scratch.path("long.hubsh")], in: scratch)
        #expect(result.status == 0, "\(result.errors.prefix(500))")
        #expect(result.errors.isEmpty)
        #expect(result.output == "1\n", "the last statement ran")
    }

    /// A `where` of 65,000 conditions is refused when planned, by HubSpot's filter limits: exit 2, nothing
    /// run, and the message shows the part of the long line around the condition past the limit.
    @Test(arguments: [" and ", " or "])
    func aWhereOfSixtyFiveThousandConditionsIsAUsageError(joiner: String) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let conditions = (0..<65_000).map { "firstname = a\($0)" }.joined(separator: joiner)
        try "let ran = yes\nsearch contacts where \(conditions)\n".write(toFile: scratch.path("wide.hubsh"), atomically: true, encoding: .utf8)
        let result = try Self.run(["--sandbox", "run", scratch.path("wide.hubsh")], in: scratch)
        #expect(result.status == 2, "\(result.errors.prefix(500))")
        let limit = joiner == " and " ? "65000 and-ed conditions in one group; HubSpot's search allows at most 6 filters per group"
            : "this where clause makes 65000 or-ed groups; HubSpot's search allows at most 5 filter groups"
        #expect(result.errors.hasPrefix("\(scratch.path("wide.hubsh")), line 2: \(limit)\n"), "\(result.errors.prefix(500))")
        #expect(result.errors.count < 1_000, "an excerpt of the line, not all of it")
        #expect(result.output.isEmpty)
    }

    /// HubSpot's filter limits are checked when the script is planned, in a `where` written on line 40
    /// as in one kept by `activity add` (written out or quoted): lines 1–39 do not run.
    @Test(arguments: [
        ("search contacts where ", "", "line 40: this where clause makes 6 or-ed groups; HubSpot's search allows at most 5 filter groups"),
        ("activity add wide = search contacts where ", "", "line 40: this where clause makes 6 or-ed groups; HubSpot's search allows at most 5 filter groups"),
        ("activity add wide = 'search contacts where ", "'", "line 40: in the quoted pipeline: this where clause makes 6 or-ed groups"),
    ])
    func aTooWideWhereOnLineFortyStopsTheScriptBeforeLineOne(head: String, tail: String, message: String) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let wide = head + (1...6).map { "firstname = a\($0)" }.joined(separator: " or ") + tail
        let lines = ["search contacts limit 1 | count"] + Array(repeating: "let x = 1", count: 38) + [wide]
        try (lines.joined(separator: "\n") + "\n").write(toFile: scratch.path("wide.hubsh"), atomically: true, encoding: .utf8)
        let result = try Self.run(["--sandbox", "run", scratch.path("wide.hubsh")], in: scratch)
        #expect(result.status == 2, "\(result.errors)")
        #expect(result.errors.hasPrefix("\(scratch.path("wide.hubsh")), \(message)"), "\(result.errors)")
        #expect(result.output.isEmpty, "line 1 did not run")
    }

    @Test func writesRunThroughTheBulkWriterAndSayWhatHappenedToEachInput() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let script = """
            create contacts email=new1@example.com firstname=Ann
            search contacts where email = new1@example.com | update lifecyclestage=customer
            search contacts where email = new1@example.com props lifecyclestage | select lifecyclestage
            search contacts where email = new1@example.com | set lifecyclestage=nosuchstage | update
            """
        try script.write(toFile: scratch.path("change.hubsh"), atomically: true, encoding: .utf8)
        // Searches right after the writes: the sandbox's search must not lag.
        let result = try Self.run(["run", scratch.path("change.hubsh"), "--sandbox", "--search-lag", "0", "--on-error", "continue"], in: scratch)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(result.output)\n\(result.errors)")
        #expect(lines.first?.contains("\"status\":\"created\"") == true)
        #expect(lines.dropFirst().first?.contains("\"status\":\"updated\"") == true)
        #expect(lines.dropFirst(2).first?.contains("\"lifecyclestage\":\"customer\"") == true)
        #expect(lines.last?.contains("\"status\":\"failed\"") == true)
        #expect(lines.last?.contains("'nosuchstage' is not one of its options") == true)
        #expect(result.status == 1, "the last statement failed")
        #expect(result.errors.contains("line 4: 1 of 1 inputs failed"))
    }

    @Test func savedActivitiesTakeWholePipelinesAndParameters() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let saved = try Self.run(["--sandbox", "-c", "activity add leads = search contacts where lifecyclestage = $stage | count"], in: scratch)
        #expect(saved.status == 0, "\(saved.errors)")
        let run = try Self.run(["--sandbox", "-c", "activity run leads stage=lead"], in: scratch)
        #expect(run.status == 0, "\(run.errors)")
        #expect(Int(run.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 > 0)
        let file = try String(contentsOfFile: scratch.path("config/hubsh/activities.json"), encoding: .utf8)
        #expect(file.contains("| count"))
    }

    /// Failed inputs land in the reject file as they were given, and pipe back into the same command.
    @Test func rejectsAreWrittenAndPipeBackIn() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let rejects = scratch.path("rejects.jsonl")
        // A value typed in PROP=VALUE is checked before anything runs; one set on piped records fails when written.
        let failed = try Self.run(["--sandbox", "-c", "search contacts sort email limit 3 | set lifecyclestage=nosuchstage | update --rejects \(rejects)"],
                                  in: scratch)
        #expect(failed.status == 1)
        let lines = try String(contentsOfFile: rejects, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.contains("\"lifecyclestage\":\"nosuchstage\"") && $0.contains("\"id\":\"") })
        let attributes = try FileManager.default.attributesOfItem(atPath: rejects)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600, "a reject file holds people's data")
        // A record that already was a lead says unchanged: every one is written, none fails.
        let retried = try Self.run(["--sandbox", "-c", "open \(rejects) | update contacts lifecyclestage=lead | where status != failed | count"], in: scratch)
        #expect(retried.status == 0, "\(retried.errors)")
        #expect(retried.output == "3\n")
        let clean = scratch.path("none.jsonl")
        _ = try Self.run(["--sandbox", "-c", "search contacts limit 2 | update lifecyclestage=lead --rejects \(clean)"], in: scratch)
        #expect(!FileManager.default.fileExists(atPath: clean), "no failure, no reject file")
    }

    @Test func dryRunSendsNothing() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let result = try Self.run(["--sandbox", "-c", "search contacts limit 2 | delete --dry-run; search contacts | count"], in: scratch)
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.prefix(2).allSatisfy { $0.contains("\"dryRun\":true") && $0.contains("\"operation\":\"archive\"") })
        #expect(lines.last == "2000")
    }

    @Test func statementsOnStandardInputRunAsAScript() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let result = try Self.run(["--sandbox"], input: "# companies\nsearch companies limit 2 |\n  count\n", in: scratch)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output == "2\n")
    }

    @Test func helpIsBuiltFromTheSignatures() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let result = try Self.run(["-c", "help upsert"], in: scratch)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.hasPrefix("upsert [OBJECT] [PROP=VALUE…] [--by PROP]"))
        #expect(result.output.contains("open new-leads.csv | upsert contacts --by email"))
    }
}

struct ShellFileTests {
    /// DESIGN.md's export and import lines, end to end: search to CSV in a file, then the file back
    /// through upsert.
    @Test func exportToCSVThenImportWithUpsert() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let csv = scratch.path("companies.csv")
        let export = try ShellCommandLineTests.run(["--sandbox", "-c", "search companies where domain exists props name,domain sort domain limit 5 | select domain,name | to csv > \(csv)"], in: scratch)
        #expect(export.status == 0, "\(export.errors)")
        let text = try String(contentsOfFile: csv, encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.first == "id,domain,name")
        #expect(lines.count == 6)
        try "email,firstname\nimport1@example.com,Ivy\nimport2@example.com,Joe\n".write(toFile: scratch.path("leads.csv"), atomically: true, encoding: .utf8)
        let upsert = try ShellCommandLineTests.run(["--sandbox", "-c", "open \(scratch.path("leads.csv")) | upsert contacts --by email lifecyclestage=lead | select status"], in: scratch)
        #expect(upsert.status == 0, "\(upsert.errors)")
        let statuses = upsert.output.split(separator: "\n")
        #expect(statuses.count == 2)
        #expect(statuses.allSatisfy { $0.contains("\"status\":\"created\"") })
    }
}
