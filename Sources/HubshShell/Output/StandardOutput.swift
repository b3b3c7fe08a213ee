import JSONValue

/// Prints what reaches the end of a pipeline: text lines as they are; other values as JSON Lines, or
/// — at a terminal, unless `set output` says otherwise — as aligned tables of up to 500 rows each.
public final class StandardOutput: @unchecked Sendable {
    // Used by one statement at a time: the interpreter runs statements in order.
    private var rows: [JSONValue] = []
    private let isTerminal: Bool
    private let width: Int
    private let write: @Sendable (String) -> Void
    public var format: Settings.OutputFormat?

    /// Rows held before a table is printed.
    static let tableChunk = 500

    public init(isTerminal: Bool, width: Int = 120, write: @escaping @Sendable (String) -> Void = StandardStreams.output) {
        self.isTerminal = isTerminal
        self.width = width
        self.write = write
    }

    private var effectiveFormat: Settings.OutputFormat { format ?? (isTerminal ? .table : .jsonl) }

    public func accept(_ value: JSONValue) {
        if case .string(let line) = value {
            flush()
            write(line + "\n")
            return
        }
        switch effectiveFormat {
        case .table:
            rows.append(value)
            if rows.count >= Self.tableChunk { flush() }
        case .json:
            write(value.prettyString + "\n")
        case .jsonl, .csv:
            write(value.jsonString + "\n")
        }
    }

    /// Prints any rows held (the end of a statement).
    public func flush() {
        guard !rows.isEmpty else { return }
        let scalars = rows.allSatisfy { $0.objectValue == nil && $0.arrayValue == nil }
        let lines = scalars ? rows.map(OutputWriter.text) : OutputWriter.table(rows, width: width)
        rows.removeAll()
        write(lines.joined(separator: "\n") + "\n")
    }
}
