/// A single value written in source: what an assignment, an option, a redirection or a `where` condition takes.
public struct Value: Sendable, Hashable, CustomStringConvertible {
    /// What kind of value was written.
    public enum Kind: Sendable, Hashable {
        /// A bare word, e.g. `lead`, `2025-01-01`, `acme.com`.
        case word(String)
        /// A bare word that reads as a number, kept exactly as written (`01234` keeps its zero).
        case number(String)
        /// The decoded contents of a quoted string.
        case string(String)
        /// `$name.field…`, resolved by the shell.
        case variable(VariableReference)
        /// `env:NAME`, resolved by the shell at the last moment and never echoed.
        case environment(String)
    }

    /// What kind of value was written.
    public var kind: Kind
    /// Where it was written (quotes and sigils included).
    public var range: SourceRange

    /// A value of `kind` written at `range`.
    public init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    /// The text of a word, number or string; nil for references, which only the shell can resolve.
    public var literalText: String? {
        switch kind {
        case .word(let text), .number(let text), .string(let text): text
        case .variable, .environment: nil
        }
    }

    /// The value as it could be written in source.
    public var description: String {
        switch kind {
        case .word(let text), .number(let text): text
        case .string(let text): Quoting.doubleQuoted(text)
        case .variable(let reference): reference.description
        case .environment(let name): "env:" + name
        }
    }
}

extension Token {
    /// The token as a ``Value``, when it is a word, number, string, variable or environment reference.
    public var value: Value? {
        switch kind {
        case .word(let text): Value(.word(text), range)
        case .number(let text): Value(.number(text), range)
        case .string(let text): Value(.string(text), range)
        case .variable(let reference): Value(.variable(reference), range)
        case .environment(let name): Value(.environment(name), range)
        case .option, .symbol, .pipe, .append, .semicolon, .newline: nil
        }
    }
}

extension Value {
    /// `text` as it is written in source to be read back as one value: as it is when the lexer reads
    /// it as one word or number, else double-quoted (`lead`, `"Closed won"`).
    public static func sourceText(_ text: String) -> String {
        let tokens = Lexer.tokenize(text).tokens
        if tokens.count == 1, tokens[0].value?.literalText == text {
            switch tokens[0].kind {
            case .word, .number: return text
            default: break
            }
        }
        return Quoting.doubleQuoted(text)
    }
}
