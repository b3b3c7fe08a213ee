import JSONValue

/// Prints what reaches the end of a pipeline: text lines as they are; other values as JSON Lines, or
/// — at a terminal, unless `set output` says otherwise — for people: a table (one header per result,
/// its widths from the first 500 rows) or records shown vertically (`set expanded`), reports made
/// from typed facts (``ResultHint``), a `(3 rows)` footer, and `$PAGER` for what is longer than the screen.
public final class StandardOutput: @unchecked Sendable {
    /// A terminal's size.
    public struct TerminalSize: Sendable {
        public var columns: Int
        public var rows: Int
        public init(columns: Int, rows: Int) {
            self.columns = columns
            self.rows = rows
        }
    }

    // Used by one statement at a time: the interpreter runs statements in order.
    private var rows: [JSONValue] = []
    private let isTerminal: Bool
    /// The width when the terminal's is not known.
    private let width: Int
    /// The terminal's size now, asked again for every result (it may have been resized).
    private let terminalSize: @Sendable () -> TerminalSize?
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
    /// What the running statement said about its values.
    private let hint: ResultHint
    private var expanded = Settings.Expanded.auto
    private var paging = true
    /// The pager's command line; nil: never page.
    private let pagerCommand: String?
    /// The progress line, kept off the screen while the pager shows it.
    private let progress: ProgressLine?

    // The running statement's result.
    /// The table's columns, fixed by its first window.
    private var layout: TableLayout?
    /// Whether the records are shown vertically.
    private var vertical = false
    /// The width chosen for this result.
    private var resultWidth: Int?
    /// Records shown (for the footer).
    private var shown = 0
    /// Whether anything else was printed (text lines, a report): no `(0 rows)` then.
    private var printedOther = false
    /// Text held until it is known whether it fits the screen, and the pager once it does not.
    private var held: [String] = []
    private var heldLines = 0
    private var pager: Pager?
    private var pagerFailed = false

    /// Rows held before a table is printed.
    static let tableChunk = 500

    public init(isTerminal: Bool, width: Int = 120, allowsColor: Bool = false,
                terminalSize: @escaping @Sendable () -> TerminalSize? = { nil }, hint: ResultHint = ResultHint(),
                pagerCommand: String? = nil, progress: ProgressLine? = nil,
                write: @escaping @Sendable (String) -> Void = StandardStreams.output,
                warn: @escaping @Sendable (String) -> Void = { StandardStreams.error($0 + "\n") }) {
        self.isTerminal = isTerminal
        self.warn = warn
        self.allowsColor = allowsColor
        self.width = width
        self.terminalSize = terminalSize
        self.hint = hint
        self.pagerCommand = pagerCommand
        self.progress = progress
        self.write = write
    }

    /// Takes the session's options (from the next value on): the output format, colour, expanded, pager.
    public func apply(_ settings: Settings) {
        format = settings.output
        style = TerminalStyle(enabled: allowsColor && settings.color)
        expanded = settings.expanded
        paging = settings.pager
    }

    private var effectiveFormat: Settings.OutputFormat { format ?? (isTerminal ? .table : .jsonl) }

    public func accept(_ value: JSONValue) {
        // Text prints as it comes, unless it is a report's (help), which a terminal shows whole, wrapped to fit.
        if case .string(let line) = value, !(isTerminal && effectiveFormat == .table && hint.current.report != nil) {
            flush()
            printedOther = true
            emit(line + "\n")
            return
        }
        switch effectiveFormat {
        case .csv where csv != nil:
            writeCSV([value])
        case .table, .csv:
            rows.append(value)
            let chunk = effectiveFormat == .csv ? CSVRowWriter.columnWindow : Self.tableChunk
            // A report is shown whole or not at all: its values are held to the end.
            if rows.count >= chunk, effectiveFormat == .csv || hint.current.report == nil { flush() }
        case .json:
            emit(value.prettyString + "\n")
        case .jsonl:
            emit(value.jsonString + "\n")
        }
    }

    /// Prints any rows held.
    public func flush() {
        flushRows(ending: false)
        if !isTerminal || !paging { release() }
    }

    private func flushRows(ending: Bool) {
        guard !rows.isEmpty else { return }
        if effectiveFormat == .csv, !rows.allSatisfy(\.isScalar) {
            let held = rows
            rows.removeAll()
            writeCSV(held)
            return
        }
        let values = rows
        rows.removeAll()
        let shape = hint.current
        if ending, shown == 0, layout == nil, !vertical, let report = shape.report, report.values == values, isTerminal {
            printedOther = true
            emit(ReportRenderer(width: currentWidth, style: style).render(report).joined(separator: "\n") + "\n\n")
            return
        }
        if values.allSatisfy(\.isScalar) {
            printedOther = true
            // A lone average reads as the table's would (2 decimals); CSV keeps every digit.
            let decimals = effectiveFormat == .table ? shape.decimals["value"] : nil
            emit(values.map { value in decimals.flatMap { TerminalCells.fixed(value, decimals: $0) } ?? OutputWriter.text(value) }
                .joined(separator: "\n") + "\n")
            return
        }
        let width = currentWidth
        var lines: [String] = []
        if layout == nil, !vertical {
            let table = TableRenderer(width: width, style: style)
            let chosen = table.layout(values, shape: shape)
            switch expanded {
            case .on: vertical = true
            case .off: vertical = false
            case .auto: vertical = isTerminal && (!chosen.fits || (ending && values.count == 1))
            }
            if !vertical {
                layout = chosen
                lines = table.header(chosen)
            }
        }
        if vertical {
            lines += ExpandedRenderer(width: width, style: style).render(values, shape: shape, first: shown + 1)
        } else if let layout {
            lines += TableRenderer(width: width, style: style).rows(values, layout)
        }
        shown += values.count
        if !lines.isEmpty { emit(lines.joined(separator: "\n") + "\n") }
    }

    /// The width for this result: the terminal's now, asked once per result.
    private var currentWidth: Int {
        if let resultWidth { return resultWidth }
        let chosen = isTerminal ? terminalSize()?.columns ?? width : width
        resultWidth = chosen
        return chosen
    }

    /// Prints what is held, the footer at a terminal, and forgets the statement's result: the next
    /// statement starts anew.
    public func endStatement() {
        flushRows(ending: true)
        if isTerminal, effectiveFormat == .table {
            // As psql does, a blank line after the footer sets the result off from the next prompt.
            if shown > 0 {
                emit(TableRenderer.footer(shown) + "\n\n")
            } else if !printedOther, hint.current.expectsRows {
                emit(TableRenderer.footer(0) + "\n\n")
            }
        }
        release()
        csv = nil
        layout = nil
        vertical = false
        resultWidth = nil
        shown = 0
        printedOther = false
    }

    // MARK: Paging

    /// Writes `text`, or — at a terminal with the pager on — holds it until it is known to fit the
    /// screen, handing it to the pager once it does not.
    private func emit(_ text: String) {
        guard isTerminal, paging, pagerCommand != nil, !pagerFailed else {
            write(text)
            return
        }
        if let pager {
            pager.write(text)
            return
        }
        held.append(text)
        heldLines += text.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
        // A line may wrap; what fills the screen but for the prompt's line goes to the pager.
        guard let screen = terminalSize(), heldLines >= screen.rows else { return }
        guard let command = pagerCommand, let started = Pager(command: command) else {
            pagerFailed = true
            release()
            return
        }
        pager = started
        progress?.pause()
        for text in held { started.write(text) }
        held.removeAll()
        heldLines = 0
    }

    /// Writes what is held and waits for the pager to be left.
    private func release() {
        if let pager {
            pager.finish()
            self.pager = nil
            progress?.resume()
        }
        if !held.isEmpty { write(held.joined()) }
        held.removeAll()
        heldLines = 0
        pagerFailed = false
    }

    /// Writes values as CSV rows, with a header first in a statement; later rows keep the first columns.
    private func writeCSV(_ values: [JSONValue]) {
        let warn = warn
        var writer = csv ?? CSVRowWriter { warn("CSV output: " + $0) }
        do {
            let lines = try values.flatMap { try writer.add($0) } + writer.flush()
            if !lines.isEmpty { emit(lines.joined(separator: "\n") + "\n") }
        } catch {
            warn("CSV output: \(error)")
        }
        csv = writer
    }
}

extension JSONValue {
    /// Neither an object nor an array.
    var isScalar: Bool { objectValue == nil && arrayValue == nil }
}
