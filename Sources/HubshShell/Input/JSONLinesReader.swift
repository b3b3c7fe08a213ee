import JSONValue

/// JSON Lines (NDJSON): one value a line, read a line at a time; blank lines are skipped. A line is at
/// most the cursor's limit.
struct JSONLinesReader: ValueReader {
    private let text: TextCursor
    private(set) var line: Int?

    init(_ text: TextCursor) { self.text = text }

    mutating func next() throws(InputError) -> JSONValue? {
        while true {
            let line = text.line
            guard let bytes = try text.nextLine() else { return nil }
            guard bytes.contains(where: { !JSONDocumentReader.isSpace($0) }) else { continue }
            do {
                self.line = line
                return try JSONValue(parsing: bytes)
            } catch {
                throw InputError(at: error.offset, in: bytes, line: line, column: 1, "invalid JSON: \(error.reason)")
            }
        }
    }
}
