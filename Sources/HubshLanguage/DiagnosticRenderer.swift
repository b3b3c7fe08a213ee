/// Renders diagnostics for a person: the line number and message, the source line, and carets under the range.
///
/// ```
/// line 1: expected a value after '>='
///   search contacts where createdate >=
///                                    ^^
/// ```
/// A suggestion follows the carets on the same line (`^^^^^ did you mean 'search'?`). Control characters in
/// the source line are shown as `�` so that a terminal never interprets them, tabs are kept so the carets
/// line up, and wide characters (CJK, emoji) count as two columns. Of a line longer than
/// ``longLine`` scalars only an excerpt around the range is shown, between `…` marks, so that one line of
/// thousands of statements does not print all of itself for every problem in it.
public enum DiagnosticRenderer {
    /// Lines longer than this many scalars are shown as an excerpt.
    public static let longLine = 160
    /// In an excerpt: how much of the line is shown before and after the marked text, and how much of
    /// the marked text (scalars).
    static let excerptContext = 40
    static let excerptMarked = 80

    /// The diagnostic as three lines (no trailing newline). `sourceName` (e.g. a script's file name) is
    /// written before the line number.
    public static func render(_ diagnostic: Diagnostic, in text: String, sourceName: String? = nil) -> String {
        render(diagnostic, in: SourceText(text), sourceName: sourceName)
    }

    /// Several diagnostics, one block each, separated by line breaks.
    public static func render(_ diagnostics: [Diagnostic], in text: String, sourceName: String? = nil) -> String {
        let source = SourceText(text)
        return diagnostics.map { render($0, in: source, sourceName: sourceName) }.joined(separator: "\n")
    }

    /// The diagnostic rendered against already indexed text.
    public static func render(_ diagnostic: Diagnostic, in source: SourceText, sourceName: String? = nil,
                              highlight: Highlight = .none) -> String {
        let start = min(max(diagnostic.range.start, 0), source.count)
        let line = source.line(containing: start)
        let lineRange = source.rangeOfLine(line)
        var end = min(max(diagnostic.range.end, start), lineRange.end)
        let severity = diagnostic.severity == .error ? "" : "\(diagnostic.severity.rawValue): "
        let place = (sourceName.map { "\($0), " } ?? "") + "line \(line)"
        var shownStart = lineRange.start
        var shownEnd = lineRange.end
        if lineRange.length > longLine {
            shownStart = max(lineRange.start, start - excerptContext)
            end = min(end, start + excerptMarked)
            shownEnd = min(lineRange.end, end + excerptContext)
        }
        let cutBefore = shownStart > lineRange.start ? "…" : ""
        let cutAfter = shownEnd < lineRange.end ? "…" : ""
        let before = cutBefore + source.text(in: SourceRange(shownStart, start))
        let marked = source.text(in: SourceRange(start, end))
        let after = source.text(in: SourceRange(end, shownEnd)) + cutAfter
        let shownLine = visible(before) + visible(marked) + visible(after)
        let carets = String(repeating: "^", count: max(1, width(of: marked)))
        var caretLine = "  " + padding(for: before) + highlight.problem(carets)
        if let suggestion = diagnostic.suggestion { caretLine += " " + highlight.suggestion(suggestion) }
        return "\(highlight.place(place + ":")) \(highlight.problem(severity + diagnostic.message))\n  \(shownLine)\n\(caretLine)"
    }

    /// How the parts of a rendered diagnostic are marked (terminal colours, say); `none` leaves them as they are.
    public struct Highlight: Sendable {
        /// `line 3:`.
        public var place: @Sendable (String) -> String
        /// The message and the carets.
        public var problem: @Sendable (String) -> String
        /// The "did you mean" text.
        public var suggestion: @Sendable (String) -> String

        public init(place: @escaping @Sendable (String) -> String, problem: @escaping @Sendable (String) -> String,
                    suggestion: @escaping @Sendable (String) -> String) {
            self.place = place
            self.problem = problem
            self.suggestion = suggestion
        }

        public static let none = Highlight(place: { $0 }, problem: { $0 }, suggestion: { $0 })
    }

    /// Blanks that line up under `text` in a terminal: tabs stay tabs, every other column becomes a space.
    static func padding(for text: String) -> String {
        var result = ""
        for character in text {
            if character == "\t" {
                result += "\t"
            } else {
                result += String(repeating: " ", count: width(of: character))
            }
        }
        return result
    }

    /// `text` with control characters replaced, so that printing it cannot move the cursor or change colours.
    static func visible(_ text: String) -> String {
        String(text.map { isControl($0) ? "\u{FFFD}" : $0 })
    }

    static func isControl(_ character: Character) -> Bool {
        guard character != "\t", let scalar = character.unicodeScalars.first else { return false }
        return scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Terminal columns of `text`.
    static func width(of text: String) -> Int {
        text.reduce(0) { $0 + width(of: $1) }
    }

    /// East Asian wide and emoji blocks, which terminals draw two columns wide.
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
        0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
    ]

    /// Terminal columns of one character: 2 for wide (East Asian and emoji), else 1.
    static func width(of character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        if isControl(character) || character == "\t" { return 1 }
        if scalar.value < 0x1100 { return 1 }
        if wideRanges.contains(where: { $0.contains(scalar.value) }) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }
}
