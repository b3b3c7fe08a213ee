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
    /// The decimals a column's numbers are shown with (``ResultShape/decimals``).
    public var decimals: [String: Int] = [:]

    /// Columns between them.
    static let separator = "  "
    /// What a column that is cut keeps at least.
    static let minimumWidth = 8
    /// A column at most this wide is made whole before longer ones get more room.
    static let shortWidth = 16

    /// Widths for `names` over `cells` (one row of texts per value) within `width` columns: a column
    /// gets what its widest cell needs when there is room; otherwise ids and numbers keep their whole
    /// width, date-time columns at least their day, every other column at least `minimumWidth` (or its
    /// whole width when narrower), short columns are made whole, the room left goes to the long columns
    /// from the left (the ones asked for first), and then to the date-times' minutes, seconds and
    /// fractions, a step at a time and all of them alike (a name cut short hides more than a minute).
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
            // whole and the later ones are cut. Date-time columns grow after them, together, a step at
            // a time (minutes, then seconds, then all of it), so they read alike.
            widths = minimum
            var spare = room - minimum.reduce(0, +)
            let dates = names.indices.filter { $0 < dateTime.count && dateTime[$0] && !whole[$0] }
            func raiseDates(to step: Int) {
                let growing = dates.filter { widths[$0] < min(step, natural[$0]) }
                let needed = growing.map { min(step, natural[$0]) - widths[$0] }.reduce(0, +)
                guard !growing.isEmpty, needed <= spare else { return }
                for index in growing { widths[index] = min(step, natural[index]) }
                spare -= needed
            }
            for short in [true, false] {
                for index in names.indices where spare > 0 && widths[index] < natural[index] && !dates.contains(index)
                    && (!short || natural[index] <= Self.shortWidth) {
                    let more = min(spare, natural[index] - widths[index])
                    widths[index] += more
                    spare -= more
                }
            }
            raiseDates(to: DateTimeCell.minuteWidth)
            raiseDates(to: DateTimeCell.secondWidth)
            raiseDates(to: Int.max)
        }
        columns = names.indices.map { Column(name: names[$0], numeric: numeric[$0], width: widths[$0]) }
        fits = minimum.reduce(0, +) <= room
    }

    /// The width of a line of the table.
    public var lineWidth: Int { columns.map(\.width).reduce(0, +) + Self.separator.count * max(0, columns.count - 1) }
}
