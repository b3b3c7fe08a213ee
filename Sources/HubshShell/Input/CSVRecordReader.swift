import Foundation
import JSONValue

/// CSV rows as flat objects: the first row names the columns; each later row is an object of strings
/// in column order. Empty cells are left out, so piping into a write never clears a property by
/// accident (as HubSpot's own import treats blank cells); blank lines and columns without a name are
/// skipped. A name given twice, and a row with more cells than names, are refused.
struct CSVRecordReader: ValueReader {
    private var rows: CSVRowScanner
    private var header: [String]?
    private(set) var line: Int?

    init(_ text: TextCursor) { rows = CSVRowScanner(text) }

    mutating func next() throws(InputError) -> JSONValue? {
        let header: [String]
        if let known = self.header {
            header = known
        } else {
            guard let (cells, line) = try nextRow() else { return nil }
            header = try Self.names(cells, line: line)
            self.header = header
        }
        guard let (cells, line) = try nextRow() else { return nil }
        self.line = line
        if cells.count > header.count, cells[header.count...].contains(where: { !$0.isEmpty }) {
            throw InputError(line: line, "\(cells.count) cells, but the header names \(header.count) columns")
        }
        var object: JSONObject = [:]
        for (name, cell) in zip(header, cells) where !name.isEmpty && !cell.isEmpty { object[name] = .string(cell) }
        return .object(object)
    }

    /// The next row that is not blank.
    private mutating func nextRow() throws(InputError) -> (cells: [String], line: Int)? {
        while let row = try rows.next() {
            if row.cells.count == 1, row.cells[0].isEmpty { continue }
            return row
        }
        return nil
    }

    /// The column names of the file's header (its first row that is not blank), as `next` names the
    /// fields; nil for a file without rows.
    static func header(of text: TextCursor) throws(InputError) -> [String]? {
        var reader = CSVRecordReader(text)
        guard let (cells, line) = try reader.nextRow() else { return nil }
        return try names(cells, line: line)
    }

    /// The column names of the header row, trimmed; a name given twice is refused.
    static func names(_ cells: [String], line: Int) throws(InputError) -> [String] {
        let names = cells.map { $0.trimmingCharacters(in: .whitespaces) }
        var seen: [String: Int] = [:]
        for (index, name) in names.enumerated() where !name.isEmpty {
            if let first = seen[name] {
                throw InputError(line: line, "the header names the column '\(name)' twice (fields \(first + 1) and \(index + 1))")
            }
            seen[name] = index
        }
        return names
    }
}
