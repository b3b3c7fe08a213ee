/// The columns of offsets in one text, found by walking on from the last answer: asked in increasing
/// order (as a parser reports), all answers together cost one pass over the text instead of one pass
/// back to the line start per answer, which on a long line of statements would be quadratic.
///
/// A column counts the characters (grapheme clusters) that start before the offset on its line, which is
/// what ``SourceText/location(of:)`` counts.
struct ColumnFinder {
    private let scalars: [Unicode.Scalar]
    /// The line being walked, up to `lineEnd` (its `\n` or the end of the text), and the walk's position.
    private var lineEnd = 0
    private var line: String?
    private var position: String.Index?
    /// The scalar offset reached (the start of a character of the line) and the column there.
    private var offset = 0
    private var column = 1

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    /// The 1-based column of `target` (clamped to the text), counting the scalars looked at in `steps`.
    mutating func column(of target: Int, steps: StepCounter) -> Int {
        let target = min(max(target, 0), scalars.count)
        if line == nil || target < offset || target > lineEnd {
            // Another line, or an earlier place on this one (rare): walk from the start of its line.
            var start = target
            while start > 0, scalars[start - 1] != "\n" { steps.count += 1; start -= 1 }
            enter(lineStartingAt: start, steps: steps)
        }
        guard let line, var index = position else { return column }
        while offset < target, index < line.endIndex {
            let character = line[index]
            steps.count += character.unicodeScalars.count
            offset += character.unicodeScalars.count
            column += 1
            index = line.index(after: index)
        }
        position = index
        return column
    }

    /// Starts walking the line that begins at `start`.
    private mutating func enter(lineStartingAt start: Int, steps: StepCounter) {
        var end = start
        while end < scalars.count, scalars[end] != "\n" { steps.count += 1; end += 1 }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        let text = String(view)
        lineEnd = end
        line = text
        position = text.startIndex
        offset = start
        column = 1
    }
}
