import JSONValue

/// Records as an aligned table for people: a header, a rule, a line per record; numbers right-aligned,
/// null blank and an empty string `""`, cells wider than their column cut with `…` (never an id; a
/// date-time loses its time before its day).
public struct TableRenderer: Sendable {
    /// The terminal's width.
    public var width: Int
    public var style: TerminalStyle = .plain

    /// The layout of a first window of rows.
    public func layout(_ values: [JSONValue], shape: ResultShape = ResultShape()) -> TableLayout {
        let rows = values.map(TerminalCells.init)
        var names = TableColumns.choose(rows, shape: shape).filter { !shape.hidden.contains($0) }
        var chosen = layout(rows, names: names, shape: shape)
        // A narrow table gives its room to the column that needs it, leaving out the spare ones first.
        if let (wide, spare) = shape.roomFor {
            for name in spare where names.contains(name) {
                guard let column = chosen.columns.first(where: { $0.name == wide }),
                      column.width < rows.map({ DisplayWidth.of(TerminalCells.text($0.cells[wide])) }).max() ?? 0 else { break }
                names.removeAll { $0 == name }
                chosen = layout(rows, names: names, shape: shape)
            }
        }
        return chosen
    }

    private func layout(_ rows: [TerminalCells], names: [String], shape: ResultShape) -> TableLayout {
        let numeric = names.map { name in
            if shape.isNumeric(name) { return true }
            let present = rows.compactMap { $0.cells[name] }.filter { !$0.isNull }
            return !present.isEmpty && present.allSatisfy(TerminalCells.isNumber)
        }
        let cells = rows.map { row in names.map { TerminalCells.text(row.cells[$0], decimals: shape.decimals[$0]) } }
        let dateTime = names.indices.map { index in
            let present = cells.map { $0[index] }.filter { !$0.isEmpty }
            return !present.isEmpty && present.allSatisfy(DateTimeCell.isDateTime)
        }
        var layout = TableLayout(names: names, numeric: numeric, dateTime: dateTime, cells: cells, width: width)
        layout.decimals = shape.decimals
        return layout
    }

    /// The header and its rule.
    public func header(_ layout: TableLayout) -> [String] {
        let names = line(layout, layout.columns.map(\.name))
        let rule = layout.columns.map { String(repeating: "-", count: $0.width) }.joined(separator: TableLayout.separator)
        return [style.bold(names), style.dim(rule)]
    }

    /// A line per value, in `layout`'s columns.
    public func rows(_ values: [JSONValue], _ layout: TableLayout) -> [String] {
        values.map { value in
            let cells = TerminalCells(value)
            return line(layout, layout.columns.map { TerminalCells.text(cells.cells[$0.name], decimals: layout.decimals[$0.name]) })
        }
    }

    /// The whole table of `values`, header first.
    public func render(_ values: [JSONValue], shape: ResultShape = ResultShape()) -> [String] {
        let layout = layout(values, shape: shape)
        guard !layout.columns.isEmpty else { return [] }
        return header(layout) + rows(values, layout)
    }

    private func line(_ layout: TableLayout, _ texts: [String]) -> String {
        zip(layout.columns, texts).map { column, text in
            let shown = DateTimeCell.fitted(text, to: column.width) ?? DisplayWidth.cut(text, to: column.width)
            return DisplayWidth.pad(shown, to: column.width, alignRight: column.numeric)
        }.joined(separator: TableLayout.separator).trailingSpacesRemoved
    }

    /// psql's footer: `(1 row)`, `(3 rows)`, `(0 rows)`.
    public static func footer(_ count: Int) -> String {
        "(\(ProgressLine.grouped(count)) \(count == 1 ? "row" : "rows"))"
    }
}
