import CSV
import Foundation

/// The CSV file an export downloaded, read a row at a time by CSV.swift (its header first).
final class ExportFile: @unchecked Sendable {
    // Read by the one iteration of the export's lines that owns it.
    private let reader: CSVReader
    /// The header's cells (a byte order mark before the first one dropped).
    let header: [String]

    init(bytes: [UInt8]) throws {
        reader = try CSVReader(stream: InputStream(data: Data(bytes)), codecType: UTF8.self, hasHeaderRow: true)
        var header = reader.headerRow ?? []
        if let first = header.first, first.hasPrefix("\u{FEFF}") { header[0] = String(first.dropFirst()) }
        self.header = header
    }

    /// The next row's cells; nil at the end.
    func next() throws -> [String]? {
        guard let row = reader.next() else {
            if let error = reader.error { throw error }
            return nil
        }
        return row
    }
}
