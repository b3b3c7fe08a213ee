/// The operand of `CONTAINS_TOKEN` / `NOT_CONTAINS_TOKEN`, compiled once per request. Case never matters.
///
/// - Without `*`: the operand's words (runs of letters and digits) must appear in the value as
///   consecutive words: `hubspot` and `hubspot.com` both match `ann@hubspot.com`, `spot` does not.
/// - With `*` (any run of characters): the pattern must match the whole value or one of its words:
///   `*@hubspot.com` matches `ann@hubspot.com`, `jo*` matches `Mary Jones`.
struct TokenPattern: Sendable {
    private let words: [[UInt8]]
    private let wildcard: [UInt8]?
    /// Whether the wildcard pattern can match a single word (it holds only letters, digits and `*`).
    private let wildcardFitsWords: Bool

    init(_ operand: String) {
        if operand.contains("*") {
            let pattern = SearchText.lowered(operand)
            wildcard = pattern
            wildcardFitsWords = pattern.allSatisfy { $0 == 42 || SearchText.isWordByte($0) }
            words = []
        } else {
            wildcard = nil
            wildcardFitsWords = false
            words = SearchText.words(operand)
        }
    }

    /// Whether `value` holds the token.
    func matches(_ value: String) -> Bool {
        SearchText.withFoldable(value) { bytes in
            if let wildcard {
                if SearchText.matchesWildcard(bytes, 0..<bytes.count, wildcard) { return true }
                guard wildcardFitsWords else { return false }
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

/// The query properties of a type, read by position: the stored ones from their columns, the derived
/// system ones through their `FieldReader`.
struct QuerySources {
    private let columns: [[String?]]
    private let derived: [(Int) -> String?]

    init(_ names: [String], _ type: ObjectType, in table: SearchTable) {
        var columns: [[String?]] = []
        var derived: [(Int) -> String?] = []
        for name in names {
            let source = FieldSource(name, type)
            if case .stored = source { columns.append(table.column(name)) } else { derived.append(FieldReader(source, in: table).text) }
        }
        self.columns = columns
        self.derived = derived
    }

    /// Whether `test` holds for the value of one of the query properties of the record at `position`.
    @inline(__always)
    func contains(_ position: Int, where test: (String) -> Bool) -> Bool {
        for column in columns {
            if let value = column[position], test(value) { return true }
        }
        for text in derived {
            if let value = text(position), test(value) { return true }
        }
        return false
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

    /// Whether every word of the query begins a word of one of the query properties of the record at `position`.
    func matches(_ position: Int, _ sources: QuerySources) -> Bool {
        words.allSatisfy { word in
            sources.contains(position) { value in
                SearchText.withFoldable(value) { bytes in
                    var position = 0
                    while let token = SearchText.nextWord(bytes, from: position) {
                        if SearchText.hasPrefix(bytes, token, word) { return true }
                        position = token.upperBound
                    }
                    return false
                }
            }
        }
    }
}
