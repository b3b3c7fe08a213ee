import HubshLanguage
import Testing

struct ParserTests {
    /// Every line of DESIGN.md's "What a user does" typed at the prompt, and the `-c` text.
    @Test(arguments: [
        ("objects", "objects:"),
        ("search contacts where lifecyclestage = lead and createdate >= 2025-01-01 props email,firstname sort createdate desc limit 20",
         "search: w(contacts) w(where) w(lifecyclestage) = w(lead) w(and) w(createdate) >= w(2025-01-01) w(props) w(email,firstname) w(sort) w(createdate) w(desc) w(limit) n(20)"),
        ("search contacts where email contains acme.com | update lifecyclestage=customer",
         "search: w(contacts) w(where) w(email) w(contains) w(acme.com) | update: a(lifecyclestage=w(customer))"),
        ("open new-leads.csv | upsert contacts --by email",
         "open: w(new-leads.csv) | upsert: w(contacts) o(by) w(email)"),
        ("activity add stale = search deals where dealstage = appointmentscheduled and hs_lastmodifieddate < $cutoff",
         "activity: w(add) w(stale) = w(search) w(deals) w(where) w(dealstage) = w(appointmentscheduled) w(and) w(hs_lastmodifieddate) < v($cutoff)"),
        ("let cutoff = 2025-06-01", "let: w(cutoff) = w(2025-06-01)"),
        ("activity run stale | delete --dry-run", "activity: w(run) w(stale) | delete: o(dry-run)"),
        ("connection add prod --token env:HUBSPOT_ACCESS_TOKEN --api v4",
         "connection: w(add) w(prod) o(token) e(HUBSPOT_ACCESS_TOKEN) o(api) w(v4)"),
        ("connection test prod", "connection: w(test) w(prod)"),
        ("search companies where domain exists | to csv", "search: w(companies) w(where) w(domain) w(exists) | to: w(csv)"),
    ])
    func parsesEveryLineOfTheDesign(_ text: String, _ expected: String) {
        #expect(Dump.parse(text) == expected)
    }

    @Test(arguments: [
        // redirection, and `>` as a comparison inside `where`
        ("search contacts > out.json", "search: w(contacts) > w(out.json)"),
        ("search contacts >> \"my file.jsonl\"", "search: w(contacts) >> s(my file.jsonl)"),
        ("search contacts > $file", "search: w(contacts) > v($file)"),
        ("search deals where amount > 100", "search: w(deals) w(where) w(amount) > n(100)"),
        ("search deals where amount > 100 > big.json", "search: w(deals) w(where) w(amount) > n(100) > w(big.json)"),
        ("search deals where amount>100>big.json", "search: w(deals) w(where) w(amount) > n(100) > w(big.json)"),
        ("search deals where a = 1 and b > 2 or c>3 >> f", "search: w(deals) w(where) w(a) = n(1) w(and) w(b) > n(2) w(or) w(c) > n(3) >> w(f)"),
        ("search deals where a between 1 and 5 > f", "search: w(deals) w(where) w(a) w(between) n(1) w(and) n(5) > w(f)"),
        ("search deals where a exists > f", "search: w(deals) w(where) w(a) w(exists) > w(f)"),
        ("search deals where a in (1, 2) > f", "search: w(deals) w(where) w(a) w(in) ( n(1) , n(2) ) > w(f)"),
        ("search deals where (a > 1 or b > 2) > f", "search: w(deals) w(where) ( w(a) > n(1) w(or) w(b) > n(2) ) > w(f)"),
        ("search deals where a = 1 props amount > f", "search: w(deals) w(where) w(a) = n(1) w(props) w(amount) > w(f)"),
        ("search x | where amount > 5 > f", "search: w(x) | where: w(amount) > n(5) > w(f)"),
        ("search x | WHERE amount > 5", "search: w(x) | WHERE: w(amount) > n(5)"),
        ("search x where a = where and b > 5", "search: w(x) w(where) w(a) = w(where) w(and) w(b) > n(5)"),
        ("help where > help.txt", "help: w(where) > w(help.txt)"),
        ("search x where a < 5", "search: w(x) w(where) w(a) < n(5)"),
        // statements
        ("a; b\nc", "a: ; b: ; c:"),
        ("\n\n  a  \n\n;;\n", "a:"),
        ("# only a comment\n", ""),
        ("", ""),
        ("a # comment\nb", "a: ; b:"),
        // continuation
        ("search contacts |\n  update a=b", "search: w(contacts) | update: a(a=w(b))"),
        ("search contacts | # keep going\n\n update a=b", "search: w(contacts) | update: a(a=w(b))"),
        ("search contacts \\\n  where a = 1", "search: w(contacts) w(where) w(a) = n(1)"),
        ("search x where a in (1,\n 2,\n 3)", "search: w(x) w(where) w(a) w(in) ( n(1) , n(2) , n(3) )"),
        // options and assignments
        ("upsert contacts --by=email", "upsert: w(contacts) o(by=w(email))"),
        ("x --empty=", "x: o(empty=s())"),
        ("x --n=5 --s=\"a b\" --v=$x", "x: o(n=n(5)) o(s=s(a b)) o(v=v($x))"),
        ("update note=\"hello world\" n=5 v=$row.email e=env:X w=abc", "update: a(note=s(hello world)) a(n=n(5)) a(v=v($row.email)) a(e=e(X)) a(w=w(abc))"),
        ("update blank= next=1", "update: a(blank=) a(next=n(1))"),
        ("update raw='it \\ is'", "update: a(raw=s(it \\ is))"),
        ("set output json", "set: w(output) w(json)"),
        ("let x=1", "let: a(x=n(1))"),
        ("x = 1", "x: = n(1)"),
        ("x a =b c= d", "x: w(a) = w(b) a(c=) w(d)"),
        ("where a!=1", "where: w(a) != n(1)"),
        ("x --a --b", "x: o(a) o(b)"),
        ("x -5 -n", "x: n(-5) w(-n)"),
        ("x env:A $b \"c\" 'd' 1.5", "x: e(A) v($b) s(c) s(d) n(1.5)"),
    ])
    func parsesStatementsPipelinesAndArguments(_ text: String, _ expected: String) {
        #expect(Dump.parse(text) == expected)
    }

    @Test func everyNodeCarriesTheRangeItWasWrittenAt() throws {
        let text = "search contacts where a = \"x\" | update b=1 > out.json"
        let source = SourceText(text)
        let pipeline = try #require(Parser.parse(text).script?.statements.first)
        #expect(source.text(in: pipeline.range) == text)
        #expect(pipeline.commands.map { source.text(in: $0.range) } == ["search contacts where a = \"x\"", "update b=1"])
        #expect(pipeline.commands.map { source.text(in: $0.nameRange) } == ["search", "update"])
        #expect(pipeline.commands[0].arguments.map { source.text(in: $0.range) } == ["contacts", "where", "a", "=", "\"x\""])
        #expect(pipeline.commands[1].arguments.map { source.text(in: $0.range) } == ["b=1"])
        let redirection = try #require(pipeline.redirection)
        #expect(source.text(in: redirection.range) == "> out.json")
        #expect(source.text(in: redirection.target.range) == "out.json")
        #expect(redirection.mode == .overwrite)
    }

    @Test func rangesOfLaterStatementsCountFromTheStartOfTheText() throws {
        let text = "a\n  b c"
        let script = try #require(Parser.parse(text).script)
        let source = SourceText(text)
        #expect(script.statements.count == 2)
        #expect(source.location(of: script.statements[1].range.start) == SourceLocation(line: 2, column: 3))
        #expect(source.text(in: script.statements[1].commands[0].arguments[0].range) == "c")
    }

    @Test func anActivityDefinitionYieldsThePipelineAfterTheEqualsSign() throws {
        let text = "activity add stale = search deals where amount > 5 | delete --dry-run > log.json"
        let pipeline = try #require(Parser.parse(text).script?.statements.first)
        let stored = try #require(pipeline.subpipeline(startingAtArgument: 3))
        #expect(Dump.pipeline(stored) == "search: w(deals) w(where) w(amount) > n(5) | delete: o(dry-run) > w(log.json)")
        #expect(SourceText(text).text(in: stored.range) == "search deals where amount > 5 | delete --dry-run > log.json")
        #expect(pipeline.subpipeline(startingAtArgument: 2) == nil)  // `=` is not a command name
        #expect(pipeline.subpipeline(startingAtArgument: 99) == nil)
    }

    @Test(arguments: [
        "search contacts where lifecyclestage = lead and createdate >= 2025-01-01 props email,firstname sort createdate desc limit 20",
        "update note=\"a \\\"quoted\\\" \\\\ word\\n\" x= y=$a.b --by=email --flag > \"out file.json\"",
        "x 'raw \\n' \"tab\\t\" env:T; y | z >> f",
        "search x where a in (1, 2) and (b = 1 or c != 2)",
    ])
    func canonicalDescriptionParsesBackToTheSameTree(_ text: String) throws {
        let script = try #require(Parser.parse(text).script)
        let again = try #require(Parser.parse(script.description).script)
        #expect(again.statements.map(Dump.pipeline) == script.statements.map(Dump.pipeline))
    }

    @Test func analyseKeepsTheStatementsThatParsedNextToTheErrors() {
        let output = Parser.analyse("good one\nbad )\nalso good")
        #expect(output.script.statements.map(Dump.pipeline) == ["good: w(one)", "also: w(good)"])
        #expect(output.diagnostics.map(\.message) == ["unexpected ')'"])
        #expect(output.incomplete == nil)
    }

    @Test func argumentHelpersAnswerKeywordAndValueQuestions() {
        let arguments = arguments(of: "x WHERE \"where\" 5 a=1 =")
        #expect(arguments[0].isKeyword("where"))
        #expect(!arguments[1].isKeyword("where"))  // a quoted string is never a keyword
        #expect(arguments[1].value?.literalText == "where")
        #expect(arguments[2].value?.kind == .number("5"))
        #expect(arguments[3].value == nil)
        #expect(arguments[4].symbol == .equals)
        #expect(arguments[0].word == "WHERE" && arguments[2].word == nil)
    }
}
