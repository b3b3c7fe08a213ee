import Foundation
import HubSpotAPI
import HubSpotSandbox
import HubshShell
import JSONValue
import NIOConcurrencyHelpers
import Testing

/// The schema cache (memory and disk, per connection, `refresh`) and the checks it feeds: a
/// misspelt property or object type stops a script before anything runs, with "did you mean".
struct SchemaCacheTests {
    static func connect(_ shell: TestShell, to sandbox: ShellSandbox) async {
        _ = await shell.run("connection add sb --token \(SandboxConfiguration.defaultToken) --base-url \(sandbox.baseURL)")
    }

    static func text(_ run: ShellRun) -> String { run.messages.joined(separator: "\n") }

    @Test(arguments: [
        ("search contacts where emial = a@b.c", "emial", "email"),
        ("search contacts props email,firstnme", "firstnme", "firstname"),
        ("search contacts sort createdat desc", "createdat", "createdate"),
        ("create contacts emial=a@b.c", "emial", "email"),
        ("upsert contacts --by emal email=a@b.c", "emal", "email"),
        ("get contacts a@b.c --by emial", "emial", "email"),
        ("describe contacts lifecyclestag", "lifecyclestag", "lifecyclestage"),
        ("search contacts limit 1 | update lifecyclestag=lead", "lifecyclestag", "lifecyclestage"),
    ])
    func aMisspeltPropertyStopsTheScriptBeforeAnythingRuns(statement: String, wrong: String, suggestion: String) async throws {
        try await ShellSandbox.with { sandbox in
            let shell = try TestShell()
            await Self.connect(shell, to: sandbox)
            let run = await shell.run("create contacts email=first@example.com\n\(statement)")
            #expect(run.outcome == .usage)
            #expect(Self.text(run).contains("line 2: contacts has no property \(wrong)"), "\(run.messages)")
            #expect(Self.text(run).contains("^ did you mean '\(suggestion)'?"), "the closest name is offered: \(run.messages)")
            let count = await shell.run("search contacts | count")
            #expect(count.values == [0], "the first statement did not run")
        }
    }

    @Test(arguments: [("props contcts", "contcts", "contacts"), ("search compnies", "compnies", "companies"),
                      ("associations contacts 1 dels", "dels", "deals")])
    func anObjectTypeHubSpotCannotNameIsAUsageErrorWithTheClosestName(statement: String, wrong: String, suggestion: String) async throws {
        try await ShellSandbox.with { sandbox in
            let shell = try TestShell()
            await Self.connect(shell, to: sandbox)
            let run = await shell.run(statement)
            #expect(run.outcome == .usage)
            #expect(Self.text(run).contains("no object type \(wrong) in this account"), "\(run.messages)")
            #expect(Self.text(run).contains("^ did you mean '\(suggestion)'?"), "\(run.messages)")
        }
    }

    /// What is checked is what the signature declares a HubSpot property (its role), not the command's
    /// family: the fields of piped values (local `where`, `sort`, `select`, `unique`, `set`) may come
    /// from anywhere and are never refused against the schema.
    @Test func fieldsOfPipedValuesAreNotCheckedAgainstTheSchema() async throws {
        try await ShellSandbox.with { sandbox in
            let shell = try TestShell()
            await Self.connect(shell, to: sandbox)
            _ = await shell.run("create contacts email=first@example.com")
            let run = await shell.run("search contacts | set score=1 | where score = 1 | sort score | unique score | select score, email")
            #expect(run.outcome == .success, "\(run.messages)")
            #expect(run.values.count == 1)
            let refused = await shell.run("search contacts | update score=1")
            #expect(Self.text(refused).contains("contacts has no property score"), "update's assignments are properties: \(refused.messages)")
        }
    }

    @Test func withoutAConnectionNothingIsCheckedAndTheRunSaysWhatIsMissing() async throws {
        let shell = try TestShell()
        let run = await shell.run("search contacts where emial = a@b.c")
        #expect(run.outcome == .failure)
        #expect(Self.text(run).contains("no connection is in use"))
    }

    @Test func anUnreachableAccountIsTriedOncePerRunAndTheStatementFailsWithItsError() async throws {
        let calls = NIOLockedValueBox(0)
        let shell = try TestShell { connection in
            HubSpotClient(connection: connection, transport: UnreachableTransport(calls: calls),
                          retry: RetryPolicy(maxAttempts: 1), limiter: RateLimiter(policy: .unlimited))
        }
        _ = await shell.run("connection add dead --token pat-na1-x --base-url http://127.0.0.1:9 --no-test")
        let run = await shell.run("set on_error continue\nsearch contacts where emial = a\nsearch contacts limit 1")
        #expect(run.outcome == .failure)
        #expect(Self.text(run).contains("line 2:") && Self.text(run).contains("could not connect"), "\(run.messages)")
        #expect(calls.withLockedValue { $0 } == 1, "planning met the failure once; the statements fail with it at once")
    }

    @Test func aPropertyMadeAfterTheCacheWasFilledIsUsableAndRefreshShowsIt() async throws {
        try await ShellSandbox.with { sandbox in
            let shell = try TestShell()
            await Self.connect(shell, to: sandbox)
            let before = await shell.run("props contacts")
            let count = before.values.count
            #expect(count > 10)
            let client = try await shell.connections.client("sb")
            _ = try await client.createProperty("contacts", ["name": "loyalty_tier", "label": "Loyalty tier", "type": "string",
                                                             "fieldType": "text", "groupName": "contactinformation"])
            let cached = await shell.run("props contacts --match loyalty")
            #expect(cached.values.isEmpty, "props answers from the cache")
            let refreshed = await shell.run("refresh contacts")
            #expect(refreshed.values == [["schema": "contacts properties", "count": .int(count + 1)]])
            let found = await shell.run("props contacts --match loyalty")
            #expect(found.values.map { $0["name"] } == ["loyalty_tier"])
            let all = await shell.run("refresh")
            #expect(all.values.first?["schema"] == "object types")
            #expect(all.values.dropFirst().map { $0["schema"] } == ["contacts properties"], "every kept object type is fetched again")
        }
    }

    @Test func aPropertyMissingFromTheCacheIsLookedUpBeforeItIsRefused() async throws {
        try await ShellSandbox.with { sandbox in
            let shell = try TestShell()
            await Self.connect(shell, to: sandbox)
            _ = await shell.run("props contacts")
            let client = try await shell.connections.client("sb")
            _ = try await client.createProperty("contacts", ["name": "loyalty_tier", "label": "Loyalty tier", "type": "string",
                                                             "fieldType": "text", "groupName": "contactinformation"])
            let run = await shell.run("create contacts email=new@example.com loyalty_tier=gold")
            #expect(run.outcome == .success, "\(run.messages)")
            #expect(run.values.first?["status"] == "created")
        }
    }

    @Test func theCacheIsSavedPerConnectionAndAnswersWhenHubSpotCannot() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hubsh-schema-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let shell = try TestShell(schemaCache: SchemaCache(directory: ConfigDirectory(path: folder)))
        try await ShellSandbox.with { sandbox in
            let other = await shell.run("connection add other --token \(SandboxConfiguration.defaultToken) --base-url \(sandbox.baseURL)\n"
                + "connection use other\nprops contacts")
            #expect(other.outcome == .success, "\(other.messages)")
            await Self.connect(shell, to: sandbox)
            let run = await shell.run("connection use sb\nprops contacts")
            #expect(run.outcome == .success)
        }
        #expect(TestShell.mode(folder + "/sb.json") == 0o600)
        #expect(TestShell.mode(folder + "/other.json") == 0o600)
        #expect(TestShell.mode(folder) == 0o700)
        // The emulator is gone; the next start answers from the file.
        let next = try shell.reopened()
        _ = await next.run("connection use sb")
        let props = await next.run("props contacts --match email")
        #expect(props.outcome == .success, "\(props.messages)")
        #expect(props.values.contains { $0["name"] == "email" })
        let typo = await next.run("search contacts where emial = a@b.c")
        #expect(typo.outcome == .usage)
        let refresh = await next.run("refresh contacts")
        #expect(refresh.outcome == .failure, "refresh asks HubSpot, which cannot answer")
        _ = await next.run("connection remove sb")
        #expect(TestShell.mode(folder + "/sb.json") == nil, "removing a connection drops its cache")
        _ = await next.run("connection add other --token pat-na1-another --base-url http://127.0.0.1:9")
        #expect(TestShell.mode(folder + "/other.json") == nil, "a name added again may reach another account: its cache goes")
    }

    @Test func factsAreFetchedAgainWhenOldOrFromAnotherAddressAndUnsavedConnectionsStayInMemory() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hubsh-schema-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let clock = NIOLockedValueBox(Date(timeIntervalSince1970: 1_800_000_000))
        let now: @Sendable () -> Date = { clock.withLockedValue { $0 } }
        let cache = SchemaCache(directory: ConfigDirectory(path: folder), maxAge: 60, now: now)
        let transient = ConnectionSettings(name: "mine", token: SandboxConfiguration.defaultToken)
        let settings = try await ShellSandbox.with { sandbox in
            let settings = ConnectionSettings(name: "sb", token: SandboxConfiguration.defaultToken, baseURL: sandbox.baseURL)
            let client = TestShell.quickClient(try HubSpotConnection(baseURL: sandbox.baseURL, token: AccessToken(SandboxConfiguration.defaultToken)))
            _ = try await cache.properties("contacts", of: settings, persist: true, client: client)
            _ = try await cache.objectSchemas(of: transient, persist: false, client: client)
            return settings
        }
        #expect(TestShell.mode(folder + "/sb.json") == 0o600)
        #expect(TestShell.mode(folder + "/mine.json") == nil, "an unsaved connection is not written")
        let offline = TestShell.quickClient(try HubSpotConnection(baseURL: settings.baseURL, token: AccessToken("pat-na1-x")))
        let young = try await cache.properties("contacts", of: settings, persist: true, client: offline)
        #expect(young.contains { $0.name == "email" })
        let reread = try await SchemaCache(directory: ConfigDirectory(path: folder), maxAge: 60, now: now)
            .properties("contacts", of: settings, persist: true, client: offline)
        #expect(reread == young, "the file gives back what was fetched")
        var elsewhere = settings
        elsewhere.baseURL += "0"
        await #expect(throws: HubSpotAPIError.self, "a file for another address is not used") {
            try await SchemaCache(directory: ConfigDirectory(path: folder), now: now).properties("contacts", of: elsewhere, persist: true, client: offline)
        }
        clock.withLockedValue { $0 += 61 }
        await #expect(throws: HubSpotAPIError.self, "an old fact is fetched again") {
            try await cache.properties("contacts", of: settings, persist: true, client: offline)
        }
    }

    @Test(arguments: [("prod", "prod.json"), ("eu west", "eu%20west.json"), ("../x", "%2E.%2Fx.json")])
    func fileNamesKeepToSafeCharacters(name: String, file: String) {
        #expect(SchemaCache.fileName(name) == file)
    }
}

/// A network where nothing answers: every call fails to connect, and is counted.
struct UnreachableTransport: HubSpotTransport {
    let calls: NIOLockedValueBox<Int>

    func send(_ request: HubSpotRequest, baseURL: String) async throws(HubSpotAPIError) -> HubSpotResponse {
        calls.withLockedValue { $0 += 1 }
        throw HubSpotAPIError(.transport(TransportFailure(.connect)), "connection refused", location: request.location)
    }
}
