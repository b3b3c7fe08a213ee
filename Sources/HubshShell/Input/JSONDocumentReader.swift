import JSONValue

/// A JSON document: the elements of a top-level array one at a time (each parsed alone, so memory
/// holds one element, at most the cursor's limit), any other value whole (at most the limit too).
struct JSONDocumentReader: ValueReader {
    private let text: TextCursor
    private var started = false
    /// Whether the array's `]` has been read (what follows it is checked on the next pull).
    private var closed = false
    private var finished = false
    private(set) var line: Int?

    init(_ text: TextCursor) { self.text = text }

    mutating func next() throws(InputError) -> JSONValue? {
        guard !finished else { return nil }
        if closed {
            try end()
            return nil
        }
        if started { return try element() }
        started = true
        try skipSpace()
        guard let first = try text.peek() else { throw failure("invalid JSON: the file is empty") }
        guard first == UInt8(ascii: "[") else {
            finished = true
            let (line, column) = (text.line, text.column)
            self.line = line
            guard let bytes = try text.rest() else {
                throw InputError(line: line, column: column, "the JSON value starting here is longer than \(text.limitText), the most a value may hold")
            }
            return try parse(bytes, line: line, column: column)
        }
        _ = try text.next()
        try skipSpace()
        guard try text.peek() != UInt8(ascii: "]") else {
            _ = try text.next()
            try end()
            return nil
        }
        return try element()
    }

    /// The next element, through the `,` or `]` after it.
    private mutating func element() throws(InputError) -> JSONValue {
        try skipSpace()
        let (line, column) = (text.line, text.column)
        var scanner = ElementScanner()
        var bytes: [UInt8] = []
        switch try text.take(into: &bytes, until: &scanner) {
        case .end:
            throw failure("invalid JSON: the file ends inside the array")
        case .tooLong:
            throw InputError(line: line, column: column, "the array element starting here is longer than \(text.limitText), the most a value may hold")
        case .terminator(let terminator):
            if terminator == UInt8(ascii: "}") || bytes.allSatisfy(Self.isSpace) {
                throw InputError(line: text.line, column: text.column - 1, "invalid JSON: unexpected '\(Character(Unicode.Scalar(terminator)))'")
            }
            let value = try parse(bytes, line: line, column: column)
            self.line = line
            closed = terminator == UInt8(ascii: "]")
            return value
        }
    }

    /// After the array: nothing but space.
    private mutating func end() throws(InputError) {
        finished = true
        try skipSpace()
        if try text.peek() != nil { throw failure("invalid JSON: unexpected text after the array") }
    }

    private func skipSpace() throws(InputError) {
        while let byte = try text.peek(), Self.isSpace(byte) { _ = try text.next() }
    }

    private func parse(_ bytes: [UInt8], line: Int, column: Int) throws(InputError) -> JSONValue {
        do {
            return try JSONValue(parsing: bytes)
        } catch {
            throw InputError(at: error.offset, in: bytes, line: line, column: column, "invalid JSON: \(error.reason)")
        }
    }

    /// A problem at the next character.
    private func failure(_ reason: String) -> InputError { InputError(line: text.line, column: text.column, reason) }

    /// JSON's white space.
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
}
