import HubshLanguage
import HubshShell
import Testing

/// A command used only to exercise the binder.
struct ProbeCommand: ShellCommand {
    static let signature = CommandSignature(
        ["probe"], family: .local, summary: "A command for binder tests.",
        positionals: [object], options: [Option("limit", "at most N", value: "N"), yes],
        clauses: [conditions, props, sort, limit], assignments: .property, examples: [Example("probe contacts", "probes")])
    static let object = Parameter("object", "an object type")
    static let yes = Option("yes", "do not ask")
    static let conditions = Clause("where", "conditions", .conditions)
    static let props = Clause("props", "properties", .propertyList)
    static let sort = Clause("sort", "order", .sort)
    static let limit = Clause("limit", "at most", .count)
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

/// A command whose forms tell apart by what is written, as `unassociate`, `history` and `set` do: piped
/// `tag TYPE [ID]` or `tag FROMTYPE TYPE` (a record id fits only a number or a variable); `tag` alone;
/// `tag F=V …`; `tag TYPE ID NOTE…`.
struct ProbeTagCommand: ShellCommand {
    static let type = Parameter("type", "a type", role: .objectType)
    static let id = Parameter("id", "a record", required: false, role: .recordId)
    static let fromType = Parameter("fromtype", "the piped pairs' type", role: .objectType)
    static let notes = Parameter("notes", "notes", required: false, repeats: true)
    static let pipedOne = Form(piped: true, [type, id])
    static let pipedPairs = Form(piped: true, [fromType, type])
    static let alone = Form([])
    static let fields = Form(assignments: true, [])
    static let byId = Form([type, Parameter("id", "a record"), notes])
    static let signature = CommandSignature(["tag"], family: .local, summary: "Tags.", positionals: [notes],
                                            forms: [pipedOne, pipedPairs, alone, fields, byId], assignments: .field,
                                            examples: [Example("tag a 1", "tags", .nothing)])
    init(_ bound: BoundCommand) throws(Diagnostic) {}
    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream { input }
}

struct BinderTests {
    static let binder = Binder(registry: CommandRegistry([ProbeCommand.self, ProbeFamilyAdd.self, ProbeFormsCommand.self, ProbeTagCommand.self]))

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

    /// The form is picked by what is written, not by counting afterwards: a record id fits a number or a
    /// variable only, a form without assignments fits none, and a repeating last parameter takes the rest.
    @Test(arguments: [
        ("tag companies 123", true, "pipedOne", "type=companies id=123"),
        ("tag companies $x", true, "pipedOne", "type=companies id=$x"),
        ("tag companies", true, "pipedOne", "type=companies"),
        ("tag contacts companies", true, "pipedPairs", "type=companies fromtype=contacts"),
        ("tag", false, "alone", ""),
        ("tag a=b", false, "fields", ""),
        ("tag contacts 7 x y z", false, "byId", "type=contacts id=7 notes=x,y,z"),
        ("tag contacts 7 x y z", true, "byId", "type=contacts id=7 notes=x,y,z"),
        ("tag contacts", false, "byId", "type=contacts"),
    ] as [(String, Bool, String, String)])
    func aFormIsPickedByWhatIsWritten(text: String, piped: Bool, form: String, values: String) throws {
        guard let command = HubshLanguage.Parser.parse(text).script?.statements.first?.commands.first else { throw TestFailure("did not parse") }
        let bound = try Self.binder.bind(command, piped: piped)
        let forms = ["pipedOne": ProbeTagCommand.pipedOne, "pipedPairs": ProbeTagCommand.pipedPairs, "alone": ProbeTagCommand.alone,
                     "fields": ProbeTagCommand.fields, "byId": ProbeTagCommand.byId]
        #expect(bound.form == forms[form])
        var read: [String] = []
        if let type = bound[ProbeTagCommand.type] { read.append("type=\(type)") }
        if let id = bound[ProbeTagCommand.id] { read.append("id=\(id)") }
        if let from = bound[ProbeTagCommand.fromType] { read.append("fromtype=\(from)") }
        let notes = bound.values(ProbeTagCommand.notes)
        if !notes.isEmpty { read.append("notes=" + notes.map(\.description).joined(separator: ",")) }
        #expect(read.joined(separator: " ") == values)
    }

    @Test func argumentsAreSortedByRole() throws {
        let bound = try Self.bind("probe contacts where email contains acme.com and x = 1 props email, firstname sort createdate desc limit 20 --yes lifecyclestage=lead")
        #expect(bound[ProbeCommand.object]?.literalText == "contacts")
        #expect(bound.has(ProbeCommand.yes))
        #expect(bound.assignments.map(\.name) == ["lifecyclestage"])
        #expect(bound.names(ProbeCommand.props)?.names == ["email", "firstname"])
        #expect(bound.order(ProbeCommand.sort)?.property == "createdate" && bound.order(ProbeCommand.sort)?.descending == true)
        #expect(bound.count(ProbeCommand.limit)?.literalText == "20")
        guard let expression = bound.conditions(ProbeCommand.conditions) else { Issue.record("no where"); return }
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
