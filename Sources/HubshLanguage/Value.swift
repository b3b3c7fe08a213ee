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
    public var literalText: String? { kind.literalText }

    /// The value as it could be written in source.
    public var description: String { kind.description }
}

extension Value.Kind: CustomStringConvertible {
    /// The text of a word, number or string; nil for references, which only the shell can resolve.
    public var literalText: String? {
        switch self {
        case .word(let text), .number(let text), .string(let text): text
        case .variable, .environment: nil
        }
    }

    /// The value as it could be written in source (strings re-quoted).
    public var description: String {
        switch self {
        case .word(let text), .number(let text): text
        case .string(let text): Quoting.doubleQuoted(text)
        case .variable(let reference): reference.description
        case .environment(let name): "env:" + name
        }
    }
}

extension Value {
    /// `text` as it is written in source to be read back as one value: as it is when the lexer reads
    /// it as one word or number, else double-quoted (`lead`, `"Closed won"`).
    public static func sourceText(_ text: String) -> String {
        let tokens = Lexer.tokenize(text).tokens
        if tokens.count == 1, case .value(let value) = tokens[0].kind, value.literalText == text {
            switch value {
            case .word, .number: return text
            default: break
            }
        }
        return Quoting.doubleQuoted(text)
    }
}
