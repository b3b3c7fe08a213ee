/// Where the cursor is in a statement being written, as the parser reads it: the commands before it in
/// the pipeline, the command it is in (its arguments up to the word at the cursor), and that word.
public struct CompletionPoint: Sendable, Hashable {
    /// The commands of the pipeline before the one at the cursor.
    public var earlier: [Command]
    /// The command at the cursor, with the arguments before the word; nil when the word is where a
    /// command's name goes (or the text before it does not parse).
    public var command: Command?
    /// Whether the word is where a command's name goes.
    public var expectsCommand: Bool
    /// The word at the cursor as typed (`lifecyclestage=c`, `email,first`, `--q`, empty after a space).
    public var word: String
    /// Where the word starts, in Unicode scalars.
    public var wordStart: Int
}

extension Parser {
    /// The statement that ends at `cursor` (a count of Unicode scalars into `text`), read as far as it goes.
    public static func completionPoint(_ text: String, cursor: Int) -> CompletionPoint {
        let scalars = Array(text.unicodeScalars.prefix(cursor))
        let steps = StepCounter()
        let lexed = Lexer.tokenize(scalars, steps: steps)
        var tokens = lexed.tokens
        var wordStart = scalars.count
        if let open = lexed.incomplete, open.range.start < scalars.count {
            // An unclosed string: the word is the string being typed.
            wordStart = open.range.start
            tokens.removeAll { $0.range.end > wordStart }
        }
        // The word: the tokens that touch each other and the cursor (`name=value`, `--opt`, `a,b`).
        while let last = tokens.last, last.range.end == wordStart, joinsWord(last.kind) {
            wordStart = last.range.start
            tokens.removeLast()
        }
        let word = String(String.UnicodeScalarView(scalars[wordStart...]))
        if let end = tokens.lastIndex(where: { $0.kind == .semicolon || $0.kind == .newline }) {
            tokens.removeSubrange(...end)
        }
        var segments: [[Token]] = [[]]
        for token in tokens {
            if token.kind == .pipe { segments.append([]) } else { segments[segments.count - 1].append(token) }
        }
        func command(_ tokens: [Token]) -> Command? {
            var state = ParserState(tokens: tokens, scalars: scalars, steps: steps)
            state.partial = true
            return (try? state.parseCommand()) ?? nil
        }
        let current = segments.removeLast()
        let earlier = segments.compactMap(command)
        guard !current.isEmpty else {
            return CompletionPoint(earlier: earlier, command: nil, expectsCommand: true, word: word, wordStart: wordStart)
        }
        return CompletionPoint(earlier: earlier, command: command(current), expectsCommand: false, word: word, wordStart: wordStart)
    }

    /// Whether a token written right before the cursor's word, with no space, is part of it.
    private static func joinsWord(_ kind: Token.Kind) -> Bool {
        switch kind {
        case .value, .option: true
        case .symbol(let symbol): symbol != .leftParenthesis && symbol != .rightParenthesis && symbol != .comma
        case .pipe, .append, .semicolon, .newline: false
        }
    }
}
