import CSV
import Foundation
import JSONValue

/// The one CSV writer (`to csv`, `set output csv`): values in, CSV lines out, quoted by CSV.swift's
/// writer. The columns are `id`, then the fields (a record's properties) in order of first appearance
/// within the first `columnWindow` values; the header comes once they are decided, then a row a value.
/// A field first seen later is left out and reported once.
struct CSVRowWriter: Sendable {
    /// How many values decide the columns.
    static let columnWindow = 1_000

    /// The columns, once decided.
    private(set) var columns: [String]?
    private let window: Int
    /// Values waiting for the columns to be decided.
    private var held: [JSONValue] = []
    private var known = Set<String>()
    /// How many values decided the columns.
    private var decidedBy = 0
    private let leftOut: @Sendable (String) -> Void

    /// `leftOut` is told, once for each field first seen after the columns were decided, why it is missing.
    init(window: Int = CSVRowWriter.columnWindow, leftOut: @escaping @Sendable (String) -> Void = { _ in }) {
        self.window = max(1, window)
        self.leftOut = leftOut
    }

    /// The lines ready once `value` is taken: none while the first window fills, then the header and
    /// the rows held, then a row for each value.
    mutating func add(_ value: JSONValue) throws -> [String] {
        guard let columns else {
            held.append(value)
            return held.count >= window ? try flush() : []
        }
        return [try row(value, columns)]
    }

    /// The lines still held: the columns are decided from the values taken so far (no lines when
    /// there were none). Later values still get rows in these columns.
    mutating func flush() throws -> [String] {
        guard columns == nil, !held.isEmpty else { return [] }
        let columns = OutputWriter.columns(held)
        self.columns = columns
        known = Set(columns)
        decidedBy = held.count
        var lines = [try Self.line(columns)]
        for value in held { lines.append(try row(value, columns)) }
        held.removeAll()
        return lines
    }

    private mutating func row(_ value: JSONValue, _ columns: [String]) throws -> String {
        let cells = OutputWriter.flatten(value)
        for name in cells.keys where known.insert(name).inserted {
            leftOut("the field '\(name)' first appears after value \(decidedBy) and is left out")
        }
        return try Self.line(columns.map { cells[$0].map(OutputWriter.text) ?? "" })
    }

    /// One CSV record, without its line break (a quoted field may hold line breaks).
    static func line(_ fields: [String]) throws -> String {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream)
        // CSV.swift looks for the delimiter, quote and line breaks by Character, so it misses one
        // followed by a combining mark (`,\u{301}`): the fields that hold one, by scalar, are quoted
        // here. (It doubles quotes by Character too: a `"\u{301}` stays single.)
        try writer.write(row: fields) { index in
            fields[index].unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        }
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            throw CSVError.cannotWriteStream
        }
        return String(decoding: data, as: UTF8.self)
    }
}
