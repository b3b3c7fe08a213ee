/// What the lexer read: tokens, the problems it found, and whether the text stops in the middle of something.
public struct LexResult: Sendable {
    /// The tokens, in source order, without comments and whitespace.
    public var tokens: [Token]
    /// Errors in the text (an unknown escape, `$` without a name, …).
    public var diagnostics: [Diagnostic]
    /// Set when the text ends inside a string or right after a `\` continuation: more input could complete
    /// it. The diagnostic says what is unfinished, for when no more input will come.
    public var incomplete: Diagnostic?
    /// How many scalars the lexer looked at (tests bound it by the text's length).
    var steps = 0
}

/// Turns hubsh source text into tokens.
///
/// Rules worth knowing:
/// - Words end at whitespace and at `| ; ( ) " ' < > =` and `!=`; inside parentheses also at `,`.
///   So `email,firstname` is one word, `in (a, b)` is a list, and `name=value` is three tokens (the parser
///   joins adjacent ones into an assignment).
/// - `#` starts a comment only where a token could start: `a#b` is one word, `a #b` is `a` and a comment.
/// - `$` starts a variable only at the start of a token (`a$b` is a word); `env:` likewise.
/// - Outside strings `\` is literal, except as the last character of a line (trailing blanks allowed), where
///   it joins the next line to this one.
/// - Inside parentheses line breaks are whitespace, so an `in (…)` list may span lines; `|` and `;` close
///   any open parentheses.
/// - Hence text that holds `= ( ) | ; < >` or a quote, or starts with `#`, `$`, `--` or `env:` (a URL with a query,
///   a base64 value, a price) is written as a string.
public enum Lexer {
    /// Reads all of `text`.
    public static func tokenize(_ text: String) -> LexResult {
        tokenize(Array(text.unicodeScalars), steps: StepCounter())
    }

    /// Reads all of `scalars`, counting the scalars looked at in `steps`.
    static func tokenize(_ scalars: [Unicode.Scalar], steps: StepCounter) -> LexResult {
        let start = steps.count
        var lexer = LexerState(scalars, steps: steps)
        lexer.run()
        return LexResult(tokens: lexer.tokens, diagnostics: lexer.diagnostics, incomplete: lexer.incomplete,
                         steps: steps.count - start)
    }
}

/// The lexer's cursor and output; one value per call to ``Lexer/tokenize(_:)``.
struct LexerState {
    let scalars: [Unicode.Scalar]
    /// Counts every scalar looked at.
    let steps: StepCounter
    var index = 0
    var depth = 0
    var tokens: [Token] = []
    var diagnostics: [Diagnostic] = []
    var incomplete: Diagnostic?

    init(_ scalars: [Unicode.Scalar], steps: StepCounter = StepCounter()) {
        self.scalars = scalars
        self.steps = steps
    }

    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        steps.count += 1
        let position = index + offset
        return position >= 0 && position < scalars.count ? scalars[position] : nil
    }

    mutating func emit(_ kind: Token.Kind, from start: Int) {
        tokens.append(Token(kind, SourceRange(start, index)))
    }

    mutating func report(_ message: String, _ range: SourceRange) {
        diagnostics.append(Diagnostic(message, at: range))
    }

    mutating func run() {
        while let scalar = peek() {
            let start = index
            switch scalar {
            case "\n":
                index += 1
                if depth == 0 { emit(.newline, from: start) }
            case _ where Characters.isBlank(scalar):
                index += 1
            case "#":
                while let next = peek(), next != "\n" { index += 1 }
            case "\\" where continuationEnd(at: index) != nil:
                skipContinuation()
            case "|":
                index += 1
                depth = 0
                emit(.pipe, from: start)
            case ";":
                index += 1
                depth = 0
                emit(.semicolon, from: start)
            case "(":
                index += 1
                depth += 1
                emit(.symbol(.leftParenthesis), from: start)
            case ")":
                index += 1
                depth = max(0, depth - 1)
                emit(.symbol(.rightParenthesis), from: start)
            case "," where depth > 0:
                index += 1
                emit(.symbol(.comma), from: start)
            case "=":
                index += 1
                emit(.symbol(.equals), from: start)
            case "!" where peek(1) == "=":
                index += 2
                emit(.symbol(.notEquals), from: start)
            case "<":
                index += 1
                if peek() == "=" { index += 1 }
                emit(.symbol(index - start == 2 ? .lessOrEqual : .less), from: start)
            case ">":
                index += 1
                if peek() == ">" {
                    index += 1
                    emit(.append, from: start)
                } else if peek() == "=" {
                    index += 1
                    emit(.symbol(.greaterOrEqual), from: start)
                } else {
                    emit(.symbol(.greater), from: start)
                }
            case "\"":
                lexDoubleQuoted()
            case "'":
                lexSingleQuoted()
            case "$":
                lexVariable()
            default:
                lexWord()
            }
        }
    }

    /// If a `\` at `position` is a line continuation (only blanks follow it on its line), the offset just
    /// past the continuation: past the `\n`, or the end of the text.
    func continuationEnd(at position: Int) -> Int? {
        var cursor = position + 1
        while cursor < scalars.count, scalars[cursor] != "\n", Characters.isBlank(scalars[cursor]) {
            steps.count += 1
            cursor += 1
        }
        if cursor == scalars.count { return cursor }
        return scalars[cursor] == "\n" ? cursor + 1 : nil
    }

    mutating func skipContinuation() {
        let start = index
        guard let end = continuationEnd(at: index) else { return }
        index = end
        if end == scalars.count, scalars.last != "\n" {
            incomplete = Diagnostic("nothing follows the line continuation '\\'", at: SourceRange(start, start + 1))
        }
    }

    // MARK: Words

    mutating func lexWord() {
        let start = index
        var end = index
        let count = scalars.count
        while end < count {
            steps.count += 1
            let scalar = scalars[end]
            if Characters.isWhitespace(scalar) || Characters.endsWord(scalar) { break }
            if scalar == "!", end + 1 < count, scalars[end + 1] == "=" { break }
            if scalar == ",", depth > 0 { break }
            if scalar == "\\", continuationEnd(at: end) != nil { break }
            end += 1
        }
        index = max(end, start + 1)  // never stall, whatever the input
        let written = scalars[start..<index]
        let range = SourceRange(start, index)
        let length = index - start
        if length >= 2, scalars[start] == "-", scalars[start + 1] == "-" {
            let name = Self.string(written.dropFirst(2))
            if name.isEmpty {
                report("expected an option name after '--'", range)
            } else if !Characters.isOptionName(name) {
                report("invalid option name '--\(name)': an option name starts with a letter", range)
            }
            emit(.option(name), from: start)
        } else if length >= 4, scalars[start] == "e", scalars[start + 1] == "n", scalars[start + 2] == "v",
                  scalars[start + 3] == ":" {
            let name = Self.string(written.dropFirst(4))
            if name.isEmpty {
                report("expected an environment variable name after 'env:'", range)
            } else if !Characters.isIdentifier(name) {
                report("invalid environment variable name in 'env:\(name)': use letters, digits and '_'", range)
            }
            emit(.value(.environment(name)), from: start)
        } else if Characters.isNumber(written) {
            emit(.value(.number(Self.string(written))), from: start)
        } else {
            emit(.value(.word(Self.string(written))), from: start)
        }
    }

    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    mutating func lexVariable() {
        let start = index
        index += 1
        guard let first = peek(), Characters.isIdentifierStart(first) else {
            report("expected a variable name after '$'", SourceRange(start, index))
            return
        }
        let name = takeWhile(Characters.isIdentifierContinuation)
        var path: [String] = []
        while peek() == "." {
            guard let next = peek(1), Characters.isIdentifierContinuation(next) else {
                index += 1
                let written = String(String.UnicodeScalarView(scalars[start..<index]))
                report("expected a field name after '.' in '\(written)'", SourceRange(start, index))
                break
            }
            index += 1
            path.append(takeWhile(Characters.isIdentifierContinuation))
        }
        emit(.value(.variable(VariableReference(name: name, path: path))), from: start)
    }

    mutating func takeWhile(_ accept: (Unicode.Scalar) -> Bool) -> String {
        var view = String.UnicodeScalarView()
        while let scalar = peek(), accept(scalar) {
            view.append(scalar)
            index += 1
        }
        return String(view)
    }

    // MARK: Strings

    mutating func unclosedString(startingAt start: Int) {
        var columns = ColumnFinder(scalars)
        let column = columns.column(of: start, steps: steps)
        incomplete = Diagnostic("unclosed string (started at column \(column))", at: SourceRange(start, start + 1))
    }

    mutating func lexSingleQuoted() {
        let start = index
        index += 1
        var view = String.UnicodeScalarView()
        while let scalar = peek(), scalar != "'" {
            view.append(scalar)
            index += 1
        }
        if peek() == "'" {
            index += 1
        } else {
            unclosedString(startingAt: start)
        }
        emit(.value(.string(String(view))), from: start)
    }

    mutating func lexDoubleQuoted() {
        let start = index
        index += 1
        var view = String.UnicodeScalarView()
        while true {
            guard let scalar = peek() else {
                unclosedString(startingAt: start)
                break
            }
            if scalar == "\"" {
                index += 1
                break
            }
            if scalar != "\\" {
                view.append(scalar)
                index += 1
                continue
            }
            guard let escaped = peek(1) else {
                index += 1
                unclosedString(startingAt: start)
                break
            }
            if let decoded = Characters.simpleEscape(escaped) {
                view.append(decoded)
                index += 2
            } else if escaped == "\n" {
                index += 2  // a `\` line break inside a string joins the lines
            } else if escaped == "u" {
                if let decoded = lexUnicodeEscape() { view.append(decoded) }
            } else {
                index += 2
                report("unknown escape '\\\(escaped)' in a string (write '\\\\' for a backslash)",
                       SourceRange(index - 2, index))
                view.append(escaped)
            }
        }
        emit(.value(.string(String(view))), from: start)
    }

    /// Reads `\u{…}` at the cursor; reports and returns nil when it is malformed.
    mutating func lexUnicodeEscape() -> Unicode.Scalar? {
        let start = index
        index += 2
        guard peek() == "{" else {
            report("invalid unicode escape: write it as '\\u{1F600}'", SourceRange(start, index))
            return nil
        }
        index += 1
        let digits = takeWhile { $0.properties.isASCIIHexDigit }
        guard peek() == "}", (1...8).contains(digits.unicodeScalars.count) else {
            if peek() == "}" { index += 1 }
            report("invalid unicode escape: write it as '\\u{1F600}' with 1 to 8 hex digits", SourceRange(start, index))
            return nil
        }
        index += 1
        guard let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) else {
            report("'\\u{\(digits)}' is not a unicode scalar value", SourceRange(start, index))
            return nil
        }
        return scalar
    }
}
