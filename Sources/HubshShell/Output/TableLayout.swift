/// A table's columns and their widths, fixed from its first window of rows so every later window
/// lines up under the same header.
public struct TableLayout: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        public var name: String
        /// Numbers are right-aligned.
        public var numeric: Bool
        public var width: Int
    }

    public var columns: [Column]
    /// Whether every column got at least what it needs to be read (ids and numbers whole, other
    /// columns `minimumWidth` or their whole width): when not, `auto` shows records vertically.
    public var fits: Bool

    /// Columns between them.
    static let separator = "  "
    /// What a column that is cut keeps at least.
    static let minimumWidth = 8

    /// Widths for `names` over `cells` (one row of texts per value) within `width` columns: a column
    /// gets what its widest cell needs when there is room; otherwise ids and numbers keep their whole
    /// width and the widest of the other columns are cut to a common width, so the narrow ones stay whole.
    init(names: [String], numeric: [Bool], cells: [[String]], width: Int) {
        var natural = names.map(DisplayWidth.of)
        for row in cells {
            for (index, cell) in row.enumerated() { natural[index] = max(natural[index], DisplayWidth.of(cell)) }
        }
        let whole = names.indices.map { names[$0] == "id" || numeric[$0] }
        let minimum = names.indices.map { whole[$0] ? natural[$0] : min(natural[$0], Self.minimumWidth) }
        let room = width - Self.separator.count * max(0, names.count - 1)
        var widths = natural
        if natural.reduce(0, +) > room {
            // The largest cap that fits: columns narrower than it stay whole, wider ones are cut to it.
            let fixed = names.indices.filter { whole[$0] }.map { natural[$0] }.reduce(0, +)
            let flexible = names.indices.filter { !whole[$0] }
            var cap = 0
            let highest = flexible.map { natural[$0] }.max() ?? 0
            var low = 0, high = highest
            while low <= high {
                let middle = (low + high) / 2
                let used = fixed + flexible.map { min(natural[$0], max(middle, minimum[$0])) }.reduce(0, +)
                if used <= room { cap = middle; low = middle + 1 } else { high = middle - 1 }
            }
            for index in flexible { widths[index] = min(natural[index], max(cap, minimum[index])) }
            // What the common cap leaves over goes to the columns that were cut, left to right.
            var spare = room - widths.reduce(0, +)
            for index in flexible where spare > 0 && widths[index] < natural[index] {
                let more = min(spare, natural[index] - widths[index])
                widths[index] += more
                spare -= more
            }
        }
        columns = names.indices.map { Column(name: names[$0], numeric: numeric[$0], width: widths[$0]) }
        fits = minimum.reduce(0, +) <= room
    }

    /// The width of a line of the table.
    public var lineWidth: Int { columns.map(\.width).reduce(0, +) + Self.separator.count * max(0, columns.count - 1) }
}
