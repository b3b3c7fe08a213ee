/// The outcome of parsing a text: a script, a request for more input, or errors.
public enum ParseResult: Sendable {
    /// The text parsed; every statement is in the script.
    case complete(Script)
    /// The text stops in the middle of something that more input could finish (an open string, an open
    /// `(`, a trailing `|` or `\`). The REPL shows a continuation prompt; a script runner reports the
    /// diagnostic, which says what is unfinished.
    case incomplete(Diagnostic)
    /// The text has errors; more input cannot fix them.
    case failure([Diagnostic])

    /// Whether more input is needed (``incomplete(_:)``).
    public var isIncomplete: Bool {
        if case .incomplete = self { return true }
        return false
    }

    /// The script, when parsing succeeded.
    public var script: Script? {
        if case .complete(let script) = self { return script }
        return nil
    }

    /// The diagnostics to show if no more input comes: the errors, or what is unfinished.
    public var diagnostics: [Diagnostic] {
        switch self {
        case .complete: []
        case .incomplete(let diagnostic): [diagnostic]
        case .failure(let diagnostics): diagnostics
        }
    }
}

/// Everything the parser found, including the statements that parsed when others did not.
public struct ParseOutput: Sendable {
    /// The statements that parsed; a statement with an error is left out.
    public var script: Script
    /// The errors, in source order.
    public var diagnostics: [Diagnostic]
    /// Set when the text ends in the middle of something that more input could finish.
    public var incomplete: Diagnostic?
    /// How many scalars, tokens and arguments the lexer and parser looked at (tests bound it by the
    /// text's length).
    var steps = 0

    /// The summary: failure if there are errors (the unfinished part included), else incomplete, else complete.
    public var result: ParseResult {
        if !diagnostics.isEmpty { return .failure(diagnostics + (incomplete.map { [$0] } ?? [])) }
        if let incomplete { return .incomplete(incomplete) }
        return .complete(script)
    }
}

/// Parses hubsh source into statements → pipelines → commands → arguments.
///
/// Commands are not known here: a command is its name and its arguments as written. The one piece of
/// grammar the parser does know is `where`, to tell `where amount > 100` (a comparison) from
/// `… > file` (a redirection): a `>` is a comparison exactly when it follows a property inside a `where`
/// clause. The binder parses the clause itself with ``WhereParser``.
public enum Parser {
    /// Parses `text`.
    public static func parse(_ text: String) -> ParseResult {
        analyse(text).result
    }

    /// Parses `text`, keeping the statements that parsed next to the errors.
    public static func analyse(_ text: String) -> ParseOutput {
        let steps = StepCounter()
        let scalars = Array(text.unicodeScalars)
        let lexed = Lexer.tokenize(scalars, steps: steps)
        var parser = ParserState(tokens: lexed.tokens, scalars: scalars, steps: steps)
        let statements = parser.parseScript()
        let diagnostics = (lexed.diagnostics + parser.diagnostics).sorted { $0.range.start < $1.range.start }
        return ParseOutput(script: Script(statements: statements), diagnostics: diagnostics,
                           incomplete: lexed.incomplete ?? parser.incomplete, steps: steps.count)
    }

    /// Whether the REPL should ask for another line before running `text`.
    public static func needsContinuation(_ text: String) -> Bool {
        parse(text).isIncomplete
    }
}

/// The parser's cursor and output.
struct ParserState {
    let tokens: [Token]
    let scalars: [Unicode.Scalar]
    /// Counts every token and argument looked at.
    let steps: StepCounter
    /// Columns for messages, found in one pass however many statements ask.
    var columns: ColumnFinder
    var index = 0
    var diagnostics: [Diagnostic] = []
    var incomplete: Diagnostic?
    /// Whether the text stops at a cursor (completion): an unclosed `(` is then still being written.
    var partial = false

    init(tokens: [Token], scalars: [Unicode.Scalar], steps: StepCounter = StepCounter()) {
        self.tokens = tokens
        self.scalars = scalars
        self.steps = steps
        self.columns = ColumnFinder(scalars)
    }

    var current: Token? {
        steps.count += 1
        return index < tokens.count ? tokens[index] : nil
    }

    func token(at offset: Int) -> Token? {
        steps.count += 1
        let position = index + offset
        return position < tokens.count ? tokens[position] : nil
    }

    func isStatementEnd(_ token: Token?) -> Bool {
        guard let token else { return true }
        switch token.kind {
        case .newline, .semicolon: return true
        default: return false
        }
    }

    mutating func parseScript() -> [Pipeline] {
        var statements: [Pipeline] = []
        while true {
            while let token = current, isStatementEnd(token) { index += 1 }
            guard current != nil else { break }
            do throws(Diagnostic) {
                if let pipeline = try parsePipeline() { statements.append(pipeline) }
            } catch {
                diagnostics.append(error)
                while !isStatementEnd(current) { index += 1 }
            }
        }
        return statements
    }

    /// Parses one statement; nil when the text ends where a command should follow `|` (incomplete).
    mutating func parsePipeline() throws(Diagnostic) -> Pipeline? {
        if let token = current, token.kind == .pipe {
            throw Diagnostic("'|' with no command before it", at: token.range)
        }
        var commands: [Command] = []
        while true {
            guard let command = try parseCommand() else { return nil }
            commands.append(command)
            guard let token = current, token.kind == .pipe else { break }
            index += 1
            while let next = current, next.kind == .newline { index += 1 }
            guard let next = current else {
                incomplete = Diagnostic("'|' with no command after it", at: token.range)
                return nil
            }
            if next.kind == .semicolon || next.kind == .pipe {
                throw Diagnostic("'|' with no command after it", at: token.range)
            }
        }
        let redirection = try parseRedirection()
        let start = commands[0].range.start
        let end = redirection?.range.end ?? commands[commands.count - 1].range.end
        return Pipeline(commands: commands, redirection: redirection, range: SourceRange(start, end))
    }

    /// Parses `> file` / `>> file` if the cursor is on one, and checks that the statement ends after it.
    mutating func parseRedirection() throws(Diagnostic) -> Redirection? {
        guard let token = current else { return nil }
        let mode: Redirection.Mode
        switch token.kind {
        case .symbol(.greater): mode = .overwrite
        case .append: mode = .append
        default: return nil
        }
        index += 1
        guard let targetToken = current, let target = targetToken.value else {
            throw Diagnostic("redirection '\(mode.rawValue)' needs a file name", at: token.range)
        }
        index += 1
        if let next = current, !isStatementEnd(next) {
            if targetToken.range.end == next.range.start, Self.isValueLike(next.kind) {
                throw missingSpace(targetToken, next)
            }
            throw Diagnostic("unexpected '\(next.kind.excerpt)' after the redirection: '\(mode.rawValue) file' must end the pipeline",
                             at: next.range)
        }
        return Redirection(mode: mode, target: target, range: token.range.union(targetToken.range))
    }

    /// Parses a command name and its arguments, up to `|`, a redirection or the end of the statement.
    ///
    /// First every token up to `|` / `>>` / the statement end becomes an argument (each `>` a symbol); then
    /// ``WhereParser`` decides which `>` is the redirection, and the arguments stop there.
    mutating func parseCommand() throws(Diagnostic) -> Command? {
        guard let nameToken = current else { return nil }
        guard case .value(.word(let name)) = nameToken.kind else {
            throw Diagnostic("expected a command name, found '\(nameToken.kind.excerpt)'", at: nameToken.range)
        }
        index += 1
        var arguments: [Argument] = []
        var tokenIndices: [Int] = []
        var depth = 0
        var previous = nameToken
        loop: while let token = current {
            if previous.range.end == token.range.start, Self.isValueLike(previous.kind), Self.isValueLike(token.kind) {
                throw missingSpace(previous, token)
            }
            tokenIndices.append(index)
            switch token.kind {
            case .pipe, .semicolon, .newline, .append:
                tokenIndices.removeLast()
                break loop
            case .symbol(let symbol):
                if symbol == .leftParenthesis { depth += 1 }
                if symbol == .rightParenthesis {
                    guard depth > 0 else { throw Diagnostic("unexpected ')'", at: token.range) }
                    depth -= 1
                }
                arguments.append(Argument(kind: .symbol(symbol), range: token.range))
                index += 1
            case .option(let optionName):
                var value: Value?
                if let equals = attachedEquals(after: token) {
                    index += 2
                    value = attachedValue(after: equals) ?? Value(.string(""), .at(equals.range.end))
                } else {
                    index += 1
                }
                previous = tokens[index - 1]
                arguments.append(Argument(kind: .option(optionName, value: value), range: token.range.union(previous.range)))
                continue loop
            case .value(.word(let word)) where attachedEquals(after: token) != nil:
                let equals = tokens[index + 1]
                index += 2
                let value = attachedValue(after: equals)
                previous = tokens[index - 1]
                if let next = current, next.kind == .symbol(.equals), next.range.start == previous.range.end {
                    if value == nil {
                        throw Diagnostic("'==' is not an operator: use '='", at: equals.range.union(next.range))
                    }
                    throw Diagnostic("unexpected '=' after '\(Quoting.excerpt(word + "=" + (value?.description ?? "")))'", at: next.range,
                                     suggestion: "quote a value that contains '='")
                }
                arguments.append(Argument(kind: .assignment(word, value: value), range: token.range.union(previous.range)))
                continue loop
            case .value(let value):
                arguments.append(Argument(kind: .value(value), range: token.range))
                index += 1
            }
            previous = token
        }
        if let redirection = WhereParser.redirectionIndex(in: arguments, commandName: name, steps: steps),
           tokenIndices.indices.contains(redirection) {
            index = tokenIndices[redirection]
            arguments.removeSubrange(redirection...)
        }
        if let open = Self.firstUnclosedParenthesis(in: arguments, steps: steps) {
            let diagnostic = Diagnostic("unclosed '(' (opened at column \(columns.column(of: open.start, steps: steps)))",
                                        at: open)
            guard current == nil else { throw diagnostic }
            incomplete = diagnostic
            if !partial { return nil }
        }
        return Command(name: name, nameRange: nameToken.range, arguments: arguments)
    }

    /// The range of the first `(` that no `)` closes.
    static func firstUnclosedParenthesis(in arguments: [Argument], steps: StepCounter) -> SourceRange? {
        var open: [SourceRange] = []
        for argument in arguments {
            steps.count += 1
            if argument.symbol == .leftParenthesis { open.append(argument.range) }
            if argument.symbol == .rightParenthesis { _ = open.popLast() }
        }
        return open.first
    }

    /// The `=` token directly after `token` (no space between), if there is one.
    func attachedEquals(after token: Token) -> Token? {
        steps.count += 1
        guard index + 1 < tokens.count else { return nil }
        let next = tokens[index + 1]
        guard next.kind == .symbol(.equals), next.range.start == token.range.end else { return nil }
        return next
    }

    /// Consumes and returns the value directly after `equals` (no space between), if there is one.
    mutating func attachedValue(after equals: Token) -> Value? {
        guard let next = current, next.range.start == equals.range.end, let value = next.value else { return nil }
        index += 1
        return value
    }

    func missingSpace(_ first: Token, _ second: Token) -> Diagnostic {
        Diagnostic("missing space between '\(first.kind.excerpt)' and '\(second.kind.excerpt)'", at: second.range,
                   suggestion: "add a space, or quote the whole text")
    }

    static func isValueLike(_ kind: Token.Kind) -> Bool {
        switch kind {
        case .value, .option: true
        case .symbol, .pipe, .append, .semicolon, .newline: false
        }
    }
}
