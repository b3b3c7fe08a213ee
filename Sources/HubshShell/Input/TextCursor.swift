import Foundation

/// A file's text as valid UTF-8, read in chunks and decoded from its encoding as it is consumed, with
/// the line and column of the next character. Bytes that are not text are reported only when the
/// reading reaches them, so everything before them is read first; a byte order mark at the start is
/// skipped. Closed when released.
final class TextCursor {
    /// The most a line, a CSV row or a JSON value may hold: 16 MiB. A file without line breaks (or a
    /// quote that is never closed) stops there instead of filling the memory.
    static let defaultLimit = 16 << 20

    /// The most bytes of UTF-8 a line, row or value may hold here.
    let limit: Int
    /// The line of the next character, from 1.
    private(set) var line = 1
    /// The column of the next character on its line, in characters from 1.
    private(set) var column = 1

    private let descriptor: Int32
    private var decoder: TextDecoder
    private var chunk: [UInt8]
    /// Decoded text not yet consumed from `position` on.
    private var text: [UInt8] = []
    private var position = 0
    /// Why decoding stopped after `text`, once it has.
    private var problem: String?
    private var atEnd = false
    private var started = false

    /// Opens `path`; `chunkSize` is how much is read at a time.
    init(path: String, encoding: InputEncoding, limit: Int = TextCursor.defaultLimit, chunkSize: Int = 1 << 16) throws(InputError) {
        self.limit = limit
        decoder = TextDecoder(encoding)
        chunk = [UInt8](repeating: 0, count: max(1, chunkSize))
        descriptor = Foundation.open(path, O_RDONLY)
        guard descriptor >= 0 else { throw InputError(line: nil, "cannot read the file: \(String(cString: strerror(errno)))") }
    }

    deinit { Foundation.close(descriptor) }

    /// The limit in words, for messages.
    var limitText: String { limit % (1 << 20) == 0 ? "\(limit >> 20) MiB" : "\(limit) bytes" }

    /// Decodes more of the file until there is text to consume; false at the end of the file. Throws
    /// when the next bytes are not text.
    private func fill() throws(InputError) -> Bool {
        while position == text.count {
            if let problem { throw InputError(line: line, column: column, problem) }
            if atEnd { return false }
            text.removeAll(keepingCapacity: true)
            position = 0
            var read = 0
            repeat {
                read = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            } while read < 0 && errno == EINTR
            guard read >= 0 else { throw InputError(line: line, "cannot read the file: \(String(cString: strerror(errno)))") }
            if read == 0 {
                atEnd = true
                problem = decoder.finish()
            } else {
                problem = chunk.withUnsafeBufferPointer { decoder.decode(UnsafeBufferPointer(rebasing: $0[0..<read]), into: &text) }
            }
            if !started, !text.isEmpty {
                started = true
                if text.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
            }
        }
        return true
    }

    /// Counts the lines and columns of the text consumed up to `end`.
    private func consume(upTo end: Int) {
        text.withUnsafeBufferPointer { bytes in
            for index in position..<end {
                let byte = bytes[index]
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
            }
        }
        position = end
    }

    /// The next byte, not consumed; nil at the end of the file.
    func peek() throws(InputError) -> UInt8? {
        guard try fill() else { return nil }
        return text[position]
    }

    /// The next byte, consumed; nil at the end of the file.
    func next() throws(InputError) -> UInt8? {
        guard try fill() else { return nil }
        let byte = text[position]
        consume(upTo: position + 1)
        return byte
    }

    /// The next line without its `\n` (or `\r\n`); nil at the end of the file. A line longer than the
    /// limit is refused.
    func nextLine() throws(InputError) -> [UInt8]? {
        let number = line
        var bytes: [UInt8] = []
        guard try fill() else { return nil }
        repeat {
            let end = text.withUnsafeBufferPointer { buffer -> Int? in
                guard let base = buffer.baseAddress, let found = memchr(base + position, 0x0A, buffer.count - position) else { return nil }
                return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            bytes += text[position..<(end ?? text.count)]
            if bytes.count > limit { throw InputError(line: number, "the line is longer than \(limitText), the most a line may hold") }
            consume(upTo: end.map { $0 + 1 } ?? text.count)
            if end != nil { break }
        } while try fill()
        if bytes.last == 0x0D { bytes.removeLast() }
        return bytes
    }

    /// How `take` ended.
    enum Taken: Equatable {
        /// At this terminator, consumed.
        case terminator(UInt8)
        /// At the end of the file.
        case end
        /// With more than the limit taken.
        case tooLong
    }

    /// Moves text into `bytes` until `scanner` finds a terminator or more than the limit is taken.
    func take(into bytes: inout [UInt8], until scanner: inout ElementScanner) throws(InputError) -> Taken {
        while try fill() {
            let end = scanner.end(in: text[position...])
            bytes += text[position..<(end ?? text.count)]
            if bytes.count > limit { return .tooLong }
            consume(upTo: end.map { $0 + 1 } ?? text.count)
            if let end { return .terminator(text[end]) }
        }
        return .end
    }

    /// Everything not yet consumed, or nil when it is more than the limit.
    func rest() throws(InputError) -> [UInt8]? {
        var bytes: [UInt8] = []
        while try fill() {
            bytes += text[position...]
            if bytes.count > limit { return nil }
            consume(upTo: text.count)
        }
        return bytes
    }
}
