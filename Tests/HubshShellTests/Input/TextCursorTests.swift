@testable import HubshShell
import Testing

struct TextCursorTests {
    /// The lines of a file through `nextLine`, or the error that stopped them.
    static func lines(_ bytes: [UInt8], _ encoding: InputEncoding = .utf8, limit: Int = TextCursor.defaultLimit,
                      chunkSize: Int = 1 << 16) throws -> (lines: [String], error: InputError?) {
        let file = try InputFile(bytes)
        defer { file.remove() }
        let cursor = try file.cursor(encoding, limit: limit, chunkSize: chunkSize)
        var lines: [String] = []
        do {
            while let line = try cursor.nextLine() { lines.append(String(decoding: line, as: UTF8.self)) }
            return (lines, nil)
        } catch {
            return (lines, error)
        }
    }

    @Test(arguments: [1, 2, 3, 5, 1 << 16])
    func utf8IsReadWholeWhereverTheChunksEndAndTheByteOrderMarkIsSkipped(chunkSize: Int) throws {
        let read = try Self.lines(Array("\u{FEFF}a\r\né€𝄞 x\n\nb".utf8), chunkSize: chunkSize)
        #expect(read.error == nil)
        #expect(read.lines == ["a", "é€𝄞 x", "", "b"])
    }

    @Test(arguments: [1, 3, 1 << 16])
    func bytesThatAreNotUTF8StopTheReadAtTheirLineAndColumnAfterTheLinesBefore(chunkSize: Int) throws {
        let read = try Self.lines(Array("ab\n".utf8) + Array("é".utf8) + [0x63, 0xE9, 0x66, 0x0A, 0x67], chunkSize: chunkSize)
        #expect(read.lines == ["ab"])
        #expect(read.error?.line == 2)
        #expect(read.error?.column == 3)
        #expect(read.error?.reason.contains("byte 0xE9 is not UTF-8") == true)
        #expect(read.error?.reason.contains("--encoding windows-1252") == true)
    }

    @Test(arguments: [
        ([0xC0, 0x80], "0xC0"), // an overlong NUL
        ([0xED, 0xA0, 0x80], "0xED"), // a surrogate
        ([0xF5, 0x80, 0x80, 0x80], "0xF5"), // past U+10FFFF
        ([0x80], "0x80"), // a lone continuation byte
        ([0xE2, 0x82], "the file ends inside a UTF-8 character"),
    ] as [([UInt8], String)])
    func malformedUTF8IsRefused(bytes: [UInt8], reason: String) throws {
        for chunkSize in [1, 1 << 16] {
            let read = try Self.lines(Array("x\ny".utf8) + bytes, chunkSize: chunkSize)
            #expect(read.lines == ["x"])
            #expect(read.error?.line == 2)
            #expect(read.error?.column == 2)
            #expect(read.error?.reason.contains(reason) == true, "\(String(describing: read.error))")
        }
    }

    @Test func windows1252AndLatin1AreDecodedToUnicode() throws {
        let bytes: [UInt8] = Array("Jos".utf8) + [0xE9, 0x20] + Array("Garc".utf8) + [0xED, 0x61, 0x20, 0x80, 0x20, 0x93, 0x71, 0x94]
        #expect(try Self.lines(bytes, .windows1252).lines == ["José García € “q”"])
        #expect(try Self.lines(bytes, .latin1).lines == ["José García \u{80} \u{93}q\u{94}"])
    }

    @Test(arguments: [1, 2, 3, 1 << 16])
    func utf16TakesItsByteOrderFromTheMarkAndPairsSurrogates(chunkSize: Int) throws {
        let text = "a\né𝄞"
        let units = Array(text.utf16)
        let little = units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big = units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try Self.lines([0xFF, 0xFE] + little, .utf16, chunkSize: chunkSize).lines == ["a", "é𝄞"])
        #expect(try Self.lines([0xFE, 0xFF] + big, .utf16, chunkSize: chunkSize).lines == ["a", "é𝄞"])
        #expect(try Self.lines(little, .utf16, chunkSize: chunkSize).lines == ["a", "é𝄞"])
        #expect(try Self.lines(big, .utf16BE, chunkSize: chunkSize).lines == ["a", "é𝄞"])
        let unpaired = try Self.lines(little.prefix(4) + [0x3D, 0xD8, 0x61, 0x00], .utf16LE, chunkSize: chunkSize)
        #expect(unpaired.lines == ["a"])
        #expect(unpaired.error == InputError(line: 2, column: 1, "an unpaired UTF-16 surrogate is not text"))
        let odd = try Self.lines(little + [0x61], .utf16LE, chunkSize: chunkSize)
        #expect(odd.error == InputError(line: 2, column: 3, "the file ends inside a UTF-16 character"))
    }

    @Test func aLineLongerThanTheLimitIsRefusedAtItsLine() throws {
        let fits = try Self.lines(Array("0123456789\nabc".utf8), limit: 10, chunkSize: 3)
        #expect(fits.lines == ["0123456789", "abc"])
        #expect(fits.error == nil)
        let long = try Self.lines(Array("ok\n0123456789A".utf8), limit: 10, chunkSize: 3)
        #expect(long.lines == ["ok"])
        #expect(long.error == InputError(line: 2, "the line is longer than 10 bytes, the most a line may hold"))
        #expect(TextCursor.defaultLimit == 16 * 1024 * 1024)
    }

    @Test(arguments: [
        ("utf-8", InputEncoding.utf8), ("UTF8", .utf8), ("cp1252", .windows1252), ("Windows-1252", .windows1252),
        ("latin1", .latin1), ("ISO-8859-1", .latin1), ("utf-16", .utf16), ("utf-16le", .utf16LE), ("UTF-16BE", .utf16BE),
    ])
    func encodingsAreKnownByTheirCommonNames(name: String, encoding: InputEncoding) {
        #expect(InputEncoding(named: name) == encoding)
        #expect(InputEncoding(named: "ebcdic") == nil)
    }
}
