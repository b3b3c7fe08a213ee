import Foundation
import Testing

/// `open` feeding writes, end to end: the real binary against the seeded in-process emulator, with
/// files that break part way (issue 9's Windows-1252 row and a bad JSON Lines line).
struct OpenFileEndToEndTests {
    static func run(_ arguments: [String], in scratch: ScratchDirectory) throws -> (status: Int32, output: String, errors: String) {
        try Hubsh.run(arguments, environment: ["XDG_CONFIG_HOME": scratch.path("config"), "XDG_STATE_HOME": scratch.path("state"),
                                               "HUBSPOT_ACCESS_TOKEN": ""], directory: scratch.url)
    }

    /// 300 contacts; row 150 (line 151) is `v150@ex.org,José García,Lopez` in Windows-1252.
    static func leads() -> Data {
        var bytes = Array("email,firstname,lastname\n".utf8)
        for n in 1...300 {
            if n == 150 {
                bytes += Array("v150@ex.org,Jos".utf8) + [0xE9] + Array(" Garc".utf8) + [0xED] + Array("a,Lopez\n".utf8)
            } else {
                bytes += Array("v\(n)@ex.org,First\(n),Last\(n)\n".utf8)
            }
        }
        return Data(bytes)
    }

    static func lines(_ output: String, holding text: String) -> Int {
        output.split(separator: "\n").filter { $0.contains(text) }.count
    }

    @Test func aWindows1252RowStopsTheImportAtItsLineAfterTheRowsBeforeAreWritten() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try Self.leads().write(to: scratch.url.appendingPathComponent("leads.csv"))
        let script = """
            open leads.csv | upsert contacts --by email
            search contacts where email = 'v149@ex.org' | count
            search contacts where email = 'v150@ex.org' | count
            """
        try Data(script.utf8).write(to: scratch.url.appendingPathComponent("import.hubsh"))
        let result = try Self.run(["--sandbox", "--search-lag", "0", "run", "import.hubsh", "--on-error", "continue"], in: scratch)
        #expect(result.status == 3, "some rows were written: a partial failure. \(result.errors)")
        #expect(Self.lines(result.output, holding: "\"status\":\"created\"") == 149)
        #expect(result.output.hasSuffix("\n1\n0\n"), "v149 was written, v150 not: \(result.output.suffix(40))")
        #expect(result.errors.contains("import.hubsh, line 1: leads.csv line 151, column 16: byte 0xE9 is not UTF-8"), "\(result.errors)")
        #expect(result.errors.contains("; 149 rows read before it, 149 written"), "\(result.errors)")
        #expect(!result.output.contains("\"Jos\""), "no part of row 150 was sent")
    }

    @Test func theDeclaredEncodingImportsEveryRow() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try Self.leads().write(to: scratch.url.appendingPathComponent("leads.csv"))
        let text = "open leads.csv --encoding windows-1252 | upsert contacts --by email | count; "
            + "search contacts where email = 'v150@ex.org' props firstname,lastname | select firstname,lastname"
        let result = try Self.run(["--sandbox", "--search-lag", "0", "-c", text], in: scratch)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.hasPrefix("300\n"))
        #expect(result.output.contains("\"firstname\":\"José García\",\"lastname\":\"Lopez\"}"), "\(result.output)")
    }

    @Test func aBadJSONLinesLineSaysHowManyWereWrittenBeforeItAndExits3() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        var lines = (1...600).map { "{\"email\":\"j\($0)@ex.org\",\"firstname\":\"J\($0)\"}" }
        lines[499] = "{\"email\":\"j500@ex.org\",\"firstname\":}"
        try Data(lines.joined(separator: "\n").utf8).write(to: scratch.url.appendingPathComponent("contacts.jsonl"))
        let result = try Self.run(["--sandbox", "-c", "open contacts.jsonl | create contacts"], in: scratch)
        #expect(result.status == 3, "\(result.errors)")
        #expect(Self.lines(result.output, holding: "\"status\":\"created\"") == 499)
        #expect(result.errors.contains("line 1: contacts.jsonl line 500, column 36: invalid JSON: unexpected character '}'; 499 values read before it, 499 written"),
                "\(result.errors)")
    }
}
