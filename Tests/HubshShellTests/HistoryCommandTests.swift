import HubSpotAPI
import HubSpotSandbox
import HubshShell
import JSONValue
import NIOConcurrencyHelpers
import Testing

/// `history OBJECT ID [PROP…]` and piped records: rows of values through batch reads of 50.
struct HistoryCommandTests {
    @Test func pipedRecordsAreReadFiftyAtATimeOneRowPerValue() async throws {
        try await ShellSandbox.with(configure: { $0.tier = .unlimited }) { sandbox in
            let paths = NIOLockedValueBox<[String]>([])
            let shell = try TestShell(makeClient: TestShell.clients(over: RecordingTransport(paths: paths)))
            _ = await shell.run("connection add sb --token \(SandboxConfiguration.defaultToken) --base-url \(sandbox.baseURL)")
            #expect(await shell.run("records 120 | create contacts | count").values == [120])
            _ = await shell.run("search contacts limit 2 | update firstname=Y | count")
            paths.withLockedValue { $0.removeAll() }
            let run = await shell.run("search contacts | history firstname email")
            #expect(run.outcome == .success, "\(run.messages)")
            // Each record: email and firstname at creation; two of them a second firstname.
            #expect(run.values.count == 242)
            #expect(paths.withLockedValue { $0.filter { $0.hasSuffix("/batch/read") }.count } == 3)
            let first = try #require(run.values.first)
            #expect(first["property"] == "firstname" && first["value"] == "Y" && first["sourceType"] == "API")
            #expect(first.objectValue?.keys.elements == ["id", "property", "value", "timestamp", "sourceType", "sourceId"])
        }
    }

    @Test func pipedRecordsKeepSeveralHistoryReadsInFlightAndTheirOrder() async throws {
        try await ShellSandbox.with(configure: { $0.tier = .unlimited }) { sandbox in
            let transport = PairingTransport()
            let shell = try TestShell(makeClient: { connection in
                HubSpotClient(connection: connection, transport: transport,
                              retry: RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(1), maxDelay: .milliseconds(10)),
                              limiter: RateLimiter(policy: .unlimited))
            })
            _ = await shell.run("connection add sb --token \(SandboxConfiguration.defaultToken) --base-url \(sandbox.baseURL)")
            #expect(await shell.run("records 200 | create contacts | count").values == [200])
            let searched = await shell.run("search contacts props email sort email desc | select id")
            transport.reset()
            let run = await shell.run("search contacts props email sort email desc | history email")
            #expect(run.outcome == .success, "\(run.messages)")
            // One row per contact (its email at creation), in the order the search gave them.
            #expect(run.values.map { $0["id"] } == searched.values.map { $0["id"] })
            #expect(transport.reads == 4)
            #expect(transport.peak >= 2, "history reads in flight at once: \(transport.peak)")
        }
    }

    @Test func aMissingPropertyOrRecordIsSaid() async throws {
        try await ShellSandbox.with { sandbox in
            let shell = try TestShell()
            _ = await shell.run("connection add sb --token \(SandboxConfiguration.defaultToken) --base-url \(sandbox.baseURL)")
            let typo = await shell.run("history contacts 1 fristname")
            #expect(typo.outcome == .failure)
            #expect(typo.messages.joined().contains("contacts has no property fristname"))
            #expect(typo.messages.joined().contains("did you mean 'firstname'?"))
            let missing = await shell.run("history contacts 999 email")
            #expect(missing.outcome == .failure)
            #expect(missing.messages.joined().contains("history: no contacts record 999"))
            let short = await shell.run("history contacts")
            #expect(short.outcome == .usage)
            #expect(short.messages.joined().contains("history needs OBJECT ID [PROP…]"))
        }
    }
}
