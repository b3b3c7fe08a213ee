/// What Tab can complete at the cursor: the candidates and the part of the text they replace.
public struct Completions: Equatable, Sendable {
    /// Whole replacements for the word at ``replacing`` (not suffixes), in the order they are listed.
    public var candidates: [String]
    /// The word being completed, in Unicode-scalar offsets into the text given to the ``Completer``.
    public var replacing: Range<Int>

    /// Candidates that replace the text at `replacing`.
    public init(candidates: [String], replacing: Range<Int>) {
        self.candidates = candidates
        self.replacing = replacing
    }

    /// Nothing to complete.
    public static let none = Completions(candidates: [], replacing: 0..<0)
}

/// Called on Tab with the text and the cursor (a Unicode-scalar offset into it).
///
/// In a multi-line statement the text holds the earlier lines, each followed by `\n`, then the line being
/// edited, so the completer sees the whole context; only the line being edited can change.
public typealias Completer = (_ line: String, _ cursor: Int) -> Completions
