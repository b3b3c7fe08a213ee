/// A position in source text as a person sees it: 1-based line and 1-based column.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The line number, starting at 1; lines are separated by `\n`.
    public var line: Int
    /// The column, starting at 1, counted in user-perceived characters (grapheme clusters).
    public var column: Int

    /// A location at `line` and `column`, both 1-based.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}

/// Source text indexed by Unicode scalar offsets, as ``SourceRange`` counts them.
///
/// Answers "which line and column is this offset", "what is line N" and "what text does this range cover";
/// every question is clamped to the text, so no offset can trap.
public struct SourceText: Sendable {
    /// The text itself.
    public let text: String
    /// The text's Unicode scalars; offsets index this array.
    public let scalars: [Unicode.Scalar]
    /// The offset at which each line starts; the first line starts at 0.
    public let lineStarts: [Int]

    /// Indexes `text`.
    public init(_ text: String) {
        self.text = text
        let scalars = Array(text.unicodeScalars)
        self.scalars = scalars
        var starts = [0]
        for (offset, scalar) in scalars.enumerated() where scalar == "\n" {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    /// The number of scalars in the text.
    public var count: Int { scalars.count }

    /// The number of lines (a text ending in `\n` has an empty last line).
    public var lineCount: Int { lineStarts.count }

    /// The 1-based line that holds `offset` (offsets past the end belong to the last line).
    public func line(containing offset: Int) -> Int {
        let offset = clamp(offset)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    /// The line and column of `offset`; the column counts grapheme clusters before it on its line.
    public func location(of offset: Int) -> SourceLocation {
        let offset = clamp(offset)
        let line = line(containing: offset)
        let prefix = string(from: lineStarts[line - 1], to: offset)
        return SourceLocation(line: line, column: prefix.count + 1)
    }

    /// The scalar range of 1-based `line`, without its `\n` (and without a `\r` before it).
    public func rangeOfLine(_ line: Int) -> SourceRange {
        guard line >= 1, line <= lineStarts.count else { return .at(count) }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : count
        if end > start, scalars[end - 1] == "\r" { end -= 1 }
        return SourceRange(start, end)
    }

    /// The text of 1-based `line`, without its line ending.
    public func lineText(_ line: Int) -> String {
        let range = rangeOfLine(line)
        return string(from: range.start, to: range.end)
    }

    /// The text that `range` covers, clamped to the text.
    public func text(in range: SourceRange) -> String {
        string(from: range.start, to: range.end)
    }

    private func clamp(_ offset: Int) -> Int { min(max(offset, 0), scalars.count) }

    private func string(from start: Int, to end: Int) -> String {
        let start = clamp(start)
        let end = max(start, clamp(end))
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }
}
