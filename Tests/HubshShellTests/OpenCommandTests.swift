import Foundation
import HubSpotSandbox
import HubshShell
import JSONValue
import Testing

/// `open` in statements: its options, and what a file that breaks part way does to the statement.
struct OpenCommandTests {
    @Test func encodingIsAnOptionHelpAndBindingKnow() async throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let path = folder.path + "/excel.csv"
        try Data(Array("email,firstname\nv1@ex.org,Jos".utf8) + [0xE9] + Array("\n".utf8)).write(to: URL(fileURLWithPath: path))
        let decoded = await ShellRun.run("open '\(path)' --encoding cp1252")
        #expect(decoded.messages.isEmpty, "\(decoded.messages)")
        #expect(decoded.values == [["email": "v1@ex.org", "firstname": "José"]])
        let refused = await ShellRun.run("open '\(path)'")
        #expect(refused.outcome == .failure)
        #expect(refused.values.isEmpty)
        #expect(refused.messages.joined().contains("\(path) line 2, column 14: byte 0xE9 is not UTF-8"), "\(refused.messages)")
        let typo = await ShellRun.run("open '\(path)' --encoding utf-61")
        #expect(typo.outcome == .usage)
        #expect(typo.messages.joined().contains("unknown encoding 'utf-61'"), "\(typo.messages)")
        #expect(typo.messages.joined().contains("did you mean 'utf-16'?"), "\(typo.messages)")
        let help = await ShellRun.run("help open")
        #expect(help.values.compactMap(\.stringValue).joined(separator: "\n").contains("--encoding NAME"), "\(help.values)")
    }

    @Test func aFileThatBreaksAfterWritesSaysHowManyWereWrittenAndEndsPartial() async throws {
        try await ShellSandbox.with { sandbox in
            let logged = try LoggedShell()
            defer { logged.cleanUp() }
            let folder = try ScratchFolder()
            defer { folder.remove() }
            let lines = (1...4).map { "{\"email\":\"p\($0)@ex.org\"}" } + ["{\"email\" \"bad\"}", "{\"email\":\"p6@ex.org\"}"]
            let file = try folder.file("people.jsonl", lines.joined(separator: "\n"))
            let connected = await logged.run("connection add sb --token \(SandboxConfiguration.defaultToken) --base-url \(sandbox.baseURL)")
            #expect(connected.outcome == .success, "\(connected.messages)")
            let run = await logged.run("open '\(file)' | create contacts")
            #expect(run.outcome == .partial)
            #expect(run.values.count == 4, "the records before the bad line were written: \(run.values)")
            #expect(run.messages.joined().contains("\(file) line 5, column 10: invalid JSON: expected ':'; 4 values read before it, 4 written"),
                    "\(run.messages)")
            let count = await logged.run("search contacts | count")
            #expect(count.values == [4])
            #expect(try logged.entries().compactMap { $0["status"]?.stringValue } == ["partial", "success"])
            let unwritten = await logged.run("open '\(file)' | count")
            #expect(unwritten.outcome == .failure, "nothing was written: a plain failure")
            #expect(unwritten.messages.joined().contains("; 4 values read before it\n"), "\(unwritten.messages)")
        }
    }
}
