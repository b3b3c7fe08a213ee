import Foundation
import Testing

/// Every command of `help`'s list, end to end: the real binary against the seeded in-process emulator
/// (`--sandbox`), each statement run both as `hubsh -c TEXT` and as `hubsh run FILE`, with the
/// standard output, standard error, exit status and written files it should give.
struct EveryCommandTests {
    /// How the statements reach hubsh.
    enum Mode: String, CaseIterable, Sendable, CustomTestStringConvertible {
        /// `hubsh --sandbox -c TEXT`
        case commandLine
        /// `hubsh --sandbox run FILE`, the same text in a `.hubsh` file
        case script

        var testDescription: String { rawValue }

        /// Messages as this mode gives them: a script's name the file before the line number.
        func placed(_ messages: String) -> String {
            guard self == .script else { return messages }
            return messages.replacing(#/(?m)^line /#, with: "\(EveryCommandTests.scriptName), line ")
        }
    }

    /// The file `run` reads in `.script` mode, in the working directory.
    static let scriptName = "statements.hubsh"

    /// What one line of standard output must be.
    enum Line: Sendable, CustomStringConvertible {
        /// The whole line.
        case exactly(String)
        /// Parts of the line, where it also holds ids or times that vary.
        case containing([String])

        func matches(_ line: String) -> Bool {
            switch self {
            case .exactly(let expected): line == expected
            case .containing(let parts): parts.allSatisfy { line.contains($0) }
            }
        }

        var description: String {
            switch self {
            case .exactly(let expected): expected
            case .containing(let parts): "a line holding \(parts)"
            }
        }
    }

    /// What standard error must be.
    enum Errors: Sendable {
        case empty
        case exactly(String)
        case containing([String])
    }

    /// What a file in the scratch directory must hold after the run.
    struct FileCheck: Sendable {
        /// The file's path inside the scratch directory.
        let name: String
        /// Its whole text, when it is stable.
        var exactly: String?
        var containing: [String] = []
        var lacking: [String] = []
    }

    /// One row of the table: statements and what they give.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        /// The statements (several lines or `;`-separated statements where a command needs setting up).
        let text: String
        /// Files written to the scratch directory before the run, by name.
        var files: [String: String] = [:]
        /// Environment variables added for the run.
        var environment: [String: String] = [:]
        /// hubsh options added after `--sandbox`.
        var options: [String] = []
        var status: Int32 = 0
        /// Standard output, line for line.
        var output: [Line]
        var errors: Errors = .empty
        var afterwards: [FileCheck] = []

        var testDescription: String { name }

        /// For a search right after a write: the sandbox's search lags writes as HubSpot's does, by default.
        static let searchAtOnce = ["--search-lag", "0"]
    }

    @Test(arguments: cases, Mode.allCases)
    func commandGivesItsExpectedOutput(_ example: Case, _ mode: Mode) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        for (name, text) in example.files {
            try text.write(toFile: scratch.path(name), atomically: true, encoding: .utf8)
        }
        let result = try run(example.text, mode, options: example.options, environment: example.environment, in: scratch)
        let transcript = "status \(result.status)\n--- stdout\n\(result.output)--- stderr\n\(result.errors)"

        #expect(result.status == example.status, "\(transcript)")
        let lines = outputLines(result.output)
        #expect(lines.count == example.output.count, "expected \(example.output.count) lines\n\(transcript)")
        for (number, (line, expected)) in zip(lines, example.output).enumerated() {
            #expect(expected.matches(line), "line \(number + 1) should be \(expected), is \(line)")
        }
        switch example.errors {
        case .empty:
            #expect(result.errors.isEmpty, "\(transcript)")
        case .exactly(let text):
            #expect(result.errors == mode.placed(text), "\(transcript)")
        case .containing(let parts):
            for part in parts.map(mode.placed) { #expect(result.errors.contains(part), "stderr should hold \(part)\n\(transcript)") }
        }
        for check in example.afterwards {
            let text = try String(contentsOfFile: scratch.path(check.name), encoding: .utf8)
            if let exactly = check.exactly { #expect(text == exactly, "\(check.name)") }
            for part in check.containing { #expect(text.contains(part), "\(check.name) should hold \(part):\n\(text)") }
            for part in check.lacking { #expect(!text.contains(part), "\(check.name) should not hold \(part):\n\(text)") }
        }
    }
}

/// Runs the statements with configuration and state kept in the scratch directory, which is also the
/// working directory (so relative file names in the statements land there).
private func run(_ text: String, _ mode: EveryCommandTests.Mode, options: [String], environment: [String: String],
                 in scratch: ScratchDirectory) throws -> (status: Int32, output: String, errors: String) {
    let arguments: [String]
    switch mode {
    case .commandLine:
        arguments = ["--sandbox"] + options + ["-c", text]
    case .script:
        try (text + "\n").write(toFile: scratch.path(EveryCommandTests.scriptName), atomically: true, encoding: .utf8)
        arguments = ["--sandbox"] + options + ["run", EveryCommandTests.scriptName]
    }
    let base = ["XDG_CONFIG_HOME": scratch.path("config"), "XDG_STATE_HOME": scratch.path("state"), "HUBSPOT_ACCESS_TOKEN": ""]
    return try Hubsh.run(arguments, environment: base.merging(environment) { _, new in new }, directory: scratch.url)
}

/// The lines of standard output, without the newline that ends the last.
private func outputLines(_ output: String) -> [String] {
    var lines = output.components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    return lines
}

// The demo account's facts used below: the first contacts by email are 10000002090
// (aaron.bennett@helixanalytics.net, a lead, at company 10000000202 Helix Analytics), 10000001741
// (aaron.foster@…) and 10000002330 (aaron.fox@canyonlogistics.com, Aaron Fox); there are 2000 contacts,
// 579 of them leads and 365 customers; 10000000270 is a company.
private let sandboxLine = #"{"name":"sandbox","current":true,"token":"pat-na1-****dbox","api":"v3","baseURL":"http://127.0.0.1:"#
private let firstTwoByEmail: [EveryCommandTests.Line] = [
    .exactly(#"{"id":"10000002090","email":"aaron.bennett@helixanalytics.net"}"#),
    .exactly(#"{"id":"10000001741","email":"aaron.foster@lakesidestudios.co"}"#),
]
private let notFound = "HubSpot answered 404 OBJECT_NOT_FOUND"

extension EveryCommandTests {
    static let cases: [Case] = connectionCases + discoveryCases + recordCases + activityCases + filterCases
        + inputOutputCases + sessionCases + failureCases + aggregateCases + historyCases + mergeCases + gdprCases

    // MARK: connections

    static let connectionCases: [Case] = [
        Case(name: "connection add, list and show keep an env: token as a reference and mask its value",
             text: """
                connection add prod --token env:HUBSH_E2E_TOKEN --api v4 --no-test
                connection list
                connection show prod
                """,
             environment: ["HUBSH_E2E_TOKEN": "pat-na1-e2e-secret-9876"],
             output: [
                .exactly(#"{"name":"prod","current":false,"token":"env:HUBSH_E2E_TOKEN","tokenValue":"pat-na1-****9876","api":"v4","baseURL":"https://api.hubapi.com","saved":true}"#),
                .containing([sandboxLine]),
                .exactly(#"{"name":"prod","current":false,"token":"env:HUBSH_E2E_TOKEN","tokenValue":"pat-na1-****9876","api":"v4","baseURL":"https://api.hubapi.com","saved":true}"#),
             ],
             afterwards: [FileCheck(name: "config/hubsh/connections.json",
                                    containing: [#""name": "prod""#, #""token": "env:HUBSH_E2E_TOKEN""#, #""api": "v4""#],
                                    lacking: ["e2e-secret"])]),
        Case(name: "connection test reports the sandbox account and what each activity may do",
             text: "connection test sandbox",
             output: [.containing([#"{"connection":"sandbox","portalId":46217395,"accountType":"STANDARD""#, #""api":"v3""#,
                                   #""lacking":[]"#, #"{"object":"deals","activity":"delete","needs":"crm.objects.deals.write","allowed":true}"#])]),
        Case(name: "connection use makes a connection current and saves that",
             text: """
                connection add local --token pat-na1-local-token --base-url http://127.0.0.1:9 --no-test
                connection use local
                connection show
                """,
             output: [.exactly(#"{"name":"local","current":true,"token":"pat-na1-****oken","api":"v3","baseURL":"http://127.0.0.1:9","saved":true}"#)],
             afterwards: [FileCheck(name: "config/hubsh/connections.json", containing: [#""current": "local""#])]),
        Case(name: "connection remove forgets a saved connection",
             text: "connection add local --token pat-na1-local-token --no-test; connection remove local; connection list",
             output: [.containing([sandboxLine])],
             afterwards: [FileCheck(name: "config/hubsh/connections.json", containing: [#""connections": []"#], lacking: ["local"])]),
    ]

    // MARK: discovery

    static let discoveryCases: [Case] = [
        Case(name: "objects lists the standard object types",
             text: "objects",
             output: [
                ("contacts", "0-1"), ("companies", "0-2"), ("deals", "0-3"), ("tickets", "0-5"), ("products", "0-7"),
                ("line_items", "0-8"), ("quotes", "0-14"), ("calls", "0-48"), ("emails", "0-49"), ("meetings", "0-47"),
                ("notes", "0-46"), ("tasks", "0-27"),
             ].map { .exactly(#"{"name":"\#($0.0)","objectTypeId":"\#($0.1)","custom":false}"#) }),
        Case(name: "props lists an object's properties",
             text: "props contacts | first 3",
             output: [
                .exactly(#"{"name":"email","label":"Email","type":"string","fieldType":"text","group":"contactinformation","readOnly":false,"unique":false}"#),
                .exactly(#"{"name":"firstname","label":"First Name","type":"string","fieldType":"text","group":"contactinformation","readOnly":false,"unique":false}"#),
                .exactly(#"{"name":"lastname","label":"Last Name","type":"string","fieldType":"text","group":"contactinformation","readOnly":false,"unique":false}"#),
             ]),
        Case(name: "describe shows one property with its options",
             text: "describe contacts lifecyclestage | select name,type,fieldType; describe contacts lifecyclestage",
             output: [
                .exactly(#"{"name":"lifecyclestage","type":"enumeration","fieldType":"radio"}"#),
                .containing([#""name":"lifecyclestage","label":"Lifecycle Stage""#, #"{"label":"Lead","value":"lead""#,
                             #"{"label":"Customer","value":"customer""#]),
             ]),
        Case(name: "owners lists the account's owners",
             text: "owners | select email,firstName | first 2; owners | count",
             output: [
                .exactly(#"{"email":"olivia.bennett@brightwave.io","firstName":"Olivia"}"#),
                .exactly(#"{"email":"marcus.chen@brightwave.io","firstName":"Marcus"}"#),
                .exactly("11"),
             ]),
        Case(name: "refresh fetches the object types and the properties kept again",
             text: "refresh contacts deals; refresh",
             output: [
                .exactly(#"{"schema":"contacts properties","count":50}"#),
                .exactly(#"{"schema":"deals properties","count":34}"#),
                .exactly(#"{"schema":"object types","count":12}"#),
                .exactly(#"{"schema":"contacts properties","count":50}"#),
                .exactly(#"{"schema":"deals properties","count":34}"#),
             ]),
        Case(name: "pipelines lists a pipeline with its stages",
             text: "pipelines tickets",
             output: [.exactly(#"{"id":"0","label":"Support Pipeline","stages":[{"id":"1","label":"New"},{"id":"2","label":"Waiting on contact"},{"id":"3","label":"Waiting on us"},{"id":"4","label":"Closed"}]}"#)]),
    ]

    // MARK: HubSpot activities

    static let recordCases: [Case] = [
        Case(name: "search filters, sorts, limits and counts",
             text: """
                search contacts where lifecyclestage = lead props email sort email limit 3 | select email
                search contacts where lifecyclestage = lead | count
                """,
             output: [
                .exactly(#"{"id":"10000002090","email":"aaron.bennett@helixanalytics.net"}"#),
                .exactly(#"{"id":"10000001589","email":"aaron.reyes@birchfreight.net"}"#),
                .exactly(#"{"id":"10000001498","email":"aaron.singh@willowcapital.net"}"#),
                .exactly("579"),
             ]),
        Case(name: "query is search",
             text: "query contacts props email sort email limit 2 | select email",
             output: firstTwoByEmail),
        Case(name: "get reads records by id and by a unique property",
             text: """
                get contacts 10000002330 props firstname,lastname | select firstname,lastname
                get contacts aaron.bennett@helixanalytics.net --by email props lifecyclestage | select lifecyclestage
                """,
             output: [
                .exactly(#"{"id":"10000002330","firstname":"Aaron","lastname":"Fox"}"#),
                .exactly(#"{"id":"10000002090","lifecyclestage":"lead"}"#),
             ]),
        Case(name: "create makes a record that get then reads back",
             text: """
                create contacts email=ann@example.com firstname=Ann
                create contacts email=bob@example.com firstname=Bob | get props email,firstname | select email,firstname
                search contacts where email = ann@example.com props firstname | select firstname
                """,
             options: Case.searchAtOnce,
             output: [
                .containing([#"{"status":"created","id":"1"#, #""email":"ann@example.com","firstname":"Ann""#]),
                .containing([#"{"id":"1"#, #""email":"bob@example.com","firstname":"Bob"}"#]),
                .containing([#"{"id":"1"#, #""firstname":"Ann"}"#]),
             ],
             errors: .exactly("line 3: warning: contacts were written just now (line 2); HubSpot's search may not show that for several seconds (`get` reads by id at once)\n")),
        Case(name: "update writes a property that reads back",
             text: "update contacts 10000002090 firstname=Erin; get contacts 10000002090 props firstname | select firstname",
             output: [
                .containing([#"{"status":"updated","id":"10000002090","properties":{"#, #""firstname":"Erin""#]),
                .exactly(#"{"id":"10000002090","firstname":"Erin"}"#),
             ]),
        Case(name: "upsert --by email updates a known email and creates a new one",
             text: """
                upsert contacts email=aaron.bennett@helixanalytics.net firstname=Ron --by email
                upsert contacts email=new@example.com firstname=Nu --by email
                get contacts aaron.bennett@helixanalytics.net new@example.com --by email props firstname | select email,firstname
                """,
             output: [
                .containing([#"{"status":"updated","id":"10000002090","#, #""firstname":"Ron""#]),
                .containing([#"{"status":"created","id":"1"#, #""email":"new@example.com","firstname":"Nu""#]),
                .exactly(#"{"id":"10000002090","email":"aaron.bennett@helixanalytics.net","firstname":"Ron"}"#),
                .containing([#""email":"new@example.com","firstname":"Nu"}"#]),
             ]),
        Case(name: "delete archives a record, which is then gone",
             text: "delete contacts 10000002090 --yes; search contacts | count; get contacts 10000002090",
             options: Case.searchAtOnce,
             status: 1,
             output: [.exactly(#"{"status":"archived","id":"10000002090"}"#), .exactly("1999")],
             errors: .exactly("line 1: warning: contacts were written just now (line 1); HubSpot's search may not show that for several seconds (`get` reads by id at once)\nget: no contacts record 10000002090\nline 1: 1 of 1 inputs failed\n")),
        Case(name: "delete of more than ten piped records does not ask outside a terminal",
             text: "search contacts sort email limit 11 | delete | count; search contacts | count",
             options: Case.searchAtOnce,
             output: [.exactly("11"), .exactly("1989")],
             errors: .exactly("line 1: warning: contacts were written just now (line 1); HubSpot's search may not show that for several seconds (`get` reads by id at once)\n")),
        Case(name: "associate links two records and associations lists the link",
             text: "associate contacts 10000002090 companies 10000000270; associations contacts 10000002090 companies",
             output: [
                .exactly(#"{"status":"associated","id":"10000002090","toId":"10000000270"}"#),
                .exactly(#"{"fromId":"10000002090","toId":"10000000202","labels":[],"types":[],"typeNames":["contact_to_company","contact_to_company_unlabeled"]}"#),
                .exactly(#"{"fromId":"10000002090","toId":"10000000270","labels":[],"types":[],"typeNames":["contact_to_company_unlabeled"]}"#),
             ]),
        Case(name: "associations of piped records feed get",
             text: "search contacts sort email limit 1 | associations companies | get props name,domain | select name,domain",
             output: [.exactly(#"{"id":"10000000202","name":"Helix Analytics","domain":"helixanalytics.net"}"#)]),
    ]

    // MARK: saved activities

    static let activityCases: [Case] = [
        Case(name: "limit and first take a variable, so a saved activity can be a top-N",
             text: """
                activity add top = search contacts props email sort email limit $n | select email
                activity run top n=2
                let k = 1
                search contacts props email sort email limit 5 | first $k | select email
                """,
             output: firstTwoByEmail + [firstTwoByEmail[0]]),
        Case(name: "a variable that is not a whole number is refused when the statement runs",
             text: "let n = many; search contacts limit $n",
             status: 1,
             output: [],
             errors: .containing(["line 1: 'limit' needs a whole number, not 'many'"])),
        Case(name: "activity add saves a pipeline that activity list and show describe",
             text: """
                activity add leads = search contacts where lifecyclestage = $stage | count
                activity list
                activity show leads
                """,
             output: [
                .exactly(#"{"name":"leads","pipeline":"search contacts where lifecyclestage = $stage | count","parameters":["stage"]}"#),
                .exactly(#"{"name":"leads","pipeline":"search contacts where lifecyclestage = $stage | count","parameters":["stage"]}"#),
             ],
             afterwards: [FileCheck(name: "config/hubsh/activities.json", containing: ["search contacts where lifecyclestage = $stage | count"])]),
        Case(name: "activity run gives the parameters and pipes on with the activity's object",
             text: """
                activity add leads = search contacts where lifecyclestage = $stage | count
                activity run leads stage=lead
                activity add stale = search deals where dealstage = appointmentscheduled and hs_lastmodifieddate < $cutoff
                let cutoff = 2025-06-01
                activity run stale | first 1 | delete --dry-run
                activity run stale | count
                """,
             output: [
                .exactly("579"),
                .containing([#"{"status":"would archive","dryRun":true,"operation":"archive","objectType":"deals","id":"10000002413""#]),
                .exactly("98"),
             ]),
        Case(name: "activity remove forgets an activity",
             text: "activity add leads = search contacts | count; activity remove leads; activity list",
             output: [],
             afterwards: [FileCheck(name: "config/hubsh/activities.json", containing: [#""activities": []"#])]),
    ]

    // MARK: local filters

    static let filterCases: [Case] = [
        Case(name: "where keeps the values that meet the conditions",
             text: """
                search contacts props email,lifecyclestage sort email limit 6 | where lifecyclestage in (lead, customer) | select email
                search contacts props email,lifecyclestage sort email limit 6 | where lifecyclestage = customer or email contains fox | select email
                """,
             output: [
                .exactly(#"{"id":"10000002090","email":"aaron.bennett@helixanalytics.net"}"#),
                .exactly(#"{"id":"10000001991","email":"aaron.moore@pacificventures.ai"}"#),
                .exactly(#"{"id":"10000002399","email":"aaron.novak@frontiersoftware.com"}"#),
                .exactly(#"{"id":"10000002330","email":"aaron.fox@canyonlogistics.com"}"#),
                .exactly(#"{"id":"10000001991","email":"aaron.moore@pacificventures.ai"}"#),
                .exactly(#"{"id":"10000002399","email":"aaron.novak@frontiersoftware.com"}"#),
             ]),
        Case(name: "select keeps a record's id and the named properties",
             text: "search contacts props email,firstname,lastname sort email limit 2 | select firstname,lastname",
             output: [
                .exactly(#"{"id":"10000002090","firstname":"Aaron","lastname":"Bennett"}"#),
                .exactly(#"{"id":"10000001741","firstname":"Aaron","lastname":"Foster"}"#),
             ]),
        Case(name: "sort orders numbers numerically with missing values last",
             text: "open numbers.csv | sort n desc; open numbers.csv | sort n",
             files: ["numbers.csv": "email,n\na@x.com,9\nb@x.com,10\nc@x.com,\n"],
             output: [
                .exactly(#"{"email":"b@x.com","n":"10"}"#), .exactly(#"{"email":"a@x.com","n":"9"}"#), .exactly(#"{"email":"c@x.com"}"#),
                .exactly(#"{"email":"a@x.com","n":"9"}"#), .exactly(#"{"email":"b@x.com","n":"10"}"#), .exactly(#"{"email":"c@x.com"}"#),
             ]),
        Case(name: "first keeps the first N values, one by default",
             text: "search contacts props email sort email limit 5 | first 2 | select email; search contacts props email sort email limit 5 | first | select email",
             output: firstTwoByEmail + [firstTwoByEmail[0]]),
        Case(name: "count counts the stream, an empty one too",
             text: "search contacts | count; open people.csv | count; open people.csv | where name = nobody | count",
             files: ["people.csv": "email,name\na@x.com,Ann\nb@x.com,Bob\na@x.com,Ann again\n"],
             output: [.exactly("2000"), .exactly("3"), .exactly("0")]),
        Case(name: "unique drops values whose field repeats",
             text: "open people.csv | unique email",
             files: ["people.csv": "email,name\na@x.com,Ann\nb@x.com,Bob\na@x.com,Ann again\n"],
             output: [.exactly(#"{"email":"a@x.com","name":"Ann"}"#), .exactly(#"{"email":"b@x.com","name":"Bob"}"#)]),
        Case(name: "set F=V sets fields on each value",
             text: "open people.csv | set source=import lifecyclestage=lead | first 2",
             files: ["people.csv": "email,name\na@x.com,Ann\nb@x.com,Bob\na@x.com,Ann again\n"],
             output: [
                .exactly(#"{"email":"a@x.com","name":"Ann","source":"import","lifecyclestage":"lead"}"#),
                .exactly(#"{"email":"b@x.com","name":"Bob","source":"import","lifecyclestage":"lead"}"#),
             ]),
        Case(name: "unique FIELD keeps the first value of each",
             text: "search contacts props lifecyclestage sort email limit 10 | unique lifecyclestage | select lifecyclestage",
             output: ["lead", "opportunity", "salesqualifiedlead", "customer", "marketingqualifiedlead", "subscriber"]
                .map { .containing([#""lifecyclestage":"\#($0)"}"#]) }),
        Case(name: "unique without a field drops repeated values",
             text: "open tags.jsonl | unique",
             files: ["tags.jsonl": "\"vip\"\n\"new\"\n\"vip\"\n"],
             output: [.exactly("vip"), .exactly("new")]),
        Case(name: "set F=V on records then update writes the new value and leaves read-only properties out",
             text: "search contacts props email sort email limit 1 | set lifecyclestage=customer | update; get contacts 10000002090 props lifecyclestage | select lifecyclestage",
             output: [.containing([#"{"status":"updated","id":"10000002090""#, #""lifecyclestage":"customer""#]),
                      .exactly(#"{"id":"10000002090","lifecyclestage":"customer"}"#)]),
    ]

    // MARK: input and output

    static let inputOutputCases: [Case] = [
        Case(name: "open reads a JSON Lines file",
             text: "open in.jsonl",
             files: ["in.jsonl": #"{"email":"a@x.com","n":1}"# + "\n" + #"{"email":"b@x.com","n":2}"# + "\n"],
             output: [.exactly(#"{"email":"a@x.com","n":1}"#), .exactly(#"{"email":"b@x.com","n":2}"#)]),
        Case(name: "open reads a CSV file, leaving empty cells out",
             text: "open in.csv",
             files: ["in.csv": "email,n\na@x.com,1\nb@x.com,\n\"c, d@x.com\",3\n"],
             output: [.exactly(#"{"email":"a@x.com","n":"1"}"#), .exactly(#"{"email":"b@x.com"}"#), .exactly(#"{"email":"c, d@x.com","n":"3"}"#)]),
        Case(name: "open takes the format when the extension does not tell it",
             text: "open in.txt --format jsonl | count; open in.json | count",
             files: ["in.txt": "{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n", "in.json": #"[{"a":1},{"a":2}]"#],
             output: [.exactly("3"), .exactly("2")]),
        Case(name: "to table aligns the values in columns",
             text: "search contacts props email sort email limit 2 | select email | to table",
             output: [
                .exactly("id           email"),
                .exactly("-----------  --------------------------------"),
                .exactly("10000002090  aaron.bennett@helixanalytics.net"),
                .exactly("10000001741  aaron.foster@lakesidestudios.co"),
             ]),
        Case(name: "to json prints one JSON array",
             text: "search contacts props email sort email limit 2 | select email | to json",
             output: [
                "[", "  {", #"    "id": "10000002090","#, #"    "email": "aaron.bennett@helixanalytics.net""#, "  },",
                "  {", #"    "id": "10000001741","#, #"    "email": "aaron.foster@lakesidestudios.co""#, "  }", "]",
             ].map { .exactly($0) }),
        Case(name: "> writes a file and >> appends to it, with to csv and to jsonl",
             text: """
                search contacts props email sort email limit 2 | select email | to csv > out.txt
                search contacts props email sort email limit 1 | count | to jsonl >> out.txt
                open out.txt --format csv | count
                """,
             output: [.exactly("3")],
             afterwards: [FileCheck(name: "out.txt", exactly: """
                id,email
                10000002090,aaron.bennett@helixanalytics.net
                10000001741,aaron.foster@lakesidestudios.co
                1

                """)]),
    ]

    // MARK: session

    static let sessionCases: [Case] = [
        Case(name: "let sets a variable for later statements",
             text: """
                let stage = customer
                search contacts where lifecyclestage = $stage | count
                let who = aaron.fox@canyonlogistics.com
                get contacts $who --by email props lastname | select lastname
                """,
             output: [.exactly("365"), .exactly(#"{"id":"10000002330","lastname":"Fox"}"#)]),
        Case(name: "set dry_run on sends nothing, as reading back shows",
             text: """
                set dry_run on
                update contacts 10000002090 firstname=Dry
                create contacts email=dry@example.com
                set dry_run off
                get contacts 10000002090 props firstname | select firstname
                search contacts where email = dry@example.com | count
                """,
             output: [
                .exactly(#"{"status":"would update","dryRun":true,"operation":"update","objectType":"contacts","id":"10000002090","properties":{"firstname":"Dry"},"changes":"firstname: Aaron → Dry","current":{"firstname":"Aaron"}}"#),
                .exactly(#"{"status":"would create","dryRun":true,"operation":"create","objectType":"contacts","properties":{"email":"dry@example.com"}}"#),
                .exactly(#"{"id":"10000002090","firstname":"Aaron"}"#),
                .exactly("0"),
             ]),
        Case(name: "set shows the session options",
             text: "set on_error continue; set concurrency 2; set",
             output: [.exactly(#"{"output":"auto","on_error":"continue","dry_run":"off","log":"warning","concurrency":2,"color":"on","expanded":"auto","pager":"on","journal":"on","journal_days":30}"#)]),
        Case(name: "set on_error continue goes on after a failed statement",
             text: "set on_error continue; update contacts 999 firstname=X; search contacts props email sort email limit 1 | select email",
             status: 1,
             output: [.containing([#"{"status":"failed","#, notFound]), firstTwoByEmail[0]],
             errors: .exactly("line 1: 1 of 1 inputs failed\n")),
        Case(name: "set output json prints JSON",
             text: "set output json; search contacts props email sort email limit 1 | select email",
             output: ["{", #"  "id": "10000002090","#, #"  "email": "aaron.bennett@helixanalytics.net""#, "}"].map { .exactly($0) }),
        Case(name: "set output csv prints CSV, a header per statement",
             text: "set output csv; search contacts props email sort email limit 2 | select email; count",
             output: ["id,email", "10000002090,aaron.bennett@helixanalytics.net", "10000001741,aaron.foster@lakesidestudios.co", "0"]
                .map { .exactly($0) }),
        Case(name: "source runs a script's statements in this session",
             text: "source setup.hubsh; get contacts $who --by email props lastname | select lastname; activity run fox",
             files: ["setup.hubsh": "# names used below\nlet who = aaron.fox@canyonlogistics.com\nactivity add fox = search contacts where email = $who | count\n"],
             output: [.exactly(#"{"id":"10000002330","lastname":"Fox"}"#), .exactly("1")]),
        Case(name: "history lists the statements, numbered",
             text: "let stage = lead\nsearch contacts where lifecyclestage = $stage | count; history",
             output: [
                .exactly("579"),
                .exactly(#"{"number":1,"statement":"let stage = lead"}"#),
                .exactly(#"{"number":2,"statement":"search contacts where lifecyclestage = $stage | count"}"#),
                .exactly(#"{"number":3,"statement":"history"}"#),
             ]),
        Case(name: "save writes the statements as a script, without history and save",
             text: "let stage = lead\nsearch contacts where lifecyclestage = $stage | count\nhistory\nsave saved.hubsh",
             output: [
                .exactly("579"),
                .exactly(#"{"number":1,"statement":"let stage = lead"}"#),
                .exactly(#"{"number":2,"statement":"search contacts where lifecyclestage = $stage | count"}"#),
                .exactly(#"{"number":3,"statement":"history"}"#),
             ],
             errors: .exactly("saved 2 statements to saved.hubsh\n"),
             afterwards: [FileCheck(name: "saved.hubsh", exactly: "let stage = lead\nsearch contacts where lifecyclestage = $stage | count\n")]),
        Case(name: "help explains one command",
             text: "help count; help connection add",
             output: [
                "count [by PROP,…]",
                "  Count the values of the stream, or the values per value of a property.",
                "  input → output: values → values",
                "  by PROP,…  count per value of this property, with labels for options (as group PROP)",
                "examples:",
                "  search contacts where lifecyclestage = lead | count",
                "      how many leads there are (one call to HubSpot)",
                "  search deals | count by dealstage",
                "      deals per stage, the largest first",
                "connection add NAME [--token TOKEN] [--api VERSION] [--base-url URL] [--no-test]",
                "  Save a connection: a private-app token and an API version.",
                "  input → output: nothing → nothing",
                "  NAME            a name for the connection",
                "  --token TOKEN   the private-app access token, or env:VAR to read it from the environment when used",
                "  --api VERSION   the HubSpot API version (default v3)",
                "  --base-url URL  where HubSpot is (default https://api.hubapi.com)",
                "  --no-test       save without calling HubSpot (by default the token, account and API version are tested)",
                "examples:",
                "  connection add prod --token env:HUBSPOT_ACCESS_TOKEN --api v4 --no-test",
                "      saves prod without calling HubSpot yet; the token stays in the environment",
                "  connection add local --token pat-na1-sandbox --base-url http://127.0.0.1:4010",
                "      a sandbox on this machine",
             ].map { .exactly($0) }),
        Case(name: "exit ends the statements there",
             text: "search contacts props email sort email limit 1 | select email\nexit\ncreate contacts email=after-exit@example.com\nsearch contacts | count",
             output: [firstTwoByEmail[0]]),
        Case(name: "quit is exit",
             text: "quit; search contacts | count",
             output: []),
    ]

    // MARK: failures

    static let failureCases: [Case] = [
        Case(name: "a typo'd command is a usage error with a caret and a suggestion",
             text: "serch contacts",
             status: 2,
             output: [],
             errors: .exactly("line 1: unknown command 'serch'\n  serch contacts\n  ^^^^^ did you mean 'search'?\n")),
        Case(name: "a typo on line 2 stops the script before line 1 runs",
             text: "create contacts email=early@example.com\nselct email",
             status: 2,
             output: [],
             errors: .containing(["line 2: unknown command 'selct'", "^^^^^ did you mean 'select'?"])),
        Case(name: "a pipe into a command that reads nothing from it stops the script before line 1 runs",
             text: "create contacts email=early@example.com\nsearch contacts limit 1 | objects",
             status: 2,
             output: [],
             errors: .exactly("line 2: objects reads nothing from the pipe: what search yields would be lost\n  search contacts limit 1 | objects\n                         ^^^\n")),
        Case(name: "history of a misspelt object type is refused by the form it is written in, before line 1 runs",
             text: "create contacts email=early@example.com\nhistory contactz 10000002090 email",
             status: 2,
             output: [],
             errors: .containing(["line 2: no object type contactz in this account", "^^^^^^^^ did you mean 'contacts'?"])),
        Case(name: "get of a missing id prints nothing, says so, and fails",
             text: "get contacts 999",
             status: 1,
             output: [],
             errors: .exactly("get: no contacts record 999\nline 1: 1 of 1 inputs failed\n")),
        Case(name: "a write that partly fails stops the script with status 3",
             text: "open ids.jsonl | update contacts; search contacts | count",
             files: ["ids.jsonl": #"{"id":"10000002090","firstname":"Zed"}"# + "\n" + #"{"id":"999","firstname":"Zed"}"# + "\n"],
             status: 3,
             output: [
                .containing([#"{"status":"updated","id":"10000002090","#, #""firstname":"Zed""#]),
                .containing([#"{"status":"failed","id":"999","#, notFound]),
             ],
             errors: .exactly("line 1: 1 of 2 inputs failed\n")),
        Case(name: "a write that fails stops the script with status 1",
             text: "update contacts 999 firstname=X; search contacts | count",
             status: 1,
             output: [.containing([#"{"status":"failed","#, notFound])],
             errors: .exactly("line 1: 1 of 1 inputs failed\n")),
        Case(name: "describe of a missing property is refused before anything runs",
             text: "objects\ndescribe contacts nosuchprop",
             status: 2,
             output: [],
             errors: .containing(["line 2: contacts has no property nosuchprop", "^^^^^^^^^^"])),
        Case(name: "a bad option value names the choices",
             text: "set output yaml",
             status: 2,
             output: [],
             errors: .containing(["line 1: output takes auto, table, json, jsonl, csv, not 'yaml'"])),
        Case(name: "open of a missing file says so",
             text: "open missing.csv",
             status: 1,
             output: [],
             errors: .containing(["line 1: open: no such file missing.csv"])),
        Case(name: "activity run of an unknown activity says how to add one",
             text: "activity run nosuch",
             status: 1,
             output: [],
             errors: .containing(["line 1: no activity named nosuch", "activity add nosuch = PIPELINE"])),
    ]
}
