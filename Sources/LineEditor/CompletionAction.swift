/// What one press of Tab does to the line being edited, decided without a terminal.
enum CompletionAction: Equatable, Sendable {
    /// Nothing to do: ring the bell.
    case beep
    /// Replace the scalars at `range` of the line with `text` and put the cursor after it.
    case replace(Range<Int>, with: String)
    /// Show these candidates below the line.
    case list([String])
}

extension Completions {
    /// The candidates without repeats, in their first order.
    var distinctCandidates: [String] {
        var seen = Set<String>()
        return candidates.filter { seen.insert($0).inserted }
    }

    /// Moves ``replacing`` by `offset` scalars and clamps it into a line of `count` scalars.
    func shifted(by offset: Int, clampedTo count: Int) -> Completions {
        let lower = min(max(replacing.lowerBound + offset, 0), count)
        let upper = min(max(replacing.upperBound + offset, lower), count)
        return Completions(candidates: candidates, replacing: lower..<upper)
    }

    /// What Tab does on `line` (whose scalars ``replacing`` indexes).
    ///
    /// One candidate replaces the word, followed by a space unless it ends with `/` or a space already
    /// follows. Several candidates insert their common prefix when that makes the word longer; otherwise
    /// the first Tab beeps and a repeated Tab (`isRepeatedTab`, nothing changed since the last) lists them.
    func action(in line: String, isRepeatedTab: Bool) -> CompletionAction {
        let scalars = Array(line.unicodeScalars)
        let range = shifted(by: 0, clampedTo: scalars.count).replacing
        let choices = distinctCandidates
        guard let first = choices.first else { return .beep }
        if choices.count == 1 {
            let followedBySpace = range.upperBound < scalars.count && scalars[range.upperBound] == " "
            let ending = first.hasSuffix("/") || followedBySpace ? "" : " "
            return .replace(range, with: first + ending)
        }
        let prefix = commonPrefix(choices)
        if prefix.unicodeScalars.count > range.count {
            return .replace(range, with: prefix)
        }
        return isRepeatedTab ? .list(choices) : .beep
    }
}

/// The longest run of characters that every string starts with.
func commonPrefix(_ strings: [String]) -> String {
    guard let firstString = strings.first else { return "" }
    var prefix = Substring(firstString)
    for string in strings.dropFirst() {
        var end = prefix.startIndex
        var other = string.startIndex
        while end < prefix.endIndex, other < string.endIndex, prefix[end] == string[other] {
            end = prefix.index(after: end)
            other = string.index(after: other)
        }
        prefix = prefix[..<end]
    }
    return String(prefix)
}
