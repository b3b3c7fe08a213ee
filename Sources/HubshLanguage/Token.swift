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
        /// A bare word: `contacts`, `email,firstname`, `2025-01-01`, `*.csv`, `./new-leads.csv`, `-x`.
        case word(String)
        /// A bare word that reads as a decimal number (`20`, `-1.5`, `1e3`), kept as written (`01234` stays).
        case number(String)
        /// A `"double"` (escapes decoded) or `'single'` (raw) quoted string: the contents.
        case string(String)
        /// `$name` or `$name.field.field`.
        case variable(VariableReference)
        /// `env:NAME`: a reference to an environment variable, never its value.
        case environment(String)
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

extension Token.Kind: CustomStringConvertible {
    /// The token as it could be written in source (strings re-quoted), for messages and tests.
    public var description: String {
        switch self {
        case .word(let text), .number(let text): text
        case .string(let text): Quoting.doubleQuoted(text)
        case .variable(let reference): reference.description
        case .environment(let name): "env:" + name
        case .option(let name): "--" + name
        case .symbol(let symbol): symbol.rawValue
        case .pipe: "|"
        case .append: ">>"
        case .semicolon: ";"
        case .newline: "end of line"
        }
    }
}
