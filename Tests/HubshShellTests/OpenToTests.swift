import Foundation
import HubshShell
import JSONValue
import Testing

struct OpenToTests {
    @Test func openJSONGivesAnArraysElementsOrOneValue() async throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let array = try folder.file("a.json", "\u{FEFF} [ {\"a\": \"x,]}\\\"\"}, [1, [2]],\n \"s]\" , 3 ]\n")
        let run = await ShellRun.run("open '\(array)'")
        #expect(run.messages.isEmpty, "\(run.messages)")
        #expect(run.values == [["a": "x,]}\""], [1, [2]], "s]", 3])
        let object = try folder.file("o.json", "{\"id\": \"1\", \"properties\": {}}")
        #expect(await ShellRun.run("open '\(object)'").values == [["id": "1", "properties": [:]]])
        let empty = try folder.file("e.json", " [ ] ")
        let none = await ShellRun.run("open '\(empty)' | count")
        #expect(none.values == [0])
    }

    @Test(arguments: [
        ("[1, 2, x]", "line 1, column 8: invalid JSON: unexpected character 'x'; 2 values read before it"),
        ("[1, 2", "line 1, column 6: invalid JSON: the file ends inside the array; 1 value read before it"),
        ("", "line 1, column 1: invalid JSON: the file is empty"),
    ])
    func badJSONSaysWhereAndHowManyValuesCameBefore(text: String, message: String) async throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let file = try folder.file("bad.json", text)
        let run = await ShellRun.run("open '\(file)'")
        #expect(run.outcome == .failure)
        #expect(run.messages.joined().contains("\(file) \(message)\n"), "\(run.messages)")
    }

    @Test func openJSONLinesStreamsLineByLine() async throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let file = try folder.file("v.jsonl", "{\"id\":\"1\"}\r\n\n  \n[1,2]\n\"last\"")
        let run = await ShellRun.run("open '\(file)'")
        #expect(run.values == [["id": "1"], [1, 2], "last"])
        let bad = try folder.file("bad.ndjson", "1\n2\n{\"a\" 1}\n4\n")
        let failed = await ShellRun.run("open '\(bad)'")
        #expect(failed.outcome == .failure)
        #expect(failed.values == [1, 2], "the lines before the bad one flow on")
        #expect(failed.messages.joined().contains("\(bad) line 3, column 6: invalid JSON: expected ':'; 2 values read before it"), "\(failed.messages)")
    }

    @Test func openCSVMakesFlatObjectsOfStrings() async throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let text = "email,name , notes\r\nann@acme.com,\"Lee, Ann\",\"said \"\"hi\"\"\nthen left\"\r\nbob@x.org,,plain\n\n,Cy,\n"
        let file = try folder.file("leads.csv", text)
        let run = await ShellRun.run("open '\(file)'")
        #expect(run.messages.isEmpty, "\(run.messages)")
        #expect(run.values == [
            ["email": "ann@acme.com", "name": "Lee, Ann", "notes": "said \"hi\"\nthen left"],
            ["email": "bob@x.org", "notes": "plain"],
            ["name": "Cy"],
        ])
        let headerOnly = try folder.file("h.csv", "email,name\n")
        #expect(await ShellRun.run("open '\(headerOnly)' | count").values == [0])
        let nothing = try folder.file("n.csv", "")
        #expect(await ShellRun.run("open '\(nothing)' | count").values == [0])
        let ragged = try folder.file("r.csv", "a,b\n1,2,\n1,2,3\n")
        let refused = await ShellRun.run("open '\(ragged)'")
        #expect(refused.values == [["a": "1", "b": "2"]])
        #expect(refused.messages.joined().contains("\(ragged) line 3: 3 cells, but the header names 2 columns; 1 row read before it"), "\(refused.messages)")
    }

    @Test func openRefusesWhatItCannotRead() async throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let missing = await ShellRun.run("open '\(folder.path)/nope.csv'")
        #expect(missing.outcome == .failure)
        #expect(missing.messages.joined().contains("open: no such file \(folder.path)/nope.csv"))
        let folderRun = await ShellRun.run("open '\(folder.path)'")
        #expect(folderRun.messages.joined().contains("is a directory"))
        let text = try folder.file("data.txt", "{\"a\":1}\n")
        let unknown = await ShellRun.run("open '\(text)'")
        #expect(unknown.messages.joined().contains("cannot tell the format of \(text)"))
        let told = await ShellRun.run("open '\(text)' --format jsonl")
        #expect(told.values == [["a": 1]])
        let typo = await ShellRun.run("open '\(text)' --format jsnl")
        #expect(typo.outcome == .usage)
        #expect(typo.messages.joined().contains("unknown format 'jsnl'"))
        #expect(typo.messages.joined().contains("did you mean 'jsonl'?"))
    }

    static let records: JSONValue = [
        ["id": "1", "properties": ["email": "a@x.com", "firstname": "Ann, \"A\"", "hs_object_id": "1"], "archived": false],
        ["id": "2", "properties": ["email": "b@x.com", "lastname": "Line\nBreak"], "archived": false],
    ]

    func recordsFile(_ folder: ScratchFolder) throws -> String {
        try folder.file("r.jsonl", Self.records.arrayValue!.map(\.jsonString).joined(separator: "\n"))
    }

    @Test func toCSVWritesAHeaderAndQuotesWhereNeeded() async throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let run = await ShellRun.run("open '\(try recordsFile(folder))' | to csv")
        #expect(run.values == ["id,email,firstname,lastname", "1,a@x.com,\"Ann, \"\"A\"\"\",", "2,b@x.com,,\"Line\nBreak\""])
        let flat = await ShellRun.run("open '\(try folder.file("f.jsonl", "{\"n\":1,\"ok\":true,\"tags\":[\"a\",\"b\"]}\n{\"ok\":null}"))' | to csv")
        #expect(flat.values == ["n,ok,tags", "1,true,\"[\"\"a\"\",\"\"b\"\"]\"", ",,"])
        #expect(await ShellRun.run("count | first 0 | to csv").values == [])
    }

    @Test func toCSVTakesItsColumnsFromTheFirstThousandValues() async throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let lines = (1...1_000).map { "{\"id\":\"\($0)\"}" } + ["{\"id\":\"1001\",\"late\":\"x\"}"]
        let run = await ShellRun.run("open '\(try folder.file("many.jsonl", lines.joined(separator: "\n")))' | to csv")
        #expect(run.values.count == 1_002)
        #expect(run.values.first == "id")
        #expect(run.values.last == "1001")
        #expect(run.messages == ["to csv: the field 'late' first appears after value 1000 and is left out"])
    }

    @Test func toJSONAndJSONLinesWriteExactly() async throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let file = try recordsFile(folder)
        let lines = await ShellRun.run("open '\(file)' | to jsonl")
        #expect(lines.values == Self.records.arrayValue!.map { .string($0.jsonString) })
        let pretty = await ShellRun.run("open '\(file)' | to json")
        let text = pretty.values.compactMap(\.stringValue).joined(separator: "\n")
        #expect(text == Self.records.prettyString)
        #expect(try JSONValue(parsing: text) == Self.records)
        let one = await ShellRun.run("open '\(file)' | first | to json")
        #expect(one.values.compactMap(\.stringValue).joined(separator: "\n") == JSONValue.array([Self.records[0]!]).prettyString)
        #expect(await ShellRun.run("count | first 0 | to json").values == ["[]"])
    }

    @Test func toTableAlignsColumns() async throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let run = await ShellRun.run("open '\(try recordsFile(folder))' | to table")
        #expect(run.values == [
            "id  email    firstname  lastname",
            "--  -------  ---------  ----------",
            "1   a@x.com  Ann, \"A\"",
            "2   b@x.com             Line Break",
        ])
        let typo = await ShellRun.run("to cvs")
        #expect(typo.outcome == .usage)
        #expect(typo.messages.joined().contains("did you mean 'csv'?"))
    }

    @Test func aCSVFileSurvivesARoundTrip() async throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let text = "email,company,notes\nann@acme.com,\"Acme, Inc.\",\"two\nlines\"\nbob@x.org,\"The \"\"Best\"\" Co\",\nfay@y.net,,plain\n"
        let run = await ShellRun.run("open '\(try folder.file("in.csv", text))' | to csv")
        #expect(run.values.compactMap(\.stringValue).joined(separator: "\n") + "\n" == text)
    }
}
