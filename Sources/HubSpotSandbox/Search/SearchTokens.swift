/// The operand of `CONTAINS_TOKEN` / `NOT_CONTAINS_TOKEN`, compiled once per request. Case never matters.
///
/// - Without `*`: the operand's words (runs of letters and digits) must appear in the value as
///   consecutive words: `hubspot` and `hubspot.com` both match `ann@hubspot.com`, `spot` does not.
/// - With `*` (any run of characters): the pattern must match the whole value or one of its words:
///   `*@hubspot.com` matches `ann@hubspot.com`, `jo*` matches `Mary Jones`.
struct TokenPattern: Sendable {
    private let words: [[UInt8]]
    private let wildcard: [UInt8]?

    init(_ operand: String) {
        if operand.contains("*") {
            wildcard = SearchText.lowered(operand)
            words = []
        } else {
            wildcard = nil
            words = SearchText.words(operand)
        }
    }

    /// Whether `value` holds the token.
    func matches(_ value: String) -> Bool {
        SearchText.withFoldable(value) { bytes in
            if let wildcard {
                if SearchText.matchesWildcard(bytes, 0..<bytes.count, wildcard) { return true }
                var position = 0
                while let word = SearchText.nextWord(bytes, from: position) {
                    if SearchText.matchesWildcard(bytes, word, wildcard) { return true }
                    position = word.upperBound
                }
                return false
            }
            guard let first = words.first else { return false }
            var position = 0
            while let word = SearchText.nextWord(bytes, from: position) {
                position = word.upperBound
                guard SearchText.equals(bytes, word, first) else { continue }
                var next = word.upperBound
                var all = true
                for expected in words.dropFirst() {
                    guard let following = SearchText.nextWord(bytes, from: next), SearchText.equals(bytes, following, expected) else {
                        all = false
                        break
                    }
                    next = following.upperBound
                }
                if all { return true }
            }
            return false
        }
    }
}

/// The free-text `query` of a search, compiled once per request.
///
/// Rule: the query is split into words (runs of letters and digits, case ignored); a record matches when
/// every word is the beginning of some word of some of the type's query properties (hubspot-api.md §2.6
/// lists them). Words may match in different properties, so `ann smith` finds first name Ann with last
/// name Smith, and `ann@exa` finds `ann@example.com`. A query without words matches every record.
struct QueryPattern: Sendable {
    private let words: [[UInt8]]

    init(_ query: String) {
        words = SearchText.words(query)
    }

    /// Whether the query asks for nothing.
    var isEmpty: Bool { words.isEmpty }

    /// Whether the record matches, reading the query properties through `sources`.
    func matches(_ record: StoredRecord, _ sources: [FieldSource]) -> Bool {
        for word in words {
            var found = false
            for source in sources {
                guard let value = source.text(record) else { continue }
                if SearchText.withFoldable(value, { bytes in
                    var position = 0
                    while let token = SearchText.nextWord(bytes, from: position) {
                        if SearchText.hasPrefix(bytes, token, word) { return true }
                        position = token.upperBound
                    }
                    return false
                }) {
                    found = true
                    break
                }
            }
            if !found { return false }
        }
        return true
    }
}
