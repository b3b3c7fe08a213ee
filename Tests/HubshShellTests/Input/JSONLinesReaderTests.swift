@testable import HubshShell
import JSONValue
import Testing

struct JSONLinesReaderTests {
    static func read(_ bytes: [UInt8], encoding: InputEncoding = .utf8, limit: Int = TextCursor.defaultLimit,
                     chunkSize: Int = 1 << 16) throws -> (values: [JSONValue], error: InputError?) {
        try InputFile.read(bytes, encoding: encoding, limit: limit, chunkSize: chunkSize) { JSONLinesReader($0) }
    }

    @Test(arguments: [1, 4, 1 << 16])
    func eachLineIsAValueAndBlankLinesAreSkipped(chunkSize: Int) throws {
        let read = try Self.read(Array("{\"id\":\"1\"}\r\n\n  \n[1,2]\n\"last\"".utf8), chunkSize: chunkSize)
        #expect(read.error == nil)
        #expect(read.values == [["id": "1"], [1, 2], "last"])
    }

    @Test func aBadLineStopsAtItsLineAndColumnAfterTheValuesBefore() throws {
        let read = try Self.read(Array("1\n2\n{\"a\" 1}\n4\n".utf8))
        #expect(read.values == [1, 2])
        #expect(read.error == InputError(line: 3, column: 6, "invalid JSON: expected ':'"))
    }

    @Test func bytesThatAreNotUTF8StopTheLineTheyAreOnInsteadOfBecomingReplacementCharacters() throws {
        let lines = (1...3).map { "{\"name\":\"n\($0)\"}\n" }.joined()
        let read = try Self.read(Array(lines.utf8) + Array("{\"name\":\"Jos".utf8) + [0xE9] + Array("\"}\n{\"name\":\"n5\"}\n".utf8))
        #expect(read.values == [["name": "n1"], ["name": "n2"], ["name": "n3"]])
        #expect(read.error?.line == 4)
        #expect(read.error?.column == 13)
        #expect(read.error?.reason.hasPrefix("byte 0xE9 is not UTF-8") == true)
    }

    @Test func aDeclaredEncodingDecodesTheLines() throws {
        let read = try Self.read(Array("{\"name\":\"Jos".utf8) + [0xE9] + Array("\"}\n".utf8), encoding: .windows1252)
        #expect(read.values == [["name": "José"]])
        #expect(read.error == nil)
    }

    @Test func aLineLongerThanTheLimitIsRefusedWithoutHoldingTheRestOfTheFile() throws {
        let small = try Self.read(Array("1\n2\n[\"0123456789\"]".utf8), limit: 10, chunkSize: 4)
        #expect(small.values == [1, 2])
        #expect(small.error == InputError(line: 3, "the line is longer than 10 bytes, the most a line may hold"))
        // What `open /dev/zero --format jsonl` meets: NUL bytes without a line break, here just past the limit.
        let zeros = try Self.read([UInt8](repeating: 0, count: TextCursor.defaultLimit + 1))
        #expect(zeros.values.isEmpty)
        #expect(zeros.error == InputError(line: 1, "the line is longer than 16 MiB, the most a line may hold"))
    }
}
