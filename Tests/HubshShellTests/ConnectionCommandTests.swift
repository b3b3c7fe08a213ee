import HubSpotAPI
import HubSpotSandbox
import HubshShell
import JSONValue
import Testing

struct ConnectionCommandTests {
    static let secret = "pat-na1-secretvalue-1234"
    static let literal = "pat-na1-literal-abcdef-9876"

    @Test func addSavesA0600FileThatKeepsEnvTokensAsReferences() async throws {
        let shell = try TestShell(environment: ["PROD_TOKEN": Self.secret])
        let run = await shell.run("connection add prod --token env:PROD_TOKEN --api v4\nconnection add lit --token \(Self.literal)")
        #expect(run.outcome == .success, "\(run.messages)")
        let file = try #require(shell.file("connections.json"))
        #expect(file.contains("env:PROD_TOKEN"))
        #expect(!file.contains(Self.secret), "an env: token's value must never be written")
        #expect(file.contains(Self.literal), "a literal token is kept (in a 0600 file)")
        #expect(TestShell.mode(shell.directory.path(of: "connections.json")) == 0o600)
        #expect(TestShell.mode(shell.directory.path) == 0o700)
        #expect(shell.files.sorted() == [ConfigDirectory.lockFile, "connections.json"], "no temporary files are left behind")
        #expect(TestShell.mode(shell.directory.path(of: ConfigDirectory.lockFile)) == 0o600)
    }

    @Test func savedConnectionsAndTheCurrentOneAreThereAtTheNextStart() async throws {
        let shell = try TestShell(environment: ["PROD_TOKEN": Self.secret])
        let run = await shell.run("connection add prod --token env:PROD_TOKEN --api 2026-03 --base-url https://example.test/\nconnection add lit --token \(Self.literal)\nconnection use lit")
        #expect(run.outcome == .success, "\(run.messages)")
        let next = try shell.reopened()
        #expect(await next.connections.names == ["lit", "prod"])
        let prod = await next.connections.settings("prod")
        #expect(prod == ConnectionSettings(name: "prod", token: "env:PROD_TOKEN", api: "2026-03", baseURL: "https://example.test/"))
        #expect(await next.connections.current == "lit")
        #expect(await next.session.connectionName == nil)
        await next.context.restoreCurrentConnection()
        #expect(await next.session.connectionName == "lit")
    }

    @Test func theFirstConnectionAddedIsPutInUse() async throws {
        let shell = try TestShell()
        _ = await shell.run("connection add one --token \(Self.literal); connection add two --token \(Self.literal)")
        #expect(await shell.session.connectionName == "one")
    }

    @Test func listAndShowMaskTheTokens() async throws {
        let shell = try TestShell(environment: ["PROD_TOKEN": Self.secret])
        _ = await shell.run("connection add prod --token env:PROD_TOKEN; connection add lit --token \(Self.literal)")
        let list = await shell.run("connection list")
        #expect(list.outcome == .success)
        #expect(list.values.compactMap { $0["name"]?.stringValue } == ["lit", "prod"])
        #expect(list.values.first?["token"] == "pat-na1-****9876")
        #expect(list.values.map { $0["current"] } == [false, true], "prod, added first, was put in use")
        let everything = list.values.map(\.jsonString).joined()
        #expect(!everything.contains(Self.literal) && !everything.contains(Self.secret))
        let show = await shell.run("connection show prod")
        #expect(show.values == [["name": "prod", "current": true, "token": "env:PROD_TOKEN", "tokenValue": "pat-na1-****1234",
                                 "api": "v3", "baseURL": "https://api.hubapi.com", "saved": true]])
        let current = await shell.run("connection show")
        #expect(current.values.first?["name"] == "prod", "without a name, show shows the connection in use")
    }

    @Test func useAndRemoveChangeTheSessionAndTheFile() async throws {
        let shell = try TestShell()
        _ = await shell.run("connection add a --token \(Self.literal); connection add b --token \(Self.literal)")
        let use = await shell.run("connection use b")
        #expect(use.outcome == .success)
        #expect(await shell.session.connectionName == "b")
        let remove = await shell.run("connection remove b")
        #expect(remove.outcome == .success)
        #expect(remove.messages.first?.contains("was in use") == true)
        #expect(await shell.session.connectionName == nil)
        #expect(await shell.connections.names == ["a"])
        let file = try #require(shell.file("connections.json"))
        #expect(!file.contains("\"b\""))
        #expect(try await shell.reopened().connections.names == ["a"])
    }

    @Test(arguments: ["connection show prdo", "connection use prdo", "connection remove prdo", "connection test prdo"])
    func anUnknownNameSaysWhichOneWasMeant(text: String) async throws {
        let shell = try TestShell()
        _ = await shell.run("connection add prod --token \(Self.literal)")
        let run = await shell.run(text)
        #expect(run.outcome == .failure)
        #expect(run.messages.count == 1)
        #expect(run.messages.first?.contains("no connection named prdo") == true, "\(run.messages)")
        #expect(run.messages.first?.contains("did you mean 'prod'?") == true, "\(run.messages)")
        #expect(await shell.connections.names == ["prod"])
    }

    @Test(arguments: [
        ("connection add x --api v3", "connection add needs --token"),
        ("connection add x --token t --api v5", "unknown API version v5"),
        ("connection add x --token t --base-url http://example.com", "is plain http"),
        ("connection add x --token t --base-url http://127.0.0.1:1@evil.example", "must not hold a user or password"),
        ("connection add x --token t --base-url http://127.0.0.1.evil.example", "is plain http"),
        ("connection add x --token t --base-url http://127.0.0.1.nip.io", "is plain http"),
        ("connection add x --token t --base-url http://127.0.0.1%2eevil.example", "percent-encoded host"),
        ("connection add 'a b' --token t", "a connection name is letters"),
    ])
    func addRefusesWhatCannotWork(text: String, message: String) async throws {
        let shell = try TestShell()
        let run = await shell.run(text)
        #expect(run.outcome != .success)
        #expect(run.messages.joined().contains(message), "\(run.messages)")
        #expect(await shell.connections.names.isEmpty)
        #expect(shell.file("connections.json") == nil)
    }

    @Test func theEnvironmentTokenGivesADefaultThatIsNotSaved() async throws {
        let shell = try TestShell(environment: ["HUBSPOT_ACCESS_TOKEN": "pat-na1-from-environment-5555"])
        #expect(await shell.connections.current == "default")
        let list = await shell.run("connection list")
        #expect(list.values == [["name": "default", "current": true, "token": "env:HUBSPOT_ACCESS_TOKEN", "tokenValue": "pat-na1-****5555",
                                 "api": "v3", "baseURL": "https://api.hubapi.com", "saved": false]])
        _ = await shell.run("connection add other --token \(Self.literal)")
        let file = try #require(shell.file("connections.json"))
        #expect(!file.contains("default") && !file.contains("5555"))
        let without = try shell.reopened(environment: [:])
        #expect(await without.connections.names == ["other"])
    }

    @Test func configFolderFollowsXDG() {
        #expect(ConfigDirectory(environment: ["XDG_CONFIG_HOME": "/x/cfg/", "HOME": "/home/ann"])?.path == "/x/cfg/hubsh")
        #expect(ConfigDirectory(environment: ["HOME": "/home/ann"])?.path == "/home/ann/.config/hubsh")
        #expect(ConfigDirectory(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/home/ann"])?.path == "/home/ann/.config/hubsh")
    }

    /// A connection written into the file by hand (or by an older hubsh) is checked again when used.
    @Test(arguments: ["http://127.0.0.1:1@evil.example", "http://127.0.0.1.nip.io", "http://127.0.0.1%2eevil.example"])
    func aSavedBaseURLIsCheckedAgainWhenUsed(url: String) async throws {
        let shell = try TestShell()
        try shell.directory.writeJSON(["connections": [["name": "evil", "token": .string(Self.literal), "baseURL": .string(url)]]],
                                      to: "connections.json")
        let next = try shell.reopened()
        let run = await next.run("connection test evil")
        #expect(run.outcome == .failure)
        #expect(run.messages.count == 1, "\(run.messages)")
        #expect(run.messages.first?.contains("base URL") == true, "\(run.messages)")
        #expect(run.messages.first?.contains("literal-abcdef") == false, "\(run.messages)")
    }

    @Test func aDamagedFileIsRefusedWithWhatToDo() async throws {
        let shell = try TestShell()
        try shell.directory.write(Array("{\"connections\": [".utf8), to: "connections.json")
        let error = #expect(throws: HubSpotAPIError.self) { _ = try shell.reopened() }
        #expect(error?.description.contains("connections.json is not valid JSON") == true, "\(String(describing: error))")
        #expect(error?.description.contains("fix or remove it") == true)
    }

    @Test func testReportsTheAccountAndThatNothingIsLacking() async throws {
        try await ShellSandbox.with { sandbox in
            let shell = try TestShell()
            let run = await shell.run("connection add sb --token \(SandboxConfiguration.defaultToken) --base-url \(sandbox.baseURL)\nconnection test sb")
            #expect(run.outcome == .success, "\(run.messages)")
            let report = try #require(run.values.first)
            #expect(run.values.count == 1)
            #expect(report["connection"] == "sb")
            #expect(report["portalId"] == 46_217_395)
            #expect(report["accountType"]?.stringValue?.isEmpty == false)
            #expect(report["timeZone"] == "US/Eastern")
            #expect(report["api"] == "v3")
            #expect((report["latencyMs"]?.doubleValue ?? -1) >= 0)
            #expect(report["rateLimit"]?["max"] == 190)
            #expect(report["lacking"] == [])
            #expect(report["activities"]?.arrayValue?.count == 16)
            #expect(report["activities"]?[0] == ["object": "contacts", "activity": "search", "needs": "crm.objects.contacts.read", "allowed": true])
        }
    }

    @Test func aNarrowTokenIsReportedWithTheScopesItLacks() async throws {
        let token = "pat-na1-contacts-read-only-000000"
        try await ShellSandbox.with(configure: { $0.tokens = [TokenGrant(token: token, scopes: ["crm.objects.contacts.read"])] }) { sandbox in
            let shell = try TestShell(environment: ["NARROW": token])
            let run = await shell.run("connection add narrow --token env:NARROW --base-url \(sandbox.baseURL)\nconnection test narrow --objects contacts,deals")
            #expect(run.outcome == .success, "\(run.messages)")
            let report = try #require(run.values.first)
            #expect(report["lacking"] == ["crm.objects.contacts.write", "crm.objects.deals.read", "crm.objects.deals.write"])
            let allowed = report["activities"]?.arrayValue?.filter { $0["allowed"] == true }.compactMap { $0["activity"]?.stringValue }
            #expect(allowed == ["search"])
            #expect(report["activities"]?.arrayValue?.count == 8)
        }
    }

    @Test func aBadTokenIsOneLineSayingWhatToDo() async throws {
        let bad = "pat-na1-wrong-token-000000000000"
        try await ShellSandbox.with { sandbox in
            let shell = try TestShell()
            let run = await shell.run("connection add bad --token \(bad) --base-url \(sandbox.baseURL) --no-test\nconnection test bad")
            #expect(run.outcome == .failure)
            #expect(run.values.isEmpty)
            #expect(run.messages.count == 1)
            let line = try #require(run.messages.first)
            #expect(!line.contains("\n"))
            #expect(line.contains("connection test bad"), "\(line)")
            #expect(line.contains("401"))
            #expect(line.contains("check the connection's token"))
            #expect(!line.contains(bad))
        }
    }

    @Test func noServerIsOneLineSayingWhatToCheck() async throws {
        let shell = try TestShell()
        let run = await shell.run("connection add gone --token \(Self.literal) --base-url http://127.0.0.1:1 --no-test\nconnection test gone")
        #expect(run.outcome == .failure)
        #expect(run.messages.count == 1)
        #expect(run.messages.first?.contains("connection refused") == true, "\(run.messages)")
        #expect(run.messages.first?.contains("check the network and the connection's base URL") == true)
    }

    @Test func aMissingEnvironmentTokenSaysWhichVariable() async throws {
        let shell = try TestShell()
        let run = await shell.run("connection add later --token env:LATER_TOKEN\nconnection test later")
        #expect(run.messages.first?.contains("LATER_TOKEN is not set now") == true, "\(run.messages)")
        #expect(run.outcome == .failure)
        #expect(run.messages.last?.contains("takes its token from LATER_TOKEN, which is not set") == true, "\(run.messages)")
    }
}
