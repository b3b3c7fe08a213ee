/// A parsed script: the statements of a file, a `-c` text or one REPL entry.
public struct Script: Sendable, Hashable {
    /// The statements in order; each statement is a pipeline. Blank lines and comments make none.
    public var statements: [Pipeline]

    /// A script of `statements`.
    public init(statements: [Pipeline]) {
        self.statements = statements
    }
}

/// One statement: commands joined by `|`, optionally ending in `> file` or `>> file`.
public struct Pipeline: Sendable, Hashable {
    /// The commands, at least one; each one's output flows into the next.
    public var commands: [Command]
    /// Where the pipeline's output goes, if it is redirected.
    public var redirection: Redirection?
    /// From the first command's name to the end of the statement.
    public var range: SourceRange

    /// A pipeline of `commands`, optionally redirected, written at `range`.
    public init(commands: [Command], redirection: Redirection? = nil, range: SourceRange) {
        self.commands = commands
        self.redirection = redirection
        self.range = range
    }
}

/// One command of a pipeline: a name and the arguments after it, not yet bound to a signature.
public struct Command: Sendable, Hashable {
    /// The command's name: the first word (`search`, `activity`, `where`).
    public var name: String
    /// Where the name was written.
    public var nameRange: SourceRange
    /// Everything after the name, in order; the binder gives them meaning.
    public var arguments: [Argument]
    /// From the name to the last argument.
    public var range: SourceRange

    /// A command `name` written at `nameRange` with `arguments`; the range covers them all.
    public init(name: String, nameRange: SourceRange, arguments: [Argument]) {
        self.name = name
        self.nameRange = nameRange
        self.arguments = arguments
        self.range = arguments.last.map { nameRange.union($0.range) } ?? nameRange
    }
}

/// One argument of a command, as written; commands are not known to the parser.
public struct Argument: Sendable, Hashable {
    /// What was written.
    public enum Kind: Sendable, Hashable {
        /// A value as the lexer read it: a word, number, string, `$name.field…` or `env:NAME`.
        case value(Value.Kind)
        /// `--name` (the binder decides whether the next argument is its value), or `--name=value` with the
        /// value attached (`--name=` attaches an empty string).
        case option(String, value: Value?)
        /// `name=value` written without spaces. The value is nil for `name=` with nothing after it, which
        /// means the empty string (and, in `where`, `name= value` with a space).
        case assignment(String, value: Value?)
        /// An operator or punctuation: `=` (as in `let x = 1`), comparisons, `(`, `)`, `,`.
        case symbol(Symbol)
    }

    /// What was written.
    public var kind: Kind
    /// Where it was written; for an assignment or an attached option value, the whole `name=value`.
    public var range: SourceRange

    /// The argument as a ``Value`` when it is a word, number, string, variable or environment reference.
    public var value: Value? {
        if case .value(let value) = kind { return Value(value, range) }
        return nil
    }

    /// The text of a bare word, else nil: what keywords (`where`, `and`, `desc`) are matched against.
    public var word: String? {
        if case .value(.word(let text)) = kind { return text }
        return nil
    }

    /// Whether this is the bare word `keyword`, ignoring ASCII case (quoted strings never are).
    public func isKeyword(_ keyword: String) -> Bool {
        guard case .value(.word(let text)) = kind else { return false }
        return Self.equalIgnoringASCIICase(text, keyword)
    }

    /// Compares without allocating; non-ASCII letters must match exactly (keywords are ASCII).
    static func equalIgnoringASCIICase(_ a: String, _ b: String) -> Bool {
        var left = a.utf8.makeIterator()
        var right = b.utf8.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return true
            case (let x?, let y?):
                if x == y { continue }
                let lowerX = (0x41...0x5A).contains(x) ? x | 0x20 : x
                let lowerY = (0x41...0x5A).contains(y) ? y | 0x20 : y
                if lowerX != lowerY { return false }
            default: return false
            }
        }
    }

    /// The symbol, when the argument is one.
    public var symbol: Symbol? {
        if case .symbol(let symbol) = kind { return symbol }
        return nil
    }
}

/// `> file` or `>> file` at the end of a pipeline.
public struct Redirection: Sendable, Hashable {
    /// Whether the file is replaced or appended to.
    public enum Mode: String, Sendable, Hashable {
        /// `>`: replace the file.
        case overwrite = ">"
        /// `>>`: append to the file.
        case append = ">>"
    }

    /// `>` or `>>`.
    public var mode: Mode
    /// The file name: a word, string, number or variable.
    public var target: Value
    /// From the operator to the end of the file name.
    public var range: SourceRange
}

extension Pipeline {
    /// The pipeline that begins at argument `index` of the first command, with the later commands and the
    /// redirection: what `activity add NAME = search … | …` and `let x = …` store. Nil when that argument is
    /// not a bare word (a command name).
    public func subpipeline(startingAtArgument index: Int) -> Pipeline? {
        guard let first = commands.first, first.arguments.indices.contains(index),
              let name = first.arguments[index].word
        else { return nil }
        let head = Command(name: name, nameRange: first.arguments[index].range,
                           arguments: Array(first.arguments[(index + 1)...]))
        let rest = [head] + commands.dropFirst()
        let end = redirection?.range.end ?? rest.last?.range.end ?? head.range.end
        return Pipeline(commands: rest, redirection: redirection, range: SourceRange(head.range.start, end))
    }
}
