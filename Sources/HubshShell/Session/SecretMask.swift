import HubSpotAPI
import HubshLanguage

/// Where a statement's text holds secrets and what each is shown as: the value after `--token` (an
/// `env:NAME` reference is kept), `pat-…` tokens, and what follows `Bearer `. The operation log,
/// `history`, error excerpts and `save` all go through it, so a token is masked the same way everywhere.
public struct SecretMask: Sendable {
    /// One secret: the scalars it covers in the text, and what is shown instead.
    public struct Span: Sendable, Hashable {
        public var range: SourceRange
        public var replacement: String
    }

    /// The secrets of the text, in order, none overlapping.
    public let spans: [Span]

    /// Finds the secrets of `text`.
    public init(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        var spans: [Span] = []
        // The value after each `--token` first: it need not look like a token to be one.
        var from = 0
        while let found = Self.find("--token", in: scalars, from: from) {
            var start = found + "--token".unicodeScalars.count
            while start < scalars.count, scalars[start] == " " || scalars[start] == "\t" || scalars[start] == "=" { start += 1 }
            var end = start
            while end < scalars.count, !Character(scalars[end]).isWhitespace, scalars[end] != ";", scalars[end] != "|" { end += 1 }
            let value = Self.string(scalars[start..<end])
            let bare = Self.unquoted(value)
            if !bare.isEmpty, !bare.hasPrefix("env:") {
                spans.append(Span(range: SourceRange(start, end), replacement: AccessToken.mask(bare)))
            }
            from = max(end, found + 1)
        }
        // Then `pat-…` tokens and `Bearer …` values outside those.
        var tokenSpans: [Span] = []
        var index = 0
        while index < scalars.count {
            if let covering = spans.first(where: { $0.range.start <= index && index < $0.range.end }) {
                index = covering.range.end
                continue
            }
            if Self.matches("pat-", in: scalars, at: index) {
                let bodyStart = index + 4
                let bodyEnd = Self.tokenEnd(scalars, from: bodyStart)
                if bodyEnd - bodyStart >= 16 {
                    tokenSpans.append(Span(range: SourceRange(index, bodyEnd),
                                           replacement: AccessToken.mask("pat-" + Self.string(scalars[bodyStart..<bodyEnd]))))
                }
                index = max(bodyEnd, index + 1)
            } else if Self.matches("Bearer ", in: scalars, at: index) {
                let bodyStart = index + 7
                let bodyEnd = Self.tokenEnd(scalars, from: bodyStart)
                if bodyEnd > bodyStart {
                    tokenSpans.append(Span(range: SourceRange(bodyStart, bodyEnd),
                                           replacement: AccessToken.mask(Self.string(scalars[bodyStart..<bodyEnd]))))
                }
                index = bodyEnd
            } else {
                index += 1
            }
        }
        self.spans = (spans + tokenSpans).sorted { $0.range.start < $1.range.start }
    }

    /// Whether the text holds no secret.
    public var isEmpty: Bool { spans.isEmpty }

    /// `text` with every secret masked.
    public static func redact(_ text: String) -> String {
        let mask = SecretMask(text)
        guard !mask.isEmpty else { return text }
        return mask.apply(to: Array(text.unicodeScalars))
    }

    /// The diagnostic against `source` as it may be shown: the source with its secrets masked, the
    /// range moved to the same text there, and the message and suggestion masked too.
    public static func masking(_ diagnostic: Diagnostic, in source: SourceText) -> (Diagnostic, SourceText) {
        var shown = diagnostic
        shown.message = redact(diagnostic.message)
        shown.suggestion = diagnostic.suggestion.map(redact)
        let mask = SecretMask(source.text)
        guard !mask.isEmpty else { return (shown, source) }
        shown.range = SourceRange(mask.moved(diagnostic.range.start, isEnd: false), mask.moved(diagnostic.range.end, isEnd: true))
        return (shown, SourceText(mask.apply(to: source.scalars)))
    }

    /// The text of `scalars` with the spans replaced.
    private func apply(to scalars: [Unicode.Scalar]) -> String {
        var out = String.UnicodeScalarView()
        var position = 0
        for span in spans {
            out.append(contentsOf: scalars[position..<min(span.range.start, scalars.count)])
            out.append(contentsOf: span.replacement.unicodeScalars)
            position = min(span.range.end, scalars.count)
        }
        out.append(contentsOf: scalars[position...])
        return String(out)
    }

    /// Where `offset` of the text is in the masked text: inside a secret, its replacement's start (or
    /// end, for the end of a range).
    private func moved(_ offset: Int, isEnd: Bool) -> Int {
        var shift = 0
        for span in spans {
            if offset <= span.range.start { break }
            let length = span.replacement.unicodeScalars.count
            if offset < span.range.end { return span.range.start + shift + (isEnd ? length : 0) }
            shift += length - span.range.length
        }
        return offset + shift
    }

    private static func find(_ needle: String, in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start
        while index < scalars.count {
            if matches(needle, in: scalars, at: index) { return index }
            index += 1
        }
        return nil
    }

    private static func matches(_ needle: String, in scalars: [Unicode.Scalar], at index: Int) -> Bool {
        var position = index
        for scalar in needle.unicodeScalars {
            guard position < scalars.count, scalars[position] == scalar else { return false }
            position += 1
        }
        return true
    }

    /// The end of the token characters (letters, digits, `-`, `_`, `.`) from `start`.
    private static func tokenEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var end = start
        while end < scalars.count {
            let character = Character(scalars[end])
            guard character.isLetter || character.isNumber || "-_.".contains(character) else { break }
            end += 1
        }
        return end
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// The text without one pair of surrounding quotes.
    private static func unquoted(_ text: String) -> String {
        if text.count >= 2, let first = text.first, let last = text.last, first == last, first == "'" || first == "\"" {
            return String(text.dropFirst().dropLast())
        }
        return text
    }
}
