import HubSpotAPI
import HubshLanguage

/// `connection add NAME --token T|env:VAR [--api V] [--base-url U] [--no-test]`: saves a connection,
/// then tests it (token, account, API version) and says in a line what it found, or why not. A token
/// written `env:VAR` is saved as that reference and read from the environment when used.
struct ConnectionAddCommand: ShellCommand {
    static let signature = CommandSignature(
        ["connection", "add"], family: .connections, summary: "Save a connection: a private-app token and an API version.",
        positionals: [nameParameter], options: [token, api, baseURL, noTest],
        output: .nothing,
        examples: [Example("connection add prod --token env:HUBSPOT_ACCESS_TOKEN --api v4 --no-test", "saves prod without calling HubSpot yet; the token stays in the environment", .nothing),
                   Example("connection add local --token pat-na1-sandbox --base-url http://127.0.0.1:4010", "a sandbox on this machine", .nothing)])

    static let nameParameter = Parameter("name", "a name for the connection", role: .connection)
    static let token = Option("token", "the private-app access token, or env:VAR to read it from the environment when used", value: "TOKEN")
    static let api = Option("api", "the HubSpot API version (default v3)", value: "VERSION", role: .choice(APIVersion.known.map(\.description)))
    static let baseURL = Option("base-url", "where HubSpot is (default \(HubSpotConnection.defaultBaseURL))", value: "URL")
    static let noTest = Option("no-test", "save without calling HubSpot (by default the token, account and API version are tested)")

    let name: String
    /// The token as written (`env:VAR` kept as the reference).
    let tokenValue: Value
    let bound: BoundCommand

    init(_ bound: BoundCommand) throws(Diagnostic) {
        name = try SavedName.new(bound[Self.nameParameter], what: "connection", in: bound)
        guard let tokenValue = bound[Self.token] else {
            throw Diagnostic("connection add needs --token TOKEN (or --token env:VAR)", at: bound.syntax.range)
        }
        self.tokenValue = tokenValue
        self.bound = bound
    }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        let settings = try await settings(in: context)
        // Building the connection checks the base URL (https, or http to this machine only).
        do {
            _ = try HubSpotConnection(baseURL: settings.baseURL, token: AccessToken("check"))
        } catch {
            throw Diagnostic(error.message, at: bound[Self.baseURL]?.range ?? bound.syntax.range)
        }
        let replaced = await context.connections.settings(name) != nil
        try await context.connections.add(settings)
        // The name may now reach another account.
        await context.schemaCache.forget(settings.name)
        if let variable = settings.tokenVariable, context.environment[variable]?.isEmpty ?? true {
            context.message("note: \(variable) is not set now; connection \(name) reads it when used")
        }
        if replaced { context.message("replaced connection \(name)") }
        if !bound.has(Self.noTest) { await test(settings, in: context) }
        if await context.session.connectionName == nil {
            await context.session.use(connection: name)
            try await context.connections.setCurrent(name)
            if context.isInteractive { context.message("using connection \(name)") }
        }
        return .empty
    }

    /// Calls HubSpot with the new connection (the `connection test` checks, without the scope grid) and
    /// says in a line what it found; a failure leaves the connection saved and says how to fix it. A
    /// host that does not answer fails within the client's connect timeout.
    private func test(_ settings: ConnectionSettings, in context: ShellContext) async {
        if let variable = settings.tokenVariable, context.environment[variable]?.isEmpty ?? true { return }
        do {
            let client = try await context.connections.client(name)
            let report = try await client.check(objectTypes: [])
            context.message(Self.found(report, connection: name))
        } catch {
            let reason = ConnectionTestCommand.explained(error, connection: name).summary
            context.message("connection \(name) is saved, but testing it failed: \(reason)")
            context.message("fix it with connection add \(name) … again (or connection remove \(name)); connection test \(name) tests it again")
        }
    }

    /// What the test found, in a line: `connection prod works: portal 12345 (STANDARD, US/Eastern) · API v3 · 84 ms · 12 scopes`.
    static func found(_ report: ConnectionReport, connection name: String) -> String {
        var parts = ["portal \(report.account?.portalId ?? report.token.hubId)"
            + (report.account.map { " (\($0.accountType), \($0.timeZone))" } ?? "")]
        parts.append("API \(report.version.description)")
        let milliseconds = Int(Double(report.latency.components.seconds) * 1000 + Double(report.latency.components.attoseconds) / 1e15)
        parts.append("\(milliseconds) ms")
        parts.append("\(report.token.scopes.count) scopes")
        var line = "connection \(name) works: " + parts.joined(separator: " · ")
        if let error = report.accountError { line += "; the account details failed: \(error.summary)" }
        return line
    }

    /// The settings the options give: the token as written (`env:VAR` kept as the reference).
    private func settings(in context: ShellContext) async throws -> ConnectionSettings {
        let token: String
        switch tokenValue.kind {
        case .environment(let variable): token = "env:" + variable
        default: token = try await context.text(tokenValue)
        }
        guard !token.isEmpty, token != "env:" else { throw Diagnostic("--token needs a token or env:VAR", at: tokenValue.range) }
        var api = "v3"
        if let value = bound[Self.api] {
            let text = try await context.text(value)
            guard let version = APIVersion(text) else {
                let known = APIVersion.known.map(\.description)
                throw Diagnostic("unknown API version \(text) (use \(known.joined(separator: ", ")))", at: value.range,
                                 suggestion: Suggest.didYouMean(text, in: known))
            }
            api = version.description
        }
        var baseURL = HubSpotConnection.defaultBaseURL
        if let value = bound[Self.baseURL] { baseURL = try await context.text(value) }
        return ConnectionSettings(name: name, token: token, api: api, baseURL: baseURL)
    }
}
