/// One lexical unit of hubsh source, with the range it was read from.
public struct Token: Sendable, Hashable {
    /// What the token is, with its decoded payload.
    public var kind: Kind
    /// Where the token was read from, quotes and sigils included.
    public var range: SourceRange

    /// A token of `kind` read from `range`.
    public init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    /// The kinds of token. Comments and whitespace (including `\`-continued line breaks) produce none.
    public enum Kind: Sendable, Hashable {
        /// A value, already in the form the AST keeps: a bare word (`contacts`, `email,firstname`, `*.csv`,
        /// `-x`), a number kept as written, a quoted string's decoded contents, `$name.field` or `env:NAME`.
        case value(Value.Kind)
        /// `--name`: an option or a flag; the binder decides whether it takes a value.
        case option(String)
        /// An operator or punctuation mark that can stand among a command's arguments.
        case symbol(Symbol)
        /// `|` between commands.
        case pipe
        /// `>>`: append the pipeline's output to a file (`>` is ``Symbol/greater``, decided by the parser).
        case append
        /// `;` between statements.
        case semicolon
        /// A line break that ends a statement (not inside parentheses, not after `\`).
        case newline
    }
}

/// Operators and punctuation that can appear among a command's arguments.
public enum Symbol: String, Sendable, Hashable, CaseIterable {
    /// `=`: property test in `where`, and the separator in `let NAME = VALUE` / `activity add NAME = …`.
    case equals = "="
    /// `!=`.
    case notEquals = "!="
    /// `<`.
    case less = "<"
    /// `<=`.
    case lessOrEqual = "<="
    /// `>`: a comparison inside a `where` condition, otherwise the redirection `> file`.
    case greater = ">"
    /// `>=`.
    case greaterOrEqual = ">="
    /// `(`: opens an `in (…)` list or a group in `where`.
    case leftParenthesis = "("
    /// `)`.
    case rightParenthesis = ")"
    /// `,` between the values of an `in (…)` list; outside parentheses a comma is part of a word.
    case comma = ","
}

/// A variable reference: `$name` with an optional field path (`$row.properties.email`).
public struct VariableReference: Sendable, Hashable, CustomStringConvertible {
    /// The variable's name, without `$`.
    public var name: String
    /// The fields to follow into the variable's value, in order; empty for a plain `$name`.
    public var path: [String]

    /// A reference to `name`, then into `path`.
    public init(name: String, path: [String] = []) {
        self.name = name
        self.path = path
    }

    /// The reference as written: `$name.field`.
    public var description: String { "$" + ([name] + path).joined(separator: ".") }
}

extension Token {
    /// The token as a ``Value``, when it is one (a word, number, string, variable or environment reference).
    public var value: Value? {
        if case .value(let value) = kind { return Value(value, range) }
        return nil
    }
}

extension Token.Kind: CustomStringConvertible {
    /// The token as it could be written in source (strings re-quoted), for messages and tests.
    public var description: String {
        switch self {
        case .value(let value): value.description
        case .option(let name): "--" + name
        case .symbol(let symbol): symbol.rawValue
        case .pipe: "|"
        case .append: ">>"
        case .semicolon: ";"
        case .newline: "end of line"
        }
    }
}
