import HubshLanguage
import HubshShell
import Testing

/// A command used only to exercise the binder.
struct ProbeCommand: ShellCommand {
    static let signature = CommandSignature(
        ["probe"], family: .local, summary: "A command for binder tests.",
        positionals: [Parameter("object", "an object type")],
        options: [Option("limit", "at most N", value: "N"), Option("yes", "do not ask")],
        clauses: [Clause("where", "conditions", .conditions), Clause("props", "properties", .propertyList),
                  Clause("sort", "order", .sort), Clause("limit", "at most", .count)],
        assignments: .property, examples: [Example("probe contacts", "probes")])
    let bound: BoundCommand
    init(_ bound: BoundCommand) throws(Diagnostic) { self.bound = bound }
    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream { input }
}

struct ProbeFamilyAdd: ShellCommand {
    static let signature = CommandSignature(["fam", "add"], family: .session, summary: "Adds.", positionals: [Parameter("name", "a name")],
                                            rest: Parameter("pipeline", "what to save"), examples: [Example("fam add x = probe y", "adds")])
    init(_ bound: BoundCommand) throws(Diagnostic) {}
    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream { input }
}

/// A command written two ways, as `associate` is: `link FROM TO`, or piped records and `link TO`.
struct ProbeFormsCommand: ShellCommand {
    static let from = Parameter("from", "where from")
    static let to = Parameter("to", "where to")
    static let signature = CommandSignature(["link"], family: .local, summary: "Links.",
                                            positionals: [Parameter("from", "where from", required: false), Parameter("to", "where to", required: false)],
                                            forms: [Form(piped: true, [to]), Form([from, to])], examples: [Example("link a b", "links", .nothing)])
    init(_ bound: BoundCommand) throws(Diagnostic) {}
    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream { input }
}

struct BinderTests {
    static let binder = Binder(registry: CommandRegistry([ProbeCommand.self, ProbeFamilyAdd.self, ProbeFormsCommand.self]))

    static func bind(_ text: String) throws(Diagnostic) -> BoundCommand {
        guard let script = HubshLanguage.Parser.parse(text).script, let command = script.statements.first?.commands.first else {
            throw Diagnostic("did not parse", at: SourceRange(0, 0))
        }
        return try binder.bind(command)
    }

    /// The binder picks the form by piping and by how many positionals fit, and the command reads each
    /// by its parameter: nothing counts positionals.
    @Test(arguments: [
        ("link a b", false, "a", "b"),
        ("link b", true, nil, "b"),
        ("link a b", true, "a", "b"),
        ("link a", false, "a", nil),
    ] as [(String, Bool, String?, String?)])
    func aCommandWrittenSeveralWaysIsBoundByItsForm(text: String, piped: Bool, from: String?, to: String?) throws {
        guard let command = HubshLanguage.Parser.parse(text).script?.statements.first?.commands.first else { throw TestFailure("did not parse") }
        let bound = try Self.binder.bind(command, piped: piped)
        #expect(bound[ProbeFormsCommand.from]?.literalText == from)
        #expect(bound[ProbeFormsCommand.to]?.literalText == to)
    }

    @Test func moreThanAnyFormTakesIsRefusedAtTheExtraWord() throws {
        guard let command = HubshLanguage.Parser.parse("link a b c").script?.statements.first?.commands.first else { throw TestFailure("did not parse") }
        #expect(throws: Diagnostic.self) { try Self.binder.bind(command, piped: true) }
        do {
            _ = try Self.binder.bind(command)
        } catch {
            #expect(error.message.hasPrefix("unexpected 'c'"))
            #expect(error.range.start == 9)
        }
    }

    @Test func argumentsAreSortedByRole() throws {
        let bound = try Self.bind("probe contacts where email contains acme.com and x = 1 props email, firstname sort createdate desc limit 20 --yes lifecyclestage=lead")
        #expect(bound.positional("object")?.literalText == "contacts")
        #expect(bound.has("yes"))
        #expect(bound.assignments.map(\.name) == ["lifecyclestage"])
        guard case .properties(let names, _) = bound.clauses["props"] else { Issue.record("no props"); return }
        #expect(names == ["email", "firstname"])
        guard case .sort(let property, let descending, _) = bound.clauses["sort"] else { Issue.record("no sort"); return }
        #expect(property == "createdate" && descending)
        guard case .count(let limit, _) = bound.clauses["limit"] else { Issue.record("no limit"); return }
        #expect(limit.literalText == "20")
        guard case .conditions(let expression) = bound.clauses["where"] else { Issue.record("no where"); return }
        #expect(expression.disjunctiveNormalForm().first?.count == 2)
    }

    @Test(arguments: [
        ("prbe contacts", "unknown command 'prbe'", "probe"),
        ("probe contacts --limt 3", "probe has no option --limt", "--limit"),
        ("probe", "probe needs OBJECT", nil),
        ("probe contacts --limit", "--limit needs a value (N)", nil),
        ("probe contacts --yes=1", "--yes is a flag and takes no value", nil),
        ("probe contacts deals", "unexpected 'deals'", nil),
        ("probe contacts limit x", "'limit' needs a whole number", nil),
        ("fam ad x = probe y", "fam needs one of add, not 'ad'", "add"),
        ("fam add x", "fam add needs '= PIPELINE'", nil),
    ] as [(String, String, String?)])
    func refusalsSayWhatAndWhere(text: String, message: String, suggestion: String?) {
        do {
            _ = try Self.bind(text)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.message.hasPrefix(message), "\(error.message)")
            #expect(error.range.isWithin(count: text.unicodeScalars.count))
            #expect(error.suggestion == suggestion.map { "did you mean '\($0)'?" })
        }
    }
}
