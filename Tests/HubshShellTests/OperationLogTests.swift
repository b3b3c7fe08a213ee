#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HubSpotAPI
import HubSpotSandbox
import HubshShell
import JSONValue
import NIOConcurrencyHelpers
import Testing

/// A shell whose context writes the operation log to a file in the shell's temporary folder.
struct LoggedShell {
    let shell: TestShell
    var logPath: String { shell.directory.path(of: "state/hubsh/operations.log") }

    init(environment: [String: String] = [:]) throws { shell = try TestShell(environment: environment) }

    /// Runs `text` in a context with the operation log set.
    func run(_ text: String) async -> ShellRun {
        let path = logPath
        return await shell.run(text) { $0.operationLog = OperationLog(path: path) }
    }

    /// The log's lines, parsed.
    func entries() throws -> [JSONValue] {
        guard let bytes = try ConfigDirectory(path: shell.directory.path(of: "state/hubsh")).read("operations.log") else { return [] }
        return try String(decoding: bytes, as: UTF8.self).split(separator: "\n").map { try JSONValue(parsing: Array($0.utf8)) }
    }

    /// Removes the log and its folders, so the shell's folder can be removed.
    func cleanUp() {
        _ = shell.directory.path(of: "state/hubsh/operations.log").withCString { unlink($0) }
        _ = shell.directory.path(of: "state/hubsh").withCString { rmdir($0) }
        _ = shell.directory.path(of: "state").withCString { rmdir($0) }
    }
}

struct OperationLogTests {
    static let token = "pat-na1-11111111-2222-3333-4444-555555555555"

    @Test func eachHubSpotStatementAddsOneLineWithItsCountsAndLocalOnesNone() async throws {
        try await ShellSandbox.with { sandbox in
            let logged = try LoggedShell()
            defer { logged.cleanUp() }
            let run = await logged.run("""
                connection add sb --token \(SandboxConfiguration.defaultToken) --base-url \(sandbox.baseURL)
                let who = Ann
                create contacts email=ann@example.com firstname=$who
                records 3 | count
                search contacts where firstname = Ann
                update contacts 9999999 firstname=Bea
                """)
            #expect(run.outcome == .failure, "the last update names no record: \(run.messages)")
            let entries = try logged.entries()
            #expect(entries.count == 3, "create, search and update talk to HubSpot; \(entries)")
            guard entries.count == 3 else { return }
            let (create, search, update) = (entries[0], entries[1], entries[2])
            #expect(create["statement"] == "create contacts email=ann@example.com firstname=$who")
            #expect(create["connection"] == "sb")
            #expect(create["status"] == "success")
            #expect(create["records"] == ["in": 1, "out": 1, "failed": 0])
            #expect(create["correlationIds"] == [])
            #expect((create["durationMs"]?.intValue ?? -1) >= 0)
            let time = create["time"]?.stringValue ?? ""
            #expect(time.count == 24 && time.hasSuffix("Z") && time.dropFirst(10).first == "T", "ISO-8601 UTC: \(time)")
            #expect(search["status"] == "success")
            #expect(search["records"] == ["in": 0, "out": 1, "failed": 0])
            #expect(update["status"] == "failure")
            #expect(update["records"]?["in"] == 1)
            #expect(update["records"]?["failed"] == 1)
            // A value refused before anything runs talks to nobody: nothing is logged.
            let unplanned = await logged.run("search contacts where createdate = notadate")
            #expect(unplanned.outcome == .usage)
            #expect(try logged.entries().count == 3)
            // A batch answer's errors carry no correlation id; an error HubSpot answers a call with does.
            let refused = await logged.run("pipelines contacts")
            #expect(refused.outcome == .failure)
            let last = try logged.entries().last
            #expect(last?["statement"] == "pipelines contacts")
            #expect(last?["status"] == "failure")
            #expect(last?["correlationIds"]?.arrayValue?.count == 1, "HubSpot's correlation id of the error is kept: \(String(describing: last))")
        }
    }

    @Test func aTokenInTheStatementIsMaskedInTheLog() async throws {
        try await ShellSandbox.with { sandbox in
            let logged = try LoggedShell()
            defer { logged.cleanUp() }
            _ = await logged.run("connection add sb --token \(SandboxConfiguration.defaultToken) --base-url \(sandbox.baseURL)")
            let run = await logged.run("search contacts where firstname = \(Self.token)")
            #expect(run.outcome == .success, "\(run.messages)")
            let entries = try logged.entries()
            #expect(entries.count == 1)
            let statement = entries.first?["statement"]?.stringValue ?? ""
            #expect(!statement.contains(Self.token))
            #expect(statement.contains("pat-na1-****5555"), "\(statement)")
        }
    }

    @Test func theLogFileIs0600InA0700Folder() async throws {
        try await ShellSandbox.with { sandbox in
            let logged = try LoggedShell()
            defer { logged.cleanUp() }
            _ = await logged.run("connection add sb --token \(SandboxConfiguration.defaultToken) --base-url \(sandbox.baseURL)\nsearch contacts limit 1")
            #expect(TestShell.mode(logged.logPath) == 0o600)
            #expect(TestShell.mode(logged.shell.directory.path(of: "state/hubsh")) == 0o700)
        }
    }

    @Test func redactionMasksLiteralTokensAndKeepsEnvironmentReferences() {
        #expect(OperationLog.redact("connection add a --token \(Self.token)") == "connection add a --token pat-na1-****5555")
        #expect(OperationLog.redact("connection add a --token secret-value-abcd --api v4") == "connection add a --token ****abcd --api v4")
        #expect(OperationLog.redact("connection add a --token env:PROD_TOKEN") == "connection add a --token env:PROD_TOKEN")
        #expect(OperationLog.redact("search contacts where email = a@b.c") == "search contacts where email = a@b.c")
    }

    @Test func withoutALogNothingIsWritten() async throws {
        try await ShellSandbox.with { sandbox in
            let logged = try LoggedShell()
            defer { logged.cleanUp() }
            let run = await logged.shell.run("connection add sb --token \(SandboxConfiguration.defaultToken) --base-url \(sandbox.baseURL)\nsearch contacts")
            #expect(run.outcome == .success, "\(run.messages)")
            #expect(try logged.entries().isEmpty)
        }
    }
}
