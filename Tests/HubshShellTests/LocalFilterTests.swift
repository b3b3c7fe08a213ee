import HubshLanguage
import HubshShell
import JSONValue
import Testing

/// Values for the local filters: HubSpot records, one with an empty email, and a flat object with numbers.
enum LocalData {
    static let values: [JSONValue] = [
        ["id": "1", "properties": ["name": "Ann", "amount": "1500", "closedate": "2025-03-01", "email": "ann@acme.com", "stage": "lead"]],
        ["id": "2", "properties": ["name": "bob", "amount": "200", "closedate": "2025-07-15T10:00:00Z", "email": "bob@other.org", "stage": "Customer"]],
        ["id": "3", "properties": ["name": "Cy", "amount": "30000", "email": "", "stage": "lead"]],
        ["id": "4", "name": "dee", "amount": 99.5, "stage": "opportunity", "email": nil],
    ]

    /// A JSON Lines file of ``values`` in `folder`, for `open`.
    static func file(in folder: ScratchFolder) throws -> String {
        try folder.file("local.jsonl", values.map(\.jsonString).joined(separator: "\n"))
    }

    static func ids(_ values: [JSONValue]) -> [String] { values.compactMap { $0["id"]?.stringValue } }

    /// Runs `where CONDITIONS` over ``values``, its clause bound from the command's own arguments.
    static func filter(_ conditions: String, session: Session = Session(), environment: [String: String] = [:]) async throws -> [String] {
        let text = "where " + conditions
        guard let command = Parser.parse(text).script?.statements.first?.commands.first else { throw Diagnostic("no parse", at: .at(0)) }
        let registry = BuiltinCommands.registry
        let (type, _) = try registry.resolveType(command)
        let bound = try Binder(registry: registry).bind(command)
        let context = ShellContext(registry: registry, session: session, environment: environment, isInteractive: false) { _ in }
        var kept: [JSONValue] = []
        for try await value in try await type.init(bound).run(ValueStream(values), in: context) { kept.append(value) }
        return ids(kept)
    }
}

struct LocalFilterTests {
    @Test(arguments: [
        ("amount > 1000", ["1", "3"]),
        ("amount < 1000", ["2", "4"]),
        ("amount >= 1500", ["1", "3"]),
        ("amount <= 200", ["2", "4"]),
        ("amount = 1500.0", ["1"]),
        ("amount != 200", ["1", "3", "4"]),
        ("name = ANN", ["1"]),
        ("name > b", ["2", "3", "4"]),
        ("closedate >= 2025-07-01", ["2"]),
        ("closedate < 2025-07-15", ["1"]),
        ("closedate != 2025-03-01", ["2", "3", "4"]),
        ("stage in (lead, customer)", ["1", "2", "3"]),
        ("stage not in (LEAD)", ["2", "4"]),
        ("amount between 200 and 1500", ["1", "2"]),
        ("email contains ACME", ["1"]),
        ("email contains '*@*.org'", ["2"]),
        ("email not contains acme", ["2", "3", "4"]),
        ("email exists", ["1", "2"]),
        ("email not exists", ["3", "4"]),
        ("nothing = x", []),
        ("stage = lead and amount > 10000", ["3"]),
        ("stage = customer or amount < 100", ["2", "4"]),
        ("(stage = lead or stage = customer) and name != cy", ["1", "2"]),
        ("id = 4", ["4"]),
        ("email=ann@acme.com", ["1"]),
    ])
    func whereTestsEveryOperator(conditions: String, ids: [String]) async throws {
        #expect(try await LocalData.filter(conditions) == ids)
    }

    @Test func whereResolvesVariablesAndEnvironmentValues() async throws {
        let session = Session()
        await session.setVariable("stage", "lead")
        await session.setVariable("stages", ["customer", "opportunity"])
        #expect(try await LocalData.filter("stage = $stage", session: session) == ["1", "3"])
        #expect(try await LocalData.filter("stage in ($stages)", session: session) == ["2", "4"])
        #expect(try await LocalData.filter("amount > env:MIN", environment: ["MIN": "1000"]) == ["1", "3"])
        await #expect(throws: Diagnostic.self) { try await LocalData.filter("stage = $nope", session: session) }
    }

    @Test func whereRunsInAPipeline() async throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let run = await ShellRun.run("open '\(try LocalData.file(in: folder))' | where amount > 1000 and email exists | count")
        #expect(run.messages.isEmpty, "\(run.messages)")
        #expect(run.values == [1])
    }

    @Test(arguments: [
        ("sort amount", ["4", "2", "1", "3"]),
        ("sort amount desc", ["3", "1", "2", "4"]),
        ("sort closedate", ["1", "2", "3", "4"]),
        ("sort closedate desc", ["2", "1", "3", "4"]),
        ("sort name", ["1", "2", "3", "4"]),
        ("sort name DESC", ["4", "3", "2", "1"]),
        ("sort stage", ["2", "1", "3", "4"]),
    ])
    func sortOrdersNumbersNumericallyAndMissingLast(command: String, ids: [String]) async throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let run = await ShellRun.run("open '\(try LocalData.file(in: folder))' | \(command)")
        #expect(run.messages.isEmpty, "\(run.messages)")
        #expect(LocalData.ids(run.values) == ids)
    }

    @Test func sortRefusesAnUnknownDirection() async {
        let run = await ShellRun.run("records 2 | sort email dsc")
        #expect(run.outcome == .usage)
        #expect(run.messages.joined().contains("sort direction is asc or desc, not dsc"))
        #expect(run.messages.joined().contains("did you mean 'desc'?"))
    }

    @Test func uniqueKeepsTheFirstOfEachValueOrField() async throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let byStage = await ShellRun.run("open '\(try LocalData.file(in: folder))' | unique stage")
        #expect(LocalData.ids(byStage.values) == ["1", "2", "4"])
        let byEmail = await ShellRun.run("open '\(try LocalData.file(in: folder))' | unique email")
        #expect(LocalData.ids(byEmail.values) == ["1", "2", "3"], "an empty and a null email share the key 'no value'")
        let file = try folder.file("dup.jsonl", "1\n2\n1\n\"a\"\n\"a\"\n{\"x\":1}\n{\"x\":1}\n{\"x\":2}")
        let whole = await ShellRun.run("open '\(file)' | unique")
        #expect(whole.values == [1, 2, "a", ["x": 1], ["x": 2]])
        let many = await ShellRun.run("records 5000 | unique firstname | count")
        #expect(many.values == [1])
    }

    @Test func setChangesPropertiesOfRecordsAndFieldsOfObjects() async throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let run = await ShellRun.run("let who = 'Ann Lee'\nrecords 2 | set lifecyclestage=customer firstname=$who | select firstname,lifecyclestage,email")
        #expect(run.messages.isEmpty, "\(run.messages)")
        #expect(run.values == [
            ["id": "1", "firstname": "Ann Lee", "lifecyclestage": "customer", "email": "r1@example.com"],
            ["id": "2", "firstname": "Ann Lee", "lifecyclestage": "customer", "email": "r2@example.com"],
        ])
        let flat = await ShellRun.run("open '\(try folder.file("f.jsonl", "{\"a\":1}"))' | set a=2 b= c=$n", session: {
            let session = Session()
            await session.setVariable("n", 5)
            return session
        }())
        #expect(flat.values == [["a": "2", "b": "", "c": 5]])
        let numbers = await ShellRun.run("count | set a=1")
        #expect(numbers.outcome == .failure)
        #expect(numbers.messages.joined().contains("set FIELD=VALUE works on records and objects, not on 0"))
    }

    @Test func setChangesSessionOptions() async throws {
        let session = Session()
        let run = await ShellRun.run("set output csv; set on_error continue; set dry-run on; set log debug; set concurrency 8; set color off", session: session)
        #expect(run.outcome == .success, "\(run.messages)")
        let settings = await session.settings
        #expect(settings.output == .csv && settings.onError == .continue && settings.dryRun)
        #expect(settings.logLevel == "debug" && settings.concurrency == 8 && !settings.color)
        let shown = await ShellRun.run("set", session: session)
        #expect(shown.values == [["output": "csv", "on_error": "continue", "dry_run": "on", "log": "debug", "concurrency": 8, "color": "off", "expanded": "auto", "pager": "on", "journal": "on", "journal_days": 30]])
        _ = await ShellRun.run("set output auto; set concurrency auto", session: session)
        #expect(await session.settings.output == nil)
        #expect(await session.settings.concurrency == nil)
        #expect(await ShellRun.run("set", session: session).values.first?["concurrency"] == "auto")
    }

    @Test(arguments: [
        ("set outptu json", "unknown option 'outptu'", "did you mean 'output'?"),
        ("set output xml", "output takes auto, table, json, jsonl, csv, not 'xml'", nil),
        ("set output jsnl", "output takes auto, table, json, jsonl, csv, not 'jsnl'", "did you mean 'jsonl'?"),
        ("set concurrency 65", "concurrency takes auto or a whole number from 1 to 64, not '65'", nil),
        ("set concurrency autp", "concurrency takes auto or a whole number from 1 to 64, not 'autp'", "did you mean 'auto'?"),
        ("set concurrency", "set concurrency needs a value: auto or a whole number from 1 to 64", nil),
        ("set dry_run maybe", "dry_run takes on, off, not 'maybe'", nil),
        ("set log verbose", "log takes error, warning, info, debug, trace, not 'verbose'", nil),
        ("set output json a=1", "set takes FIELD=VALUE … or OPTION VALUE, not both", nil),
    ] as [(String, String, String?)])
    func setRefusesBadOptionsBeforeRunning(text: String, message: String, suggestion: String?) async {
        let run = await ShellRun.run(text)
        #expect(run.outcome == .usage)
        #expect(run.messages.joined().contains(message), "\(run.messages)")
        if let suggestion { #expect(run.messages.joined().contains(suggestion), "\(run.messages)") }
    }

    @Test func setChecksAVariableValueWhenItRuns() async {
        let session = Session()
        let run = await ShellRun.run("let f = xml\nset output $f", session: session)
        #expect(run.outcome == .failure)
        #expect(run.messages.joined().contains("output takes auto, table, json, jsonl, csv, not 'xml'"))
        #expect(await session.settings.output == nil)
    }
}
