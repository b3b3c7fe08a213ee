import HubSpotAPI
import HubshLanguage
import JSONValue

/// `connection show [NAME]`: the connection's settings, its token masked (an `env:` reference is
/// shown as the reference, and whether the environment has it).
struct ConnectionShowCommand: ShellCommand {
    static let signature = CommandSignature(
        ["connection", "show"], family: .connections, summary: "Show a connection's settings (token masked).",
        positionals: [SavedName.connectionOrInUse],
        output: .values,
        examples: [Example("connection show prod", "prod's token (masked), API version, base URL and whether it is saved", .lines(1, each: #"{"name":"prod","current":true,"token":"env:HUBSPOT_ACCESS_TOKEN","tokenValue":"pat-na1-****dbox""#))])

    let bound: BoundCommand

    init(_ bound: BoundCommand) throws(Diagnostic) { self.bound = bound }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        let name = try await context.existingConnection(bound[SavedName.connectionOrInUse], in: bound)
        return ValueStream([try await Self.json(name, in: context)])
    }

    /// `{name, current, token, api, baseURL, saved}`; for an `env:` token also `tokenValue`, the
    /// environment's value masked (or `not set`).
    static func json(_ name: String, in context: ShellContext) async throws -> JSONValue {
        guard let settings = await context.connections.settings(name) else { return .null }
        var current = await context.session.connectionName
        if current == nil { current = await context.connections.current }
        var object: JSONObject = ["name": .string(name), "current": .bool(current == name), "token": .string(settings.maskedToken)]
        if let variable = settings.tokenVariable {
            object["tokenValue"] = .string(context.environment[variable].flatMap { $0.isEmpty ? nil : AccessToken.mask($0) } ?? "not set")
        }
        object["api"] = .string(settings.api)
        object["baseURL"] = .string(settings.baseURL)
        object["saved"] = .bool(await context.connections.isSaved(name))
        return .object(object)
    }
}
