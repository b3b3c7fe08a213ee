import JSONValue

/// Prints what reaches the end of a pipeline: text lines as they are; other values as JSON Lines, or
/// — at a terminal, unless `set output` says otherwise — as aligned tables of up to 500 rows each.
public final class StandardOutput: @unchecked Sendable {
    // Used by one statement at a time: the interpreter runs statements in order.
    private var rows: [JSONValue] = []
    private let isTerminal: Bool
    private let width: Int
    private let write: @Sendable (String) -> Void
    public private(set) var format: Settings.OutputFormat?
    /// Table headers are bold when it is on.
    public private(set) var style = TerminalStyle.plain
    /// Whether standard output may be coloured (a terminal without `NO_COLOR`).
    private let allowsColor: Bool
    /// The CSV header written for the running statement (`set output csv`), to write it once.
    private var csvColumns: [String]?

    /// Rows held before a table is printed.
    static let tableChunk = 500

    public init(isTerminal: Bool, width: Int = 120, allowsColor: Bool = false,
                write: @escaping @Sendable (String) -> Void = StandardStreams.output) {
        self.isTerminal = isTerminal
        self.allowsColor = allowsColor
        self.width = width
        self.write = write
    }

    /// Takes the session's options (from the next value on): the output format, and colour.
    public func apply(_ settings: Settings) {
        format = settings.output
        style = TerminalStyle(enabled: allowsColor && settings.color)
    }

    private var effectiveFormat: Settings.OutputFormat { format ?? (isTerminal ? .table : .jsonl) }

    public func accept(_ value: JSONValue) {
        if case .string(let line) = value {
            flush()
            write(line + "\n")
            return
        }
        switch effectiveFormat {
        case .table, .csv:
            rows.append(value)
            if rows.count >= Self.tableChunk { flush() }
        case .json:
            write(value.prettyString + "\n")
        case .jsonl:
            write(value.jsonString + "\n")
        }
    }

    /// Prints any rows held.
    public func flush() {
        guard !rows.isEmpty else { return }
        let scalars = rows.allSatisfy { $0.objectValue == nil && $0.arrayValue == nil }
        var lines: [String]
        if scalars {
            lines = rows.map(OutputWriter.text)
        } else if effectiveFormat == .csv {
            lines = csvLines(rows)
        } else {
            lines = OutputWriter.table(rows, width: width)
            lines[0] = style.bold(lines[0])
            lines[1] = style.dim(lines[1])
        }
        rows.removeAll()
        write(lines.joined(separator: "\n") + "\n")
    }

    /// Prints what is held and forgets the statement's CSV columns: the next statement starts anew.
    public func endStatement() {
        flush()
        csvColumns = nil
    }

    /// CSV rows (RFC 4180), with a header first in a statement; later rows keep the first columns.
    private func csvLines(_ rows: [JSONValue]) -> [String] {
        let columns = csvColumns ?? OutputWriter.columns(rows)
        var lines = csvColumns == nil ? [columns.map(ToCommand.csvField).joined(separator: ",")] : []
        csvColumns = columns
        for row in rows {
            let flat = OutputWriter.flatten(row)
            lines.append(columns.map { ToCommand.csvField(flat[$0].map(OutputWriter.text) ?? "") }.joined(separator: ","))
        }
        return lines
    }
}
