#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HubshShell
import JSONValue
import Testing

struct SessionCommandTests {
    static let literal = "pat-na1-literal-abcdef-9876"
    static let token = "pat-na1-11111111-2222-3333-4444-555566667777"

    @Test func exitStopsTheStatementsAfterIt() async throws {
        let session = Session()
        let run = await ShellRun.run("let a = 1\nexit\nlet b = 2", session: session)
        #expect(run.outcome == .success)
        #expect(await session.variable("a") == "1")
        #expect(await session.variable("b") == nil, "the statement after exit must not run")
        #expect(await session.exitRequested)
    }

    @Test func sourceRunsAFileInThisSessionAndYieldsItsValues() async throws {
        let shell = try TestShell()
        let script = shell.directory.path(of: "setup.hubsh")
        let file = try FileSink(path: script, append: false)
        try file.write("let who = Ann\nrecords 3 | count")
        try file.close()
        let run = await shell.run("source \(script)\nlet again = $who")
        #expect(run.outcome == .success, "\(run.messages)")
        #expect(run.values == [.int(3)])
        #expect(await shell.session.variable("again") == "Ann")
        let history = await shell.session.statements
        #expect(history == ["source \(script)", "let again = $who"], "a sourced file's statements are not the session's")
        let missing = await shell.run("source \(shell.directory.path(of: "nope.hubsh"))")
        #expect(missing.outcome == .failure)
    }

    @Test func historyNumbersTheSessionsStatements() async throws {
        let session = Session()
        _ = await ShellRun.run("let a = 1; records 2 | count", session: session)
        let run = await ShellRun.run("history", session: session)
        #expect(run.values == [
            ["number": 1, "statement": "let a = 1"],
            ["number": 2, "statement": "records 2 | count"],
            ["number": 3, "statement": "history"],
        ])
    }

    @Test func historyShowsTokensMasked() async throws {
        let session = Session()
        _ = await ShellRun.run("let t = \(Self.token)\nlet u = '\(Self.token)'", session: session)
        let run = await ShellRun.run("history", session: session)
        #expect(run.values == [
            ["number": 1, "statement": "let t = pat-na1-****7777"],
            ["number": 2, "statement": "let u = 'pat-na1-****7777'"],
            ["number": 3, "statement": "history"],
        ])
    }

    /// The excerpt under an error shows the statement with its token masked, the carets still under
    /// the fault.
    @Test(arguments: [
        ("connection add x1 --token \(SessionCommandTests.token) --bogus", "--bogus"),
        ("connection add x1 --bogus --token \(SessionCommandTests.token)", "--bogus"),
        ("let t = \(SessionCommandTests.token); serch contacts", "serch"),
    ])
    func anErrorsExcerptShowsTokensMasked(text: String, fault: String) async throws {
        let shell = try TestShell()
        let run = await shell.run(text)
        #expect(run.outcome == .usage)
        let message = run.messages.joined(separator: "\n")
        #expect(!message.contains("3333-4444"), "\(message)")
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 3, "\(message)")
        guard lines.count == 3, let column = lines[1].range(of: fault), let caret = lines[2].firstIndex(of: "^") else { return }
        #expect(lines[1].contains("pat-na1-****7777"), "\(message)")
        #expect(lines[1].distance(from: lines[1].startIndex, to: column.lowerBound) == lines[2].distance(from: lines[2].startIndex, to: caret),
                "the carets line up with the masked text:\n\(message)")
        #expect(lines[2].filter { $0 == "^" }.count == fault.count)
    }

    @Test func anActivityHoldingATokenIsRefused() async throws {
        let shell = try TestShell()
        let run = await shell.run("activity add leak = search contacts where email = \(Self.token)")
        #expect(run.outcome == .usage)
        #expect(run.messages.joined().contains("an activity must not hold a literal token"), "\(run.messages)")
        #expect(!run.messages.joined().contains("3333-4444"))
        #expect(await shell.connections.activities.names.isEmpty)
    }

    @Test func saveMakesAnExistingScriptPrivate() async throws {
        let shell = try TestShell()
        let target = shell.directory.path(of: "open.hubsh")
        let descriptor = creat(target, 0o644)
        #expect(descriptor >= 0)
        close(descriptor)
        #expect(chmod(target, 0o644) == 0)
        let run = await shell.run("let a = 1\nsave \(target)")
        #expect(run.outcome == .success, "\(run.messages)")
        #expect(TestShell.mode(target) == 0o600)
    }

    @Test func saveWritesAReplayableScriptWithoutLiteralTokens() async throws {
        let shell = try TestShell(environment: ["PROD": Self.literal])
        let target = shell.directory.path(of: "saved.hubsh")
        let run = await shell.run("""
            connection add lit --token \(Self.literal)
            connection add prod --token env:PROD
            let a = 1
            history
            save \(target)
            """)
        #expect(run.outcome == .success, "\(run.messages)")
        let saved = shell.file("saved.hubsh") ?? ""
        #expect(saved == "connection add prod --token env:PROD\nlet a = 1\n")
        #expect(!saved.contains(Self.literal))
        #expect(TestShell.mode(target) == 0o600)
        let replay = try TestShell(environment: ["PROD": Self.literal])
        let again = await replay.run("source \(target)")
        #expect(again.outcome == .success, "\(again.messages)")
        #expect(await replay.session.variable("a") == "1")
    }
}
