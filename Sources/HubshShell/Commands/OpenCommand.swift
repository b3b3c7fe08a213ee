import CSV
import Foundation
import HubshLanguage
import JSONValue

/// `open FILE [--format json|jsonl|csv]`: the values in a file, read as they are pulled (a large file
/// is never held whole, except a JSON document that is not an array).
///
/// - JSON: an array gives its elements one by one; any other value is one value.
/// - JSON Lines: one value a line; blank lines are skipped; a bad line stops with its line number.
/// - CSV: the first row names the columns; each later row is a flat object of strings in column
///   order. Empty cells are left out, so piping into a write never clears a property by accident
///   (as HubSpot's own import treats blank cells); blank lines and columns without a name are skipped.
struct OpenCommand: ShellCommand {
    static let signature = CommandSignature(
        ["open"], family: .io, summary: "Read values from a JSON, JSON Lines or CSV file.",
        positionals: [Parameter("file", "the file to read; its extension tells the format", completion: .files)],
        options: [Option("format", "the format, when the extension does not tell it", value: "FORMAT",
                         completion: .choices(FileFormat.allCases.map(\.rawValue)))],
        output: .records,
        examples: [
            Example("open new-leads.csv | upsert contacts --by email", "create or update a contact per row"),
            Example("open export.txt --format jsonl | count", "count the values of a JSON Lines file"),
        ])

    let file: Value
    let format: Value?

    init(_ bound: BoundCommand) throws(Diagnostic) {
        file = bound.positional("file")!
        format = bound.option("format")
        if let format, let text = format.literalText { _ = try FileFormat(text, at: format.range) }
    }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        let path = try await context.text(file)
        let range = file.range
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Diagnostic("open: no such file \(path)", at: range)
        }
        if isDirectory.boolValue { throw Diagnostic("open: \(path) is a directory", at: range) }
        let format: FileFormat
        if let value = self.format {
            format = try FileFormat(try await context.text(value), at: value.range)
        } else if let known = FileFormat(extensionOf: path) {
            format = known
        } else {
            throw Diagnostic("open: cannot tell the format of \(path) from its name; add --format json, jsonl or csv", at: range)
        }
        switch format {
        case .json:
            return ValueStream.unfold(state: { JSONArrayReader(path: path, range: range) }) { try $0.next() }
        case .jsonl:
            return ValueStream.unfold(state: { JSONLinesReader(path: path, range: range) }) { try $0.next() }
        case .csv:
            return ValueStream.unfold(state: { CSVRowReader(path: path, range: range) }) { try $0.next() }
        }
    }
}

/// The file formats `open` reads.
enum FileFormat: String, CaseIterable, Sendable {
    case json, jsonl, csv

    /// The format named `text` (`ndjson` is JSON Lines), or a diagnostic at `range`.
    init(_ text: String, at range: SourceRange) throws(Diagnostic) {
        guard let format = FileFormat(rawValue: text.lowercased()) ?? (text.lowercased() == "ndjson" ? .jsonl : nil) else {
            throw Diagnostic("unknown format '\(text)': json, jsonl or csv", at: range,
                             suggestion: Suggest.didYouMean(text, in: FileFormat.allCases.map(\.rawValue)))
        }
        self = format
    }

    /// The format a file name's extension tells (`.json`, `.jsonl`, `.ndjson`, `.csv`).
    init?(extensionOf path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "json": self = .json
        case "jsonl", "ndjson": self = .jsonl
        case "csv": self = .csv
        default: return nil
        }
    }
}

/// JSON Lines, one line at a time.
struct JSONLinesReader {
    let path: String
    let range: SourceRange
    private var file: FileReader?
    private var line = 0

    init(path: String, range: SourceRange) {
        self.path = path
        self.range = range
    }

    mutating func next() throws(Diagnostic) -> JSONValue? {
        if file == nil { file = try FileReader(path: path, range: range) }
        while let bytes = try file!.nextLine() {
            line += 1
            guard bytes.contains(where: { !Self.isSpace($0) }) else { continue }
            do {
                return try JSONValue(parsing: bytes)
            } catch {
                throw Diagnostic("\(path) line \(line): \(error)", at: range)
            }
        }
        return nil
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
}

/// A JSON document: the elements of a top-level array one at a time (each is parsed alone, so
/// memory holds one element), any other value whole.
struct JSONArrayReader {
    let path: String
    let range: SourceRange
    private var file: FileReader?
    private var finished = false

    init(path: String, range: SourceRange) {
        self.path = path
        self.range = range
    }

    mutating func next() throws(Diagnostic) -> JSONValue? {
        guard !finished else { return nil }
        if let file { return try element(file) }
        let file = try FileReader(path: path, range: range)
        self.file = file
        try skipSpace(file)
        guard let first = try file.peek() else { throw failure("the file is empty", at: file.offset) }
        guard first == UInt8(ascii: "[") else {
            finished = true
            let start = file.offset
            return try parse(try file.rest(), at: start)
        }
        _ = try file.nextByte()
        try skipSpace(file)
        guard try file.peek() != UInt8(ascii: "]") else {
            _ = try file.nextByte()
            try end(file)
            return nil
        }
        return try element(file)
    }

    /// The next element, through the `,` or `]` after it.
    private mutating func element(_ file: FileReader) throws(Diagnostic) -> JSONValue {
        try skipSpace(file)
        let start = file.offset
        var scanner = ElementScanner()
        var bytes: [UInt8] = []
        guard let terminator = try file.take(into: &bytes, until: &scanner) else {
            throw failure("the file ends inside the array", at: file.offset)
        }
        if terminator == UInt8(ascii: "}") { throw failure("unexpected '}'", at: file.offset - 1) }
        let value = try parse(bytes, at: start)
        if terminator == UInt8(ascii: "]") { try end(file) }
        return value
    }

    private mutating func end(_ file: FileReader) throws(Diagnostic) {
        finished = true
        try skipSpace(file)
        if try file.peek() != nil { throw failure("unexpected text after the array", at: file.offset) }
    }

    private func skipSpace(_ file: FileReader) throws(Diagnostic) {
        while let byte = try file.peek(), JSONLinesReader.isSpace(byte) { _ = try file.nextByte() }
    }

    private func parse(_ bytes: [UInt8], at start: Int) throws(Diagnostic) -> JSONValue {
        do {
            return try JSONValue(parsing: bytes)
        } catch {
            throw failure(error.reason, at: start + error.offset)
        }
    }

    private func failure(_ reason: String, at offset: Int) -> Diagnostic {
        Diagnostic("\(path): invalid JSON at byte \(offset): \(reason)", at: range)
    }
}

/// Finds where an array element ends: the `,` or `]` outside strings and nested brackets.
struct ElementScanner {
    private var depth = 0
    private var inString = false
    private var escaped = false

    /// The index of the terminator in `bytes`, nil when the element goes on past them.
    mutating func end(in bytes: ArraySlice<UInt8>) -> Int? {
        for index in bytes.indices {
            let byte = bytes[index]
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                if depth == 0 { return index }
                depth -= 1
            case UInt8(ascii: ","):
                if depth == 0 { return index }
            default: break
            }
        }
        return nil
    }
}

/// CSV rows as flat objects, through CSV.swift's streaming reader.
struct CSVRowReader {
    let path: String
    let range: SourceRange
    private var reader: CSVReader?
    private var header: [String] = []
    private var row = 1

    init(path: String, range: SourceRange) {
        self.path = path
        self.range = range
    }

    mutating func next() throws(Diagnostic) -> JSONValue? {
        if reader == nil {
            guard let stream = InputStream(fileAtPath: path) else { throw Diagnostic("open: cannot read \(path)", at: range) }
            do {
                reader = try CSVReader(stream: stream, hasHeaderRow: true)
            } catch CSVError.cannotReadHeaderRow {
                return nil
            } catch {
                throw Diagnostic("open: cannot read \(path): \(error)", at: range)
            }
            header = reader!.headerRow!.map { $0.trimmingCharacters(in: .whitespaces) }
        }
        while let cells = reader!.next() {
            row += 1
            if cells.count == 1, cells[0].isEmpty { continue }
            if cells.count > header.count, cells[header.count...].contains(where: { !$0.isEmpty }) {
                throw Diagnostic("\(path) row \(row): \(cells.count) cells, but the header names \(header.count) columns", at: range)
            }
            var object: JSONObject = [:]
            for (name, cell) in zip(header, cells) where !name.isEmpty && !cell.isEmpty { object[name] = .string(cell) }
            return .object(object)
        }
        // CSV.swift reports the end of a file stream as `cannotReadFile`; a real failure has a stream error.
        if let error = reader!.error, !Self.isEndOfFile(error) { throw Diagnostic("open: cannot read \(path): \(error)", at: range) }
        return nil
    }
}

extension CSVRowReader {
    static func isEndOfFile(_ error: any Error) -> Bool {
        if case CSVError.cannotReadFile = error { return true }
        return false
    }
}

/// A file read in 64 KiB chunks, by byte or by line; closed when released. A UTF-8 byte order mark
/// at the start is skipped (offsets still count it).
final class FileReader {
    let path: String
    let range: SourceRange
    private let descriptor: Int32
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var position = 0
    private var count = 0
    /// How many bytes have been consumed.
    private(set) var offset = 0

    init(path: String, range: SourceRange) throws(Diagnostic) {
        self.path = path
        self.range = range
        descriptor = Foundation.open(path, O_RDONLY)
        guard descriptor >= 0 else { throw Diagnostic("open: cannot read \(path): \(String(cString: strerror(errno)))", at: range) }
        if try fill(), count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
            position = 3
            offset = 3
        }
    }

    deinit { Foundation.close(descriptor) }

    /// Refills the buffer; false at the end of the file.
    private func fill() throws(Diagnostic) -> Bool {
        var read = 0
        repeat {
            read = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
        } while read < 0 && errno == EINTR
        guard read >= 0 else { throw Diagnostic("open: cannot read \(path): \(String(cString: strerror(errno)))", at: range) }
        position = 0
        count = read
        return read > 0
    }

    /// The next byte, not consumed.
    func peek() throws(Diagnostic) -> UInt8? {
        if position == count, !(try fill()) { return nil }
        return buffer[position]
    }

    /// The next byte, consumed.
    func nextByte() throws(Diagnostic) -> UInt8? {
        guard let byte = try peek() else { return nil }
        position += 1
        offset += 1
        return byte
    }

    /// The next line without its `\n` (or `\r\n`); nil at the end of the file.
    func nextLine() throws(Diagnostic) -> [UInt8]? {
        var line: [UInt8] = []
        var any = false
        while true {
            if position == count, !(try fill()) { return any ? line : nil }
            any = true
            let end = buffer[position..<count].firstIndex(of: 0x0A)
            line += buffer[position..<(end ?? count)]
            offset += (end.map { $0 + 1 } ?? count) - position
            position = end.map { $0 + 1 } ?? count
            if end != nil {
                if line.last == 0x0D { line.removeLast() }
                return line
            }
        }
    }

    /// Moves bytes into `bytes` until `scanner` finds a terminator, which is consumed and returned;
    /// nil at the end of the file.
    func take(into bytes: inout [UInt8], until scanner: inout ElementScanner) throws(Diagnostic) -> UInt8? {
        while true {
            if position == count, !(try fill()) { return nil }
            let end = scanner.end(in: buffer[position..<count])
            bytes += buffer[position..<(end ?? count)]
            offset += (end.map { $0 + 1 } ?? count) - position
            position = end.map { $0 + 1 } ?? count
            if let end { return buffer[end] }
        }
    }

    /// Everything not yet consumed.
    func rest() throws(Diagnostic) -> [UInt8] {
        var bytes: [UInt8] = []
        while try peek() != nil {
            bytes += buffer[position..<count]
            offset += count - position
            position = count
        }
        return bytes
    }
}

extension ValueStream {
    /// A stream whose iterator keeps `State`: made afresh by `state` for each iteration and advanced
    /// by `next` (nil ends the stream). For commands that read files or remember what they have seen.
    static func unfold<State>(state: @escaping @Sendable () -> State,
                              _ next: @escaping @Sendable (inout State) async throws -> JSONValue?) -> ValueStream {
        ValueStream(Unfolded(makeState: state, step: next))
    }
}

private struct Unfolded<State>: AsyncSequence, Sendable {
    let makeState: @Sendable () -> State
    let step: @Sendable (inout State) async throws -> JSONValue?

    func makeAsyncIterator() -> Iterator { Iterator(state: makeState(), step: step) }

    struct Iterator: AsyncIteratorProtocol {
        var state: State
        let step: @Sendable (inout State) async throws -> JSONValue?
        var finished = false

        mutating func next() async throws -> JSONValue? {
            guard !finished else { return nil }
            guard let value = try await step(&state) else {
                finished = true
                return nil
            }
            return value
        }
    }
}
