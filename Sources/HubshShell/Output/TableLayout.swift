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
    /// A column at most this wide is made whole before longer ones get more room.
    static let shortWidth = 16

    /// Widths for `names` over `cells` (one row of texts per value) within `width` columns: a column
    /// gets what its widest cell needs when there is room; otherwise ids and numbers keep their whole
    /// width, date-time columns at least their day, every other column at least `minimumWidth` (or its
    /// whole width when narrower), short columns are made whole, and the room left goes to the long
    /// columns from the left (the ones asked for first).
    init(names: [String], numeric: [Bool], dateTime: [Bool] = [], cells: [[String]], width: Int) {
        var natural = names.map(DisplayWidth.of)
        for row in cells {
            for (index, cell) in row.enumerated() { natural[index] = max(natural[index], DisplayWidth.of(cell)) }
        }
        let whole = names.indices.map { names[$0] == "id" || numeric[$0] }
        // A short header (up to 10 columns) is never cut.
        let minimum = names.indices.map { index in
            if whole[index] { return natural[index] }
            let least = index < dateTime.count && dateTime[index] ? DateTimeCell.dayWidth : Self.minimumWidth
            return min(natural[index], max(least, min(DisplayWidth.of(names[index]), 10)))
        }
        let room = width - Self.separator.count * max(0, names.count - 1)
        var widths = natural
        if natural.reduce(0, +) > room {
            // Every column gets its minimum; then short columns (a type, a stage, a name) are made whole,
            // and what is left goes to the long ones in order, so the properties asked for first stay
            // whole and the later ones are cut.
            widths = minimum
            var spare = room - minimum.reduce(0, +)
            for short in [true, false] {
                for index in names.indices where spare > 0 && widths[index] < natural[index] && (!short || natural[index] <= Self.shortWidth) {
                    let more = min(spare, natural[index] - widths[index])
                    widths[index] += more
                    spare -= more
                }
            }
        }
        columns = names.indices.map { Column(name: names[$0], numeric: numeric[$0], width: widths[$0]) }
        fits = minimum.reduce(0, +) <= room
    }

    /// The width of a line of the table.
    public var lineWidth: Int { columns.map(\.width).reduce(0, +) + Self.separator.count * max(0, columns.count - 1) }
}
