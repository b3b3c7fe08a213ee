import HubshLanguage

/// A command matched to its signature, its arguments sorted by role. Values are still as written
/// (variables and `env:` references unresolved): the command resolves them when it runs.
public struct BoundCommand: Sendable {
    public let signature: CommandSignature
    /// The command as parsed.
    public let syntax: Command
    // The binder's tables, by the names the signature declares. Commands read them through the typed
    // accessors below, by the `Parameter`, `Option` or `Clause` value they declare, never by a string.
    /// Positional values by parameter name (a repeating parameter may hold several).
    var positionals: [String: [Value]] = [:]
    /// Options given, by name; a flag maps to nil.
    var options: [String: Value?] = [:]
    /// Of the ways the command is written (its signature's `forms`), the one the binder picked; nil
    /// for a command written one way.
    public internal(set) var form: Form?
    /// `name=value` assignments in order.
    public var assignments: [(name: String, value: Value?, range: SourceRange)] = []
    /// Clauses given, by keyword.
    var clauses: [String: BoundClause] = [:]
    /// For a signature with `rest`: the index of the first argument after `=`.
    public var restIndex: Int?
    /// For a signature with `rest`: this command's arguments after `=` (the binder refuses one with
    /// none), indexed as in `syntax.arguments`; empty for a signature without.
    public var rest: ArraySlice<Argument> { syntax.arguments[(restIndex ?? syntax.arguments.count)...] }
    /// The object type an earlier command of the pipeline named (`search deals … | delete` deletes
    /// deals): what a command without its own OBJECT works on, and whose properties complete.
    public var objectInContext: String?
    /// For a signature with `rest`: everything after `=` to the end of the statement, later `|`
    /// commands included (`activity add top = search contacts | first 10`).
    public var restPipeline: Pipeline?
    /// Whether a command comes before this one in the pipeline (so its input is a real stream).
    public var hasUpstream = false
    /// The names of the commands before this one in the pipeline (`[["search"]]` in `search … | delete`).
    public var upstream: [[String]] = []
    /// The object type the first later write of the pipeline names (`open f.csv | upsert contacts …`):
    /// what the values are meant to become.
    public var downstreamObject: String?

    /// The object type this command works on: its own OBJECT (a positional, or an option such as
    /// import's `--object`), else the pipeline's.
    public var objectType: String? {
        signature.positional(.objectType).flatMap { self[$0] }?.literalText
            ?? signature.options.first { $0.role == .objectType }.flatMap { self[$0] }?.literalText
            ?? objectInContext
    }

    public init(signature: CommandSignature, syntax: Command) {
        self.signature = signature
        self.syntax = syntax
    }

    /// The one value of `parameter` (the first, for a repeating one); nil when not given.
    public subscript(_ parameter: Parameter) -> Value? { positionals[parameter.name]?.first }

    /// Every value of a repeating `parameter`.
    public func values(_ parameter: Parameter) -> [Value] { positionals[parameter.name] ?? [] }

    /// The value of a required `parameter`: the binder refuses a command without it, so the error is
    /// only for a command whose signature does not declare the parameter required.
    public func required(_ parameter: Parameter) throws(Diagnostic) -> Value {
        guard let value = self[parameter] else {
            throw Diagnostic("\(signature.displayName) needs \(parameter.placeholder) (usage: \(signature.usage))", at: syntax.range)
        }
        return value
    }

    /// The value of `option`; nil when not given (or a flag).
    public subscript(_ option: Option) -> Value? { options[option.name] ?? nil }

    /// Whether `option` (a flag, or an option with its value) was given.
    public func has(_ option: Option) -> Bool { options[option.name] != nil }

    /// The conditions of a `where`-like `clause`; nil when it was not given.
    public func conditions(_ clause: Clause) -> WhereExpression? {
        guard case .conditions(let expression)? = clauses[clause.keyword] else { return nil }
        return expression
    }

    /// The names a property-list `clause` lists (`props a,b`), and where they were written; nil when not given.
    public func names(_ clause: Clause) -> (names: [String], range: SourceRange)? {
        guard case .properties(let names, let range)? = clauses[clause.keyword] else { return nil }
        return (names, range)
    }

    /// The property a sort `clause` orders by and whether descending; nil when not given.
    public func order(_ clause: Clause) -> (property: String, descending: Bool)? {
        guard case .sort(let property, let descending, _)? = clauses[clause.keyword] else { return nil }
        return (property, descending)
    }

    /// The count a count `clause` gives (`limit 20`, or `limit $n`); nil when not given.
    public func count(_ clause: Clause) -> Value? {
        guard case .count(let value, _)? = clauses[clause.keyword] else { return nil }
        return value
    }
}

/// A clause's parsed content.
public enum BoundClause: Sendable {
    case conditions(WhereExpression)
    case properties([String], range: SourceRange)
    case sort(property: String, descending: Bool, range: SourceRange)
    /// A whole number, or a variable that holds one.
    case count(Value, range: SourceRange)
}
