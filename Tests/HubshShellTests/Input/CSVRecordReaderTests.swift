@testable import HubshShell
import JSONValue
import Testing

struct CSVRecordReaderTests {
    static func read(_ bytes: [UInt8], encoding: InputEncoding = .utf8, limit: Int = TextCursor.defaultLimit,
                     chunkSize: Int = 1 << 16) throws -> (values: [JSONValue], error: InputError?) {
        try InputFile.read(bytes, encoding: encoding, limit: limit, chunkSize: chunkSize) { CSVRecordReader($0) }
    }

    static func read(_ text: String, limit: Int = TextCursor.defaultLimit, chunkSize: Int = 1 << 16) throws -> (values: [JSONValue], error: InputError?) {
        try read(Array(text.utf8), limit: limit, chunkSize: chunkSize)
    }

    @Test(arguments: [1, 2, 7, 1 << 16])
    func rowsAreFlatObjectsOfTheirNonEmptyCells(chunkSize: Int) throws {
        let text = "\u{FEFF}\nemail,name , notes,\r\nann@acme.com,\"Lee, Ann\",\"said \"\"hi\"\"\nthen left\",x\r\nbob@x.org,,5\" screen\r\r\n,Cy,\n\"\"\n"
        let read = try Self.read(text, chunkSize: chunkSize)
        #expect(read.error == nil)
        #expect(read.values == [
            ["email": "ann@acme.com", "name": "Lee, Ann", "notes": "said \"hi\"\nthen left"],
            ["email": "bob@x.org", "notes": "5\" screen"],
            ["name": "Cy"],
        ])
        #expect(try Self.read("email,name\n").values == [])
        #expect(try Self.read("").values == [])
        #expect(try Self.read("a,b\n1,2").values == [["a": "1", "b": "2"]])
    }

    /// The row of issue 9: Windows-1252 in a file read as UTF-8 at line 151.
    static func leads(badRowAt row: Int, of count: Int) -> [UInt8] {
        var bytes = Array("email,firstname,lastname\n".utf8)
        for n in 1...count {
            if n == row {
                bytes += Array("v\(n)@ex.org,Jos".utf8) + [0xE9] + Array(" Garc".utf8) + [0xED] + Array("a,Lopez\n".utf8)
            } else {
                bytes += Array("v\(n)@ex.org,First\(n),Last\(n)\n".utf8)
            }
        }
        return bytes
    }

    @Test func aRowThatIsNotUTF8StopsTheReadAtItsLineAndNothingOfItIsGiven() throws {
        let read = try Self.read(Self.leads(badRowAt: 150, of: 300))
        #expect(read.values.count == 149)
        #expect(read.values.last == ["email": "v149@ex.org", "firstname": "First149", "lastname": "Last149"])
        #expect(read.error?.line == 151)
        #expect(read.error?.column == 16)
        #expect(read.error?.reason.hasPrefix("byte 0xE9 is not UTF-8") == true)
    }

    @Test func aDeclaredWindows1252FileIsDecoded() throws {
        let read = try Self.read(Self.leads(badRowAt: 150, of: 300), encoding: .windows1252)
        #expect(read.error == nil)
        #expect(read.values.count == 300)
        #expect(read.values[149] == ["email": "v150@ex.org", "firstname": "José García", "lastname": "Lopez"])
    }

    @Test(arguments: [
        ("email,name\n\"u1@ex.org,A\nu2@ex.org,B\n", 0, InputError(line: 2, column: 1, "this quote is never closed")),
        ("email,name\nu0@ex.org,Z\nu1@ex.org,\"A\nu2@ex.org,B\n", 1, InputError(line: 3, column: 11, "this quote is never closed")),
        ("email,name\n\"u1@ex.org\"x,A\n", 0, InputError(line: 2, column: 12, "text after a closing quote (a quote inside a quoted field is written twice: \"\")")),
        ("email,name,Email, email \n", 0, InputError(line: 1, "the header names the column 'email' twice (fields 1 and 4)")),
        ("a,b\n1,2,\n\n1,2,3\n", 1, InputError(line: 4, "3 cells, but the header names 2 columns")),
    ])
    func malformedCSVIsRefusedAtItsLine(text: String, valuesBefore: Int, error: InputError) throws {
        for chunkSize in [1, 1 << 16] {
            let read = try Self.read(text, chunkSize: chunkSize)
            #expect(read.values.count == valuesBefore)
            #expect(read.error == error)
        }
    }

    @Test func randomBytesAreRefusedNotReadAsNoRows() throws {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<(1 << 20)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let read = try Self.read(bytes)
        #expect(read.error?.reason.contains("is not UTF-8") == true, "\(String(describing: read.error))")
    }

    @Test func aRowLongerThanTheLimitIsRefusedWhereItStarts() throws {
        let long = try Self.read("a,b\n1,2\n3,\(String(repeating: "x", count: 40))\n", limit: 32, chunkSize: 5)
        #expect(long.values == [["a": "1", "b": "2"]])
        #expect(long.error == InputError(line: 3, "the row is longer than 32 bytes, the most a row may hold"))
        let open = try Self.read("a,b\n1,\"2\n\(String(repeating: "x\n", count: 20))", limit: 32, chunkSize: 5)
        #expect(open.values.isEmpty)
        #expect(open.error == InputError(line: 2, column: 3, "the field quoted here runs past 32 bytes, the most a row may hold: is its closing quote missing?"))
    }
}
