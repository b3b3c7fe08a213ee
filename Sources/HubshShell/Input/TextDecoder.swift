/// Turns a file's bytes, chunk by chunk, into valid UTF-8 in the file's declared encoding. A
/// character cut by a chunk's end waits for the next chunk; bytes that are not text stop the decoding
/// there, after everything before them has been given out, so the reader can say on which line they are.
struct TextDecoder {
    let encoding: InputEncoding
    /// The bytes of a character cut by the previous chunk's end.
    private var pending: [UInt8] = []
    /// A UTF-16 high surrogate waiting for its low half.
    private var highSurrogate: UInt16?
    /// UTF-16's byte order, once known.
    private var bigEndian: Bool?

    init(_ encoding: InputEncoding) {
        self.encoding = encoding
        switch encoding {
        case .utf16LE: bigEndian = false
        case .utf16BE: bigEndian = true
        default: bigEndian = nil
        }
    }

    /// Appends the UTF-8 of `bytes` to `output`; returns why decoding stopped when some of them are not
    /// text (`output` then holds everything before them).
    mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> String? {
        switch encoding {
        case .utf8: return decodeUTF8(bytes, into: &output)
        case .latin1:
            for byte in bytes { Self.append(UInt32(byte), to: &output) }
            return nil
        case .windows1252:
            for byte in bytes {
                if (0x80...0x9F).contains(byte) {
                    Self.append(Self.windows1252High[Int(byte - 0x80)], to: &output)
                } else {
                    Self.append(UInt32(byte), to: &output)
                }
            }
            return nil
        case .utf16, .utf16LE, .utf16BE: return decodeUTF16(bytes, into: &output)
        }
    }

    /// The end of the file: why it is not text when it ends inside a character.
    func finish() -> String? {
        guard !pending.isEmpty || highSurrogate != nil else { return nil }
        return encoding == .utf8 ? "the file ends inside a UTF-8 character" : "the file ends inside a UTF-16 character"
    }

    // MARK: UTF-8

    private mutating func decodeUTF8(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> String? {
        var index = 0
        if !pending.isEmpty {
            // Finish the character the last chunk cut (the chunk is then wholly in `head` when it is still cut).
            let head = pending + bytes.prefix(4 - pending.count)
            switch head.withUnsafeBufferPointer({ Self.utf8Sequence($0, at: 0) }) {
            case .valid(let length):
                output += head[0..<length]
                index = length - pending.count
                pending = []
            case .truncated:
                pending = head
                return nil
            case .invalid:
                return Self.notUTF8(head[0])
            }
        }
        let start = index
        while index < bytes.count {
            if bytes[index] < 0x80 {
                index += 1
                continue
            }
            switch Self.utf8Sequence(bytes, at: index) {
            case .valid(let length):
                index += length
            case .truncated:
                output += bytes[start..<index]
                pending = Array(bytes[index...])
                return nil
            case .invalid:
                output += bytes[start..<index]
                return Self.notUTF8(bytes[index])
            }
        }
        output += bytes[start..<index]
        return nil
    }

    private static func notUTF8(_ byte: UInt8) -> String {
        "byte 0x\(String(byte, radix: 16, uppercase: true)) is not UTF-8 (for a file in another encoding, "
            + "add --encoding windows-1252, latin1 or utf-16)"
    }

    private enum Sequence { case valid(Int), truncated, invalid }

    /// Whether a well-formed UTF-8 character (Unicode's table 3-7) starts at `index`.
    private static func utf8Sequence(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Sequence {
        let lead = bytes[index]
        let length: Int
        var second: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0x00...0x7F: return .valid(1)
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; second = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; second = 0x80...0x9F
        case 0xF0: length = 4; second = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; second = 0x80...0x8F
        default: return .invalid
        }
        for offset in 1..<length {
            guard index + offset < bytes.count else { return .truncated }
            guard (offset == 1 ? second : 0x80...0xBF).contains(bytes[index + offset]) else { return .invalid }
        }
        return .valid(length)
    }

    // MARK: UTF-16

    private mutating func decodeUTF16(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> String? {
        var index = 0
        while index < bytes.count {
            pending.append(bytes[index])
            index += 1
            guard pending.count == 2 else { continue }
            // The byte order mark (FE FF) says big-endian; anything else is read little-endian.
            if bigEndian == nil { bigEndian = pending[0] == 0xFE && pending[1] == 0xFF }
            let unit = bigEndian == true ? UInt16(pending[0]) << 8 | UInt16(pending[1]) : UInt16(pending[1]) << 8 | UInt16(pending[0])
            pending = []
            if let high = highSurrogate {
                guard (0xDC00...0xDFFF).contains(unit) else { return Self.unpaired }
                highSurrogate = nil
                Self.append(0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00), to: &output)
            } else if (0xD800...0xDBFF).contains(unit) {
                highSurrogate = unit
            } else if (0xDC00...0xDFFF).contains(unit) {
                return Self.unpaired
            } else {
                Self.append(UInt32(unit), to: &output)
            }
        }
        return nil
    }

    private static let unpaired = "an unpaired UTF-16 surrogate is not text"

    // MARK: Single bytes

    /// Windows-1252's characters for the bytes 0x80–0x9F (the five it leaves undefined map to the
    /// control characters of the same number).
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// Appends the UTF-8 of a Unicode scalar value.
    private static func append(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
