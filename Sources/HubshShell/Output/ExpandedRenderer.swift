import JSONValue

/// Records shown vertically (psql's expanded view, `\x`): a rule `-[ RECORD 1 ]---` per record, then
/// one `field │ value` line per field; long values wrap under their column and nested ones are
/// sub-lists (``NestedText``), so nothing is cut.
public struct ExpandedRenderer: Sendable {
    public var width: Int
    public var style: TerminalStyle = .plain

    /// The records numbered from `first`, in the fields `TableColumns` chooses for them.
    public func render(_ values: [JSONValue], shape: ResultShape = ResultShape(), first: Int = 1) -> [String] {
        let rows = values.map(TerminalCells.init)
        let names = TableColumns.choose(rows, shape: shape)
        return rows.enumerated().flatMap { offset, row in
            record(number: first + offset, fields: names.compactMap { name in
                row.cells[name].map { (name, $0) } ?? (shape.columns?.contains(name) == true ? (name, .null) : nil)
            }, decimals: shape.decimals)
        }
    }

    /// One record's block: its rule, then a line (or several) per field.
    public func record(number: Int?, fields: [(String, JSONValue)], decimals: [String: Int] = [:]) -> [String] {
        let nameWidth = fields.map { DisplayWidth.of($0.0) }.max() ?? 0
        let valueWidth = max(10, width - nameWidth - 3)
        var lines: [String] = []
        var widest = 0
        for (name, value) in fields {
            let texts: [String]
            if value.objectValue != nil || value.arrayValue != nil {
                texts = NestedText.lines(value).flatMap { DisplayWidth.wrap($0, to: valueWidth) }
            } else if case .string(let text) = value {
                texts = text.isEmpty ? ["\"\""] : DisplayWidth.wrap(text, to: valueWidth)
            } else {
                texts = [TerminalCells.text(value, decimals: decimals[name])]
            }
            for (index, text) in texts.enumerated() {
                let label = index == 0 ? style.bold(name) + String(repeating: " ", count: nameWidth - DisplayWidth.of(name))
                                       : String(repeating: " ", count: nameWidth)
                lines.append((label + " │ " + text).trailingSpacesRemoved)
                widest = max(widest, nameWidth + 3 + DisplayWidth.of(text))
            }
        }
        guard let number else { return lines }
        let title = "-[ RECORD \(number) ]"
        let rule = title + String(repeating: "-", count: max(0, min(width, max(widest, nameWidth + 3)) - title.count))
        return [style.dim(rule)] + lines
    }
}
