/// The lines of a statement read so far; the statement is the lines joined by `\n`.
public struct StatementBuffer: Equatable, Sendable {
    /// The lines, first to last, without newlines.
    public private(set) var lines: [String] = []

    /// An empty statement.
    public init() {}

    /// Adds the next line.
    public mutating func append(_ line: String) {
        lines.append(line)
    }

    /// Whether no line has been read yet.
    public var isEmpty: Bool { lines.isEmpty }

    /// The statement: the lines joined by `\n`.
    public var text: String { lines.joined(separator: "\n") }

    /// What comes before the line being edited: each earlier line followed by `\n` (empty for the first line).
    public var prefixForNextLine: String {
        lines.map { $0 + "\n" }.joined()
    }
}
