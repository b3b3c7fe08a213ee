@testable import HubshShell
import JSONValue
import Testing

struct JSONDocumentReaderTests {
    static func read(_ text: String, limit: Int = TextCursor.defaultLimit, chunkSize: Int = 1 << 16) throws -> (values: [JSONValue], error: InputError?) {
        try InputFile.read(text, limit: limit, chunkSize: chunkSize) { JSONDocumentReader($0) }
    }

    @Test(arguments: [1, 3, 1 << 16])
    func anArrayGivesItsElementsAndAnyOtherValueIsOne(chunkSize: Int) throws {
        let array = try Self.read("\u{FEFF} [ {\"a\": \"x,]}\\\"\"}, [1, [2]],\n \"s]\" , 3 ]\n", chunkSize: chunkSize)
        #expect(array.error == nil)
        #expect(array.values == [["a": "x,]}\""], [1, [2]], "s]", 3])
        #expect(try Self.read("{\"id\": \"1\", \"properties\": {}}", chunkSize: chunkSize).values == [["id": "1", "properties": [:]]])
        #expect(try Self.read(" [ ] ", chunkSize: chunkSize).values == [])
    }

    @Test func anArrayIsReadElementByElement() throws {
        let file = try InputFile("[\n{\"a\": 1},\n{\"a\": 2},\n{\"a\" 3}\n]")
        defer { file.remove() }
        let cursor = try file.cursor(chunkSize: 1)
        var reader = JSONDocumentReader(cursor)
        #expect(try reader.next() == ["a": 1])
        #expect(cursor.line == 2, "the reader stopped after the first element's comma")
        #expect(try reader.next() == ["a": 2])
        #expect(cursor.line == 3)
        #expect(throws: InputError(line: 4, column: 6, "invalid JSON: expected ':'")) { try reader.next() }
        // Only one element is held at a time: the whole array is far over the limit, each element under it.
        let elements = (1...500).map { "{\"id\": \"\($0)\"}" }
        let big = try Self.read("[" + elements.joined(separator: ",\n") + "]", limit: 64, chunkSize: 100)
        #expect(big.error == nil)
        #expect(big.values.count == 500)
    }

    @Test(arguments: [
        ("[1, 2, x]", 2, InputError(line: 1, column: 8, "invalid JSON: unexpected character 'x'")),
        ("[\n  {\"a\": 1},\n  {\"a\" 2}\n]", 1, InputError(line: 3, column: 8, "invalid JSON: expected ':'")),
        ("[1, 2", 1, InputError(line: 1, column: 6, "invalid JSON: the file ends inside the array")),
        ("[1}", 0, InputError(line: 1, column: 3, "invalid JSON: unexpected '}'")),
        ("[1,\n 2] 3", 2, InputError(line: 2, column: 5, "invalid JSON: unexpected text after the array")),
        ("  \n", 0, InputError(line: 2, column: 1, "invalid JSON: the file is empty")),
        ("{\"a\":\n }", 0, InputError(line: 2, column: 2, "invalid JSON: unexpected character '}'")),
        ("[\"é\", 1, ]", 2, InputError(line: 1, column: 10, "invalid JSON: unexpected ']'")),
        ("[1,,2]", 1, InputError(line: 1, column: 4, "invalid JSON: unexpected ','")),
    ])
    func badJSONSaysItsLineAndColumn(text: String, valuesBefore: Int, error: InputError) throws {
        let read = try Self.read(text)
        #expect(read.values.count == valuesBefore)
        #expect(read.error == error)
    }

    @Test func bytesThatAreNotUTF8StopTheElementTheyAreIn() throws {
        let read = try InputFile.read(Array("[\"a\",\n\"b".utf8) + [0xFF] + Array("\"]".utf8)) { JSONDocumentReader($0) }
        #expect(read.values == ["a"])
        #expect(read.error?.line == 2)
        #expect(read.error?.column == 3)
        #expect(read.error?.reason.hasPrefix("byte 0xFF is not UTF-8") == true)
    }

    @Test func anElementOrValueLongerThanTheLimitIsRefusedWhereItStarts() throws {
        let element = try Self.read("[1,\n  \"\(String(repeating: "x", count: 20))\"]", limit: 16, chunkSize: 4)
        #expect(element.values == [1])
        #expect(element.error == InputError(line: 2, column: 3, "the array element starting here is longer than 16 bytes, the most a value may hold"))
        let value = try Self.read("\n {\"a\": \"\(String(repeating: "x", count: 20))\"}", limit: 16, chunkSize: 4)
        #expect(value.values.isEmpty)
        #expect(value.error == InputError(line: 2, column: 2, "the JSON value starting here is longer than 16 bytes, the most a value may hold"))
    }
}
