/// The rows of a CSV file (RFC 4180), each with the line it starts on: fields separated by commas,
/// rows by line breaks (`\n`, `\r\n` or `\r`); a field in double quotes may hold commas, line breaks and
/// doubled quotes (`""`); a quote inside an unquoted field is kept as it is.
///
/// This is not CSV.swift's reader, which this project used before: it cannot tell on which line a row
/// starts, takes the rest of the file into a field whose quote is never closed without saying so, ends
/// a row at bytes that are not text and goes on with the bytes after them as new rows, and holds a
/// field of any size. Counting lines, refusing an unclosed quote where it opened, and stopping at a
/// row's bad byte before any of the row flows on all need the tokenizer's state, so the state machine
/// is this small one.
struct CSVRowScanner {
    private let text: TextCursor

    init(_ text: TextCursor) { self.text = text }

    /// The cells of the next row and the line it starts on; nil at the end of the file.
    mutating func next() throws(InputError) -> (cells: [String], line: Int)? {
        let line = text.line
        guard try text.peek() != nil else { return nil }
        var cells: [String] = []
        var size = 0
        while true {
            var field: [UInt8] = []
            if try text.peek() == Self.quote {
                try quoted(into: &field, size: &size)
                cells.append(String(decoding: field, as: UTF8.self))
                switch try text.peek() {
                case nil: return (cells, line)
                case Self.comma?: _ = try text.next(); continue
                case 0x0A?, 0x0D?: try endOfLine(); return (cells, line)
                default:
                    throw InputError(line: text.line, column: text.column,
                                     "text after a closing quote (a quote inside a quoted field is written twice: \"\")")
                }
            }
            while let byte = try text.peek() {
                if byte == Self.comma || byte == 0x0A || byte == 0x0D { break }
                _ = try text.next()
                field.append(byte)
                size += 1
                if size > text.limit { throw InputError(line: line, "the row is longer than \(text.limitText), the most a row may hold") }
            }
            cells.append(String(decoding: field, as: UTF8.self))
            switch try text.next() {
            case Self.comma?: continue
            case 0x0D?: if try text.peek() == 0x0A { _ = try text.next() }
            default: break
            }
            return (cells, line)
        }
    }

    /// A quoted field, from its opening quote through its closing one.
    private func quoted(into field: inout [UInt8], size: inout Int) throws(InputError) {
        let (line, column) = (text.line, text.column)
        _ = try text.next()
        while true {
            guard let byte = try text.next() else { throw InputError(line: line, column: column, "this quote is never closed") }
            if byte == Self.quote {
                guard try text.peek() == Self.quote else { return }
                _ = try text.next()
            }
            field.append(byte)
            size += 1
            if size > text.limit {
                throw InputError(line: line, column: column,
                                 "the field quoted here runs past \(text.limitText), the most a row may hold: is its closing quote missing?")
            }
        }
    }

    /// Consumes a `\n`, `\r\n` or `\r`.
    private func endOfLine() throws(InputError) {
        if try text.next() == 0x0D, try text.peek() == 0x0A { _ = try text.next() }
    }

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
}
