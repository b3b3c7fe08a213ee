import HubshLanguage
import HubshShell
import JSONValue
import NIOConcurrencyHelpers
import Testing

/// Runs hubsh text through the interpreter and keeps what it printed and said.
struct ShellRun {
    let outcome: Interpreter.Outcome
    let values: [JSONValue]
    let messages: [String]

    static func run(_ text: String, environment: [String: String] = [:], session: Session = Session()) async -> ShellRun {
        let messages = NIOLockedValueBox<[String]>([])
        let values = NIOLockedValueBox<[JSONValue]>([])
        let registry = CommandRegistry(BuiltinCommands.all + [RecordsCommand.self])
        let context = ShellContext(registry: registry, session: session, environment: environment, isInteractive: false) { line in
            messages.withLockedValue { $0.append(line) }
        }
        let outcome = await Interpreter(context: context).run(text) { value in
            values.withLockedValue { $0.append(value) }
        }
        return ShellRun(outcome: outcome, values: values.withLockedValue { $0 }, messages: messages.withLockedValue { $0 })
    }
}

struct InterpreterTests {
    /// A command whose input is nothing ignores what is piped into it: such a pipe is refused when the
    /// script is planned, at the pipe, before line 1 runs; commands that read the pipe are not.
    @Test(arguments: [
        ("let x = 1\nrecords 2 | objects", "line 2: objects reads nothing from the pipe: what records yields would be lost"),
        ("let x = 1\nrecords 2 | first 1 | connection list", "line 2: connection list reads nothing from the pipe: what first yields would be lost"),
        ("let x = 1\nrecords 2 |\n  help", "line 2: help reads nothing from the pipe: what records yields would be lost"),
    ])
    func aPipeIntoACommandThatReadsNothingIsRefusedWhenPlanned(text: String, message: String) async {
        let session = Session()
        let run = await ShellRun.run(text, session: session)
        #expect(run.outcome == .usage)
        #expect(run.messages.first?.hasPrefix(message) == true, "\(run.messages)")
        #expect(await session.variable("x") == nil, "line 1 did not run")
    }

    @Test func commandsThatReadThePipeArePipedInto() async {
        let run = await ShellRun.run("records 3 | first 2 | count")
        #expect(run.outcome == .success)
        #expect(run.values == [.int(2)])
    }

    /// `help COMMAND` says what the command reads from the pipe and what it yields.
    @Test(arguments: [("search", "nothing → records"), ("count", "values → values"), ("update", "records → records"), ("let", "nothing → nothing")])
    func helpShowsInputAndOutput(command: String, kinds: String) async {
        let help = await ShellRun.run("help " + command).values.compactMap(\.stringValue).joined(separator: "\n")
        #expect(help.split(separator: "\n").contains("  input → output: " + kinds), "\(help)")
    }

    @Test func variablesFlowIntoLaterStatements() async {
        let session = Session()
        let run = await ShellRun.run("let who = 'Ann Lee'; let home = env:HOME_DIR\nlet again = $who", environment: ["HOME_DIR": "/home/ann"], session: session)
        #expect(run.outcome == .success)
        #expect(run.messages.isEmpty)
        let again = await session.variable("again")
        let home = await session.variable("home")
        #expect(again == "Ann Lee")
        #expect(home == "/home/ann")
        let result = await ShellRun.run("let x = env:NOPE")
        #expect(result.outcome == .failure)
        #expect(result.messages.first?.contains("the environment has no NOPE") == true)
    }

    @Test func aTypoStopsTheScriptBeforeAnythingRuns() async {
        let session = Session()
        let run = await ShellRun.run("let a = 1\ncoutn", session: session)
        #expect(run.outcome == .usage)
        #expect(run.messages.joined().contains("unknown command 'coutn'"))
        #expect(run.messages.joined().contains("count"))
        let a = await session.variable("a")
        #expect(a == nil, "the first statement must not have run")
    }

    @Test(arguments: [
        ("a=1 or b=2 or c=3 or d=4 or e=5 or f=6", "this where clause makes 6 or-ed groups; HubSpot's search allows at most 5 filter groups", "f=6"),
        ("a=1 and b=2 and c=3 and d=4 and e=5 and f=6 and g=7", "7 and-ed conditions in one group; HubSpot's search allows at most 6 filters per group", "g=7"),
        ("(a=1 and b=2 and c=3 and d=4) or (e=1 and f=2 and g=3 and h=4) or (i=1 and j=2 and k=3 and l=4) or (m=1 and n=2 and o=3 and p=4) or (q=1 and r=2 and s=3)",
         "this where clause makes 19 filters in all; HubSpot's search allows at most 18", "s=3"),
    ])
    func aWhereWiderThanHubSpotsFilterLimitsStopsTheScriptBeforeAnythingRuns(_ conditions: String, _ message: String, _ marked: String) async {
        let session = Session()
        let run = await ShellRun.run("let a = 1\nsearch contacts where \(conditions)", session: session)
        #expect(run.outcome == .usage)
        let report = run.messages.joined(separator: "\n")
        #expect(report.hasPrefix("line 2: \(message)\n"), "\(report)")
        let lines = report.split(separator: "\n")
        let caret = lines.count == 3 ? lines[2].firstIndex(of: "^").map { lines[2].distance(from: lines[2].startIndex, to: $0) } : nil
        let column = lines.count == 3 ? lines[1].range(of: marked).map { lines[1].distance(from: lines[1].startIndex, to: $0.lowerBound) } : nil
        #expect(caret != nil && caret == column, "the carets mark \(marked): \(report)")
        let a = await session.variable("a")
        #expect(a == nil, "the first statement must not have run")
    }

    @Test func aSyntaxErrorIsReportedWithItsLine() async {
        let run = await ShellRun.run("let a = 'open")
        #expect(run.outcome == .usage)
        #expect(run.messages.first?.contains("line 1") == true)
    }

    @Test func localFiltersWorkOnTheStream() async {
        let picked = await ShellRun.run("records 5 | select email | first 2")
        #expect(picked.values == [["id": "1", "email": "r1@example.com"], ["id": "2", "email": "r2@example.com"]])
        let counted = await ShellRun.run("records 1000 | count")
        #expect(counted.values == [.int(1000)])
        let none = await ShellRun.run("count")
        #expect(none.values == [.int(0)])
    }
}

/// `records N`: N HubSpot-shaped records, for tests of local commands.
struct RecordsCommand: ShellCommand {
    static let signature = CommandSignature(["records"], family: .local, summary: "Test records.",
                                            positionals: [countParameter], output: .records,
                                            examples: [Example("records 3", "three records")])
    static let countParameter = Parameter("count", "how many")
    let count: Int
    init(_ bound: BoundCommand) throws(Diagnostic) { count = Int(bound[Self.countParameter]?.literalText ?? "") ?? 0 }
    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        ValueStream((1...max(1, count)).prefix(count).map { i in
            ["id": .string("\(i)"), "properties": ["email": .string("r\(i)@example.com"), "firstname": "X"], "archived": false]
        })
    }
}
