/// Everything the shell knows about a command, declared once by the command's type: the binder,
/// `help`, REPL completion and the shell completion scripts all read it, and nothing else.
public struct CommandSignature: Sendable {
    /// The words that name it: `["search"]`, `["connection", "add"]`.
    public var name: [String]
    public var aliases: [[String]]
    /// One line for `help` listings.
    public var summary: String
    /// Positional parameters, in order.
    public var positionals: [Parameter]
    /// `--name value` options and `--flag`s.
    public var options: [Option]
    /// Keyword clauses after the positionals (`where …`, `props a,b`, `sort p desc`, `limit 20`).
    public var clauses: [Clause]
    /// Whether `name=value` property assignments are taken (create, update, set …).
    public var takesAssignments: Bool
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

    public init(_ name: [String], aliases: [[String]] = [], family: Family, summary: String, positionals: [Parameter] = [],
                options: [Option] = [], clauses: [Clause] = [], takesAssignments: Bool = false, rest: Parameter? = nil,
                takesStatement: Bool = false, input: StreamKind = .nothing, output: StreamKind = .values, writes: Bool = false, examples: [Example]) {
        self.name = name
        self.aliases = aliases
        self.family = family
        self.summary = summary
        self.positionals = positionals
        self.options = options
        self.clauses = clauses
        self.takesAssignments = takesAssignments
        self.rest = rest
        self.takesStatement = takesStatement
        self.input = input
        self.output = output
        self.writes = writes
        self.examples = examples
    }

    /// `connection add`.
    public var displayName: String { name.joined(separator: " ") }

    /// A usage line: `search OBJECT [where CONDITIONS] [props LIST] [--limit N]`.
    public var usage: String {
        var parts = [displayName]
        for parameter in positionals {
            let text = parameter.placeholder + (parameter.repeats ? "…" : "")
            parts.append(parameter.required ? text : "[\(text)]")
        }
        if takesAssignments { parts.append("[PROP=VALUE…]") }
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
}

/// The families `help` groups commands by (DESIGN.md's table).
public enum Family: String, Sendable, CaseIterable {
    // The headings of `help`. To a HubSpot admin "activities" are calls, emails, notes and tasks: the
    // record commands are not headed so, and hubsh's own activities are named for what they are.
    case connections, discovery, hubspot = "records (HubSpot's objects: contacts, deals, calls, notes…)",
         activities = "saved pipelines (activities)", local = "local filters", io = "input and output", session
}

/// What flows on a pipe.
public enum StreamKind: Sendable, Hashable {
    /// Nothing (a command that ignores its input, or writes nothing).
    case nothing
    /// HubSpot records (`{id, properties, …}`) or flat objects of properties.
    case records
    /// Any JSON values.
    case values
}

/// A positional parameter.
public struct Parameter: Sendable {
    public var name: String
    public var summary: String
    public var required: Bool
    /// Takes every remaining positional word.
    public var repeats: Bool
    public var completion: CompletionSource

    public init(_ name: String, _ summary: String, required: Bool = true, repeats: Bool = false, completion: CompletionSource = .none) {
        self.name = name
        self.summary = summary
        self.required = required
        self.repeats = repeats
        self.completion = completion
    }

    /// `OBJECT`.
    public var placeholder: String { name.uppercased() }
}

/// An option: `--name VALUE`, or a flag when it takes no value.
public struct Option: Sendable {
    public var name: String
    public var summary: String
    /// The value's placeholder (`FILE`, `N`); nil for a flag.
    public var valueName: String?
    public var completion: CompletionSource

    public init(_ name: String, _ summary: String, value: String? = nil, completion: CompletionSource = .none) {
        self.name = name
        self.summary = summary
        self.valueName = value
        self.completion = completion
    }

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

    public init(_ keyword: String, _ summary: String, _ grammar: Grammar) {
        self.keyword = keyword
        self.summary = summary
        self.grammar = grammar
    }

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
    case choices([String])
}

/// A worked example for `help`.
public struct Example: Sendable {
    public var text: String
    public var explanation: String

    public init(_ text: String, _ explanation: String) {
        self.text = text
        self.explanation = explanation
    }
}
