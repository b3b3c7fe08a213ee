/// Everything the shell knows about a command, declared once by the command's type: the binder,
/// `help`, REPL completion and the shell completion scripts all read it, and nothing else.
public struct CommandSignature: Sendable {
    /// The words that name it: `["search"]`, `["connection", "add"]`.
    public var name: [String]
    public var aliases: [[String]]
    /// One line for `help` listings.
    public var summary: String
    /// Positional parameters, in order (as `help` shows them).
    public var positionals: [Parameter]
    /// The ways the positionals are written, when there are several (else empty: `positionals` is the one).
    public var forms: [Form]
    /// `--name value` options and `--flag`s.
    public var options: [Option]
    /// Keyword clauses after the positionals (`where …`, `props a,b`, `sort p desc`, `limit 20`).
    public var clauses: [Clause]
    /// What the names of `name=value` assignments are (HubSpot properties for create, update …; fields
    /// for `set`; variables for `activity run`); nil when none are taken.
    public var assignments: Role?
    /// What follows a standalone `=` after the positionals, taken whole (`let x = …`,
    /// `activity add NAME = PIPELINE`); nil when `=` is not expected.
    public var rest: Parameter?
    /// Whether its arguments are a whole statement, to the statement's end (`explain search … | update …`):
    /// not bound here, the statement's own commands are.
    public var takesStatement: Bool
    /// What the command reads from the pipe and what it writes to it.
    public var input: StreamKind
    public var output: StreamKind
    /// Whether it changes HubSpot records (the searches of a statement that writes read stably).
    public var writes: Bool
    /// Worked examples for `help`; every command has at least one.
    public var examples: [Example]
    /// The family it belongs to, for `help` (connections, discovery, HubSpot, …).
    public var family: Family
    /// Options people look for here that belong to another command, with the one line that says where
    /// (`upsert --if-unchanged`: the hint names `update`), shown in place of a "did you mean".
    public var elsewhere: [String: String]

    public init(_ name: [String], aliases: [[String]] = [], family: Family, summary: String, positionals: [Parameter] = [],
                forms: [Form] = [], options: [Option] = [], clauses: [Clause] = [], assignments: Role? = nil, rest: Parameter? = nil,
                takesStatement: Bool = false, input: StreamKind = .nothing, output: StreamKind = .values, writes: Bool = false, examples: [Example],
                elsewhere: [String: String] = [:]) {
        self.name = name
        self.aliases = aliases
        self.family = family
        self.summary = summary
        self.positionals = positionals
        self.forms = forms
        self.options = options
        self.clauses = clauses
        self.assignments = assignments
        self.rest = rest
        self.takesStatement = takesStatement
        self.input = input
        self.output = output
        self.writes = writes
        self.examples = examples
        self.elsewhere = elsewhere
    }

    /// Whether `name=value` assignments are taken.
    public var takesAssignments: Bool { assignments != nil }

    /// `connection add`.
    public var displayName: String { name.joined(separator: " ") }

    /// A usage line: `search OBJECT [where CONDITIONS] [props LIST] [--limit N]`.
    public var usage: String {
        var parts = [displayName]
        for parameter in positionals {
            let text = parameter.placeholder + (parameter.repeats ? "…" : "")
            parts.append(parameter.required ? text : "[\(text)]")
        }
        if let assignments { parts.append("[\(assignments.assignmentHelp.placeholder)…]") }
        if let rest { parts.append("= \(rest.placeholder)") }
        for clause in clauses {
            parts.append(clause.keyword == name.last ? clause.placeholder : "[\(clause.keyword) \(clause.placeholder)]")
        }
        for option in options {
            parts.append(option.valueName.map { "[--\(option.name) \($0)]" } ?? "[--\(option.name)]")
        }
        return parts.joined(separator: " ")
    }

    /// The option called `name` (without dashes).
    public func option(_ name: String) -> Option? { options.first { $0.name == name } }

    /// The clause whose keyword is `keyword`.
    public func clause(_ keyword: String) -> Clause? { clauses.first { $0.keyword == keyword } }

    /// The positional whose role is `role` (the first such).
    public func positional(_ role: Role) -> Parameter? { positionals.first { $0.role == role } }
}

/// The families `help` groups commands by (DESIGN.md's table).
public enum Family: String, Sendable, CaseIterable {
    // The headings of `help`. To a HubSpot admin "activities" are calls, emails, notes and tasks: the
    // record commands are not headed so, and hubsh's own activities are named for what they are.
    case connections, discovery, hubspot = "records (HubSpot's objects: contacts, deals, calls, notes…)",
         activities = "saved pipelines (activities)", local = "local filters", io = "input and output", session
}

/// What flows on a pipe: `help` shows a command's input → output, and planning refuses a pipe into a
/// command whose input is `.nothing` (what flows into it would be lost).
public enum StreamKind: Sendable, Hashable, CustomStringConvertible {
    /// Nothing (a command that ignores its input, or writes nothing).
    case nothing
    /// HubSpot records (`{id, properties, …}`) or flat objects of properties.
    case records
    /// Any JSON values.
    case values

    /// The word `help` shows.
    public var description: String {
        switch self {
        case .nothing: "nothing"
        case .records: "records"
        case .values: "values"
        }
    }
}

/// A positional parameter.
public struct Parameter: Sendable {
    public var name: String
    public var summary: String
    public var required: Bool
    /// Takes every remaining positional word.
    public var repeats: Bool
    /// What it is: read by the binder, the schema check and the completer.
    public var role: Role

    public init(_ name: String, _ summary: String, required: Bool = true, repeats: Bool = false, role: Role = .value) {
        self.name = name
        self.summary = summary
        self.required = required
        self.repeats = repeats
        self.role = role
    }

    /// Where Tab completion finds its values (from the role).
    public var completion: CompletionSource { role.completion }

    /// `OBJECT`.
    public var placeholder: String { name.uppercased() }
}

/// An option: `--name VALUE`, or a flag when it takes no value.
public struct Option: Sendable {
    public var name: String
    public var summary: String
    /// The value's placeholder (`FILE`, `N`); nil for a flag.
    public var valueName: String?
    /// What its value is (`.value` for a flag).
    public var role: Role

    public init(_ name: String, _ summary: String, value: String? = nil, role: Role = .value) {
        self.name = name
        self.summary = summary
        self.valueName = value
        self.role = role
    }

    /// Where Tab completion finds its values (from the role).
    public var completion: CompletionSource { role.completion }

    public var isFlag: Bool { valueName == nil }
}

/// A keyword clause and the grammar of what follows it.
public struct Clause: Sendable {
    public enum Grammar: Sendable {
        /// Conditions: `p = v and q in (…) or …`.
        case conditions
        /// A comma list of property names.
        case propertyList
        /// A property name and an optional `asc`/`desc`.
        case sort
        /// A whole number.
        case count
    }

    public var keyword: String
    public var summary: String
    public var grammar: Grammar
    /// What the names it holds are: HubSpot properties (`search … where`) or fields of the piped
    /// values (the local `where`).
    public var names: Role

    public init(_ keyword: String, _ summary: String, _ grammar: Grammar, names: Role = .property) {
        self.keyword = keyword
        self.summary = summary
        self.grammar = grammar
        self.names = names
    }

    /// The words a `sort` clause takes after its property (the first two are offered by completion).
    public static let sortDirections = ["asc", "desc", "ascending", "descending"]

    var placeholder: String {
        switch grammar {
        case .conditions: "CONDITIONS"
        case .propertyList: "PROP,…"
        case .sort: "PROP [asc|desc]"
        case .count: "N"
        }
    }
}

/// Where the values of a parameter come from, for Tab completion and the completion scripts.
public enum CompletionSource: Sendable, Hashable {
    case none
    case commands
    case connections
    case activities
    /// Standard and custom object types of the current connection.
    case objectTypes
    /// Property names of the object type in context.
    case properties
    case variables
    case files
    /// Association labels of the object pair the command names (or the pipeline's type and the one named).
    case associationLabels
    case choices([String])
}
