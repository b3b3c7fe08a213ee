import HubSpotAPI
import HubSpotSandbox
import HubshShell
import JSONValue
import NIOConcurrencyHelpers
import Testing

/// Values people type, against a sandbox: refused before anything runs, labels that find records,
/// days in the account's zone, and owners and pipelines read from the schema cache.
struct TypedValueTests {
    static func connect(_ shell: TestShell, to sandbox: ShellSandbox) async {
        _ = await shell.run("connection add sb --token \(SandboxConfiguration.defaultToken) --base-url \(sandbox.baseURL) --no-test")
    }

    static func text(_ run: ShellRun) -> String { run.messages.joined(separator: "\n") }

    @Test(arguments: [
        ("search contacts where lifecyclestage = leed", "lifecyclestage has no value 'leed'", "^^^^ did you mean 'lead'?"),
        ("search deals where amount > abc", "'abc' is not a number", "^^^"),
        ("search deals where createdate >= 2025-13-45", "'2025-13-45' is not a date", "^^^^^^^^^^"),
        ("create contacts email=b@example.com lifecyclestage=leed", "lifecyclestage has no value 'leed'", "^^^^ did you mean 'lead'?"),
        ("search tickets where hs_pipeline_stage = Clsed", "hs_pipeline_stage has no stage 'Clsed'", "^^^^^ did you mean 'Closed'?"),
        ("search deals where hubspot_owner_id = nobody@example.com", "no owner 'nobody@example.com' in this account", "^^^^^^^^^^^^^^^^^^"),
    ])
    func aWrongValueStopsTheScriptBeforeAnythingRuns(statement: String, message: String, carets: String) async throws {
        try await ShellSandbox.with(configure: { $0.tier = .unlimited }) { sandbox in
            let shell = try TestShell()
            await Self.connect(shell, to: sandbox)
            let run = await shell.run("create contacts email=first@example.com\n\(statement)")
            #expect(run.outcome == .usage)
            #expect(Self.text(run).contains("line 2: \(message)"), "\(run.messages)")
            #expect(Self.text(run).contains(carets), "\(run.messages)")
            let count = await shell.run("search contacts | count")
            #expect(count.values == [0], "the first statement did not run")
        }
    }

    @Test func labelsFindTheRecordsTheirValuesHold() async throws {
        try await ShellSandbox.with(configure: { $0.tier = .unlimited }) { sandbox in
            let shell = try TestShell()
            await Self.connect(shell, to: sandbox)
            let made = await shell.run("""
                create contacts email=a@example.com lifecyclestage="Marketing Qualified Lead" hubspot_owner_id=olivia.bennett@brightwave.io
                create contacts email=b@example.com lifecyclestage=Lead
                create deals dealname=won dealstage="Closed Won"
                create deals dealname=lost pipeline="Sales Pipeline" dealstage="closed lost"
                create tickets subject=done hs_pipeline=0 hs_pipeline_stage=Closed
                create tickets subject=new hs_pipeline="Support Pipeline" hs_pipeline_stage=New
                """)
            #expect(made.outcome == .success, "\(made.messages)")
            #expect(made.values.first?["properties"]?["lifecyclestage"] == "marketingqualifiedlead")
            #expect(made.values.first?["properties"]?["hubspot_owner_id"] == "41629779", "an owner is named by e-mail")
            let cases: [(String, [String])] = [
                ("search contacts where lifecyclestage = \"Marketing Qualified Lead\"", ["a@example.com"]),
                ("search contacts where lifecyclestage = LEAD", ["b@example.com"]),
                ("search contacts where lifecyclestage in (lead, \"marketing qualified lead\")", ["a@example.com", "b@example.com"]),
                ("search contacts where hubspot_owner_id = Olivia.Bennett@brightwave.io", ["a@example.com"]),
                ("search deals where dealstage = \"Closed Won\"", ["won"]),
                ("search deals where pipeline = \"Sales Pipeline\" and dealstage = \"Closed lost\"", ["lost"]),
                ("search tickets where hs_pipeline_stage = Closed", ["done"]),
                ("search tickets where hs_pipeline_stage = new", ["new"]),
            ]
            for (statement, expected) in cases {
                let run = await shell.run(statement)
                #expect(run.outcome == .success, "\(statement): \(run.messages)")
                let found = run.values.compactMap { $0["properties"]?["email"]?.stringValue ?? $0["properties"]?["dealname"]?.stringValue
                    ?? $0["properties"]?["subject"]?.stringValue }
                #expect(found.sorted() == expected, "\(statement)")
            }
        }
    }

    @Test func aTicketStageLabelTwoPipelinesShareNeedsThePipeline() async throws {
        try await ShellSandbox.with(configure: { $0.tier = .unlimited }) { sandbox in
            let shell = try TestShell()
            await Self.connect(shell, to: sandbox)
            let client = try await shell.connections.client("sb")
            let billing = try await client.createPipeline("tickets", [
                "label": "Billing", "displayOrder": 1,
                "stages": [["label": "Open", "displayOrder": 0, "metadata": ["ticketState": "OPEN"]],
                           ["label": "Closed", "displayOrder": 1, "metadata": ["ticketState": "CLOSED"]]],
            ])
            let closed = billing.stages.first { $0.label == "Closed" }?.id ?? ""
            let ambiguous = await shell.run("search tickets where hs_pipeline_stage = Closed")
            #expect(ambiguous.outcome == .usage)
            #expect(Self.text(ambiguous).contains("'Closed' is a stage of several tickets pipelines: 4 (Support Pipeline), \(closed) (Billing)"),
                    "\(ambiguous.messages)")
            let made = await shell.run("create tickets subject=invoice hs_pipeline=Billing hs_pipeline_stage=Closed")
            #expect(made.values.first?["properties"]?["hs_pipeline_stage"] == .string(closed), "\(made.messages)")
            let found = await shell.run("search tickets where hs_pipeline = Billing and hs_pipeline_stage = closed | count")
            #expect(found.values == [1], "\(found.messages)")
        }
    }

    @Test func aDayIsTheWholeDayInTheAccountsTimeZone() async throws {
        try await ShellSandbox.with(configure: { $0.tier = .unlimited }) { sandbox in
            let shell = try TestShell()
            await Self.connect(shell, to: sandbox)
            // The sandbox's account is in US/Eastern (UTC-5 in March): 2024-03-03 runs 05:00Z to 04:59:59.999Z.
            let made = await shell.run("""
                create deals dealname=noon dealstage=closedwon closedate=2024-03-03T12:00:00Z
                create deals dealname=evening dealstage=closedwon closedate=2024-03-04T03:00:00Z
                create deals dealname=before dealstage=closedwon closedate=2024-03-03T02:00:00Z
                create deals dealname=after dealstage=closedwon closedate=2024-03-04T06:00:00Z
                create deals dealname=typed dealstage=closedwon closedate=2024-03-03
                """)
            #expect(made.outcome == .success, "\(made.messages) \(made.values)")
            let cases: [(String, [String])] = [
                ("closedate = 2024-03-03", ["evening", "noon", "typed"]),
                ("closedate > 2024-03-03", ["after"]),
                ("closedate >= 2024-03-03", ["after", "evening", "noon", "typed"]),
                ("closedate < 2024-03-03", ["before"]),
                ("closedate <= 2024-03-03", ["before", "evening", "noon", "typed"]),
                ("closedate != 2024-03-03", ["after", "before"]),
                ("closedate between 2024-03-02 and 2024-03-03", ["before", "evening", "noon", "typed"]),
                ("closedate in (2024-03-02, 2024-03-04)", ["after", "before"]),
            ]
            for (condition, expected) in cases {
                let run = await shell.run("search deals where \(condition)")
                #expect(run.outcome == .success, "\(condition): \(run.messages)")
                #expect(run.values.compactMap { $0["properties"]?["dealname"]?.stringValue }.sorted() == expected, "\(condition)")
            }
            let described = await shell.run("describe deals closedate")
            #expect(described.values.first?["timeZone"] == "US/Eastern")
        }
    }

    @Test func ownersAndPipelinesAreReadOnceFromTheCacheNotPerValue() async throws {
        try await ShellSandbox.with(configure: { $0.tier = .unlimited }) { sandbox in
            let paths = NIOLockedValueBox<[String]>([])
            let shell = try TestShell(makeClient: TestShell.clients(over: RecordingTransport(paths: paths)))
            await Self.connect(shell, to: sandbox)
            let emails = ["olivia.bennett@brightwave.io", "Olivia.Bennett@brightwave.io", "OLIVIA.BENNETT@BRIGHTWAVE.IO"]
            let run = await shell.run("""
                search deals where hubspot_owner_id in (\(emails.joined(separator: ", "))) and dealstage in ("Closed won", "closed lost")
                search deals where hubspot_owner_id = olivia.bennett@brightwave.io and closedate = 2024-03-03 and dealstage = "Closed won"
                search tickets where hs_pipeline_stage = Closed or hs_pipeline_stage = New
                """)
            #expect(run.outcome == .success, "\(run.messages)")
            let sent = paths.withLockedValue { $0 }
            #expect(sent.filter { $0.contains("/owners") }.count == 1, "\(sent)")
            #expect(sent.filter { $0.contains("/pipelines/deals") }.count == 1, "\(sent)")
            #expect(sent.filter { $0.contains("/pipelines/tickets") }.count == 1, "\(sent)")
            #expect(sent.filter { $0.contains("/details") }.count == 1, "\(sent)")
        }
    }

    @Test func aVariableIsCheckedAndMappedWhenItsStatementRuns() async throws {
        try await ShellSandbox.with(configure: { $0.tier = .unlimited }) { sandbox in
            let shell = try TestShell()
            await Self.connect(shell, to: sandbox)
            let run = await shell.run("create contacts email=a@example.com lifecyclestage=lead\nlet stage = Lead\nsearch contacts where lifecyclestage = $stage | count")
            #expect(run.values.last == 1, "\(run.messages)")
            let wrong = await shell.run("let stage = leed\nsearch contacts where lifecyclestage = $stage")
            #expect(wrong.outcome == .failure)
            #expect(Self.text(wrong).contains("line 2: lifecyclestage has no value 'leed'"), "\(wrong.messages)")
        }
    }

    @Test func completionOffersLabelsThatSayMoreThanTheirValuesAndOwnersEMails() async throws {
        try await ShellSandbox.with(configure: { $0.tier = .unlimited }) { sandbox in
            let shell = try TestShell()
            await Self.connect(shell, to: sandbox)
            let snapshot = await shell.context.completionSnapshot(loadingPropertiesOf: ["tickets", "contacts"])
            let stages = snapshot.options["tickets"]?["hs_pipeline_stage"] ?? []
            #expect(["1", "4", "New", "Closed", "\"Waiting on us\""].allSatisfy(stages.contains), "\(stages)")
            let lifecycle = snapshot.options["contacts"]?["lifecyclestage"] ?? []
            #expect(lifecycle.contains("marketingqualifiedlead") && !lifecycle.contains("\"Marketing Qualified Lead\""),
                    "a label that says what its value says is not offered twice: \(lifecycle)")
            #expect(snapshot.options["contacts"]?["hubspot_owner_id"]?.contains("olivia.bennett@brightwave.io") == true)
            let line = "search tickets where hs_pipeline_stage = \"Wai"
            let (candidates, _) = Completer(snapshot: snapshot).complete(line, cursor: line.unicodeScalars.count)
            #expect(candidates == ["\"Waiting on contact\"", "\"Waiting on us\""])
            let owner = "update contacts 1 hubspot_owner_id=oli"
            #expect(Completer(snapshot: snapshot).complete(owner, cursor: owner.unicodeScalars.count).candidates
                == ["hubspot_owner_id=olivia.bennett@brightwave.io"])
        }
    }

    @Test func aContainsThatFindsNothingHintsAtWholeWords() async throws {
        try await ShellSandbox.with(configure: { $0.tier = .unlimited }) { sandbox in
            let shell = try TestShell()
            await Self.connect(shell, to: sandbox)
            _ = await shell.run("create companies name=\"Brightwave Technologies\"")
            let partial = await shell.run("search companies where name contains tech | count")
            #expect(partial.values == [0])
            #expect(partial.messages.contains("line 1: hint: HubSpot's contains matches whole words; for words starting with tech write "
                    + "name contains tech*, for any part of the text filter here: | where name contains tech"), "\(partial.messages)")
            let whole = await shell.run("search companies where name contains technologies | count")
            #expect(whole.values == [1])
            #expect(!Self.text(whole).contains("hint:"), "a search that finds something needs no hint")
            let wildcard = await shell.run("search companies where name contains tech* | count")
            #expect(wildcard.values == [1])
            let local = await shell.run("search companies | where name contains tech | count")
            #expect(local.values == [1], "the local where matches any part of the text")
        }
    }
}

/// Sends every request to the sandbox and notes its path.
struct RecordingTransport: HubSpotTransport {
    let paths: NIOLockedValueBox<[String]>
    let inner = HTTPClientTransport(timeout: .seconds(5))

    func send(_ request: HubSpotRequest, baseURL: String) async throws(HubSpotAPIError) -> HubSpotResponse {
        paths.withLockedValue { $0.append(request.path) }
        return try await inner.send(request, baseURL: baseURL)
    }
}
