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
    /// The running statement's CSV writer (`set output csv`), once it has written the header.
    private var csv: CSVRowWriter?
    /// Where a CSV field left out is reported.
    private let warn: @Sendable (String) -> Void

    /// Rows held before a table is printed.
    static let tableChunk = 500

    public init(isTerminal: Bool, width: Int = 120, allowsColor: Bool = false,
                write: @escaping @Sendable (String) -> Void = StandardStreams.output,
                warn: @escaping @Sendable (String) -> Void = { StandardStreams.error($0 + "\n") }) {
        self.isTerminal = isTerminal
        self.warn = warn
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
        case .csv where csv != nil:
            writeCSV([value])
        case .table, .csv:
            rows.append(value)
            if rows.count >= (effectiveFormat == .csv ? CSVRowWriter.columnWindow : Self.tableChunk) { flush() }
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
            let held = rows
            rows.removeAll()
            writeCSV(held)
            return
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
        csv = nil
    }

    /// Writes values as CSV rows, with a header first in a statement; later rows keep the first columns.
    private func writeCSV(_ values: [JSONValue]) {
        let warn = warn
        var writer = csv ?? CSVRowWriter { warn("CSV output: " + $0) }
        do {
            let lines = try values.flatMap { try writer.add($0) } + writer.flush()
            if !lines.isEmpty { write(lines.joined(separator: "\n") + "\n") }
        } catch {
            warn("CSV output: \(error)")
        }
        csv = writer
    }
}
