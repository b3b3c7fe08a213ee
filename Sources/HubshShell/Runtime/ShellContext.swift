import HubSpotAPI
import HubshLanguage
import JSONValue

/// What a running command can reach: the session (variables, settings, connections), the process
/// environment, and where messages go.
public struct ShellContext: Sendable {
    public let session: Session
    public let connections: ConnectionStore
    /// The commands in use (for `help`, completion, and commands that run text: `activity run`, `source`).
    public let registry: CommandRegistry
    /// The process environment, for `env:NAME` values.
    public let environment: [String: String]
    /// Whether a person is at a terminal (confirmations, progress lines, tables).
    public let isInteractive: Bool
    /// Writes a line to standard error (progress, warnings, errors), tokens masked: a message may quote
    /// what a statement said (`no contacts record pat-…`).
    public let message: @Sendable (String) -> Void
    /// The running statement's write outcomes.
    public private(set) var tally = StatementTally()
    /// Asks the person at the terminal a yes/no question; nil when nobody can answer (scripts).
    public var confirm: (@Sendable (String) async -> Bool)?
    /// Where statements that talk to HubSpot are recorded; nil records nothing.
    public var operationLog: OperationLog?
    /// Where writes are journalled for `undo`; nil: not journalled.
    public var journal: Journal?
    /// Draws a long statement's progress on standard error; nil when it is not a terminal.
    public var progress: ProgressLine?
    /// Whether standard error is a terminal (a dry run's banner goes there).
    public var errorsAtTerminal = false
    /// Whether standard error may be coloured (a terminal without `NO_COLOR`); `set color` decides too.
    public var errorsAllowColor = false
    /// Schema facts per connection (memory only unless the host gives one with a folder).
    public var schemaCache = SchemaCache()
    /// What the running statement tells the terminal about its values (columns asked for, types, reports).
    public var resultHint = ResultHint()
    /// The file line of the value `open` read last, for the results of writes.
    let inputLines = InputLines()

    public init(registry: CommandRegistry = BuiltinCommands.registry, session: Session = Session(), connections: ConnectionStore? = nil,
                environment: [String: String], isInteractive: Bool, message: @escaping @Sendable (String) -> Void) {
        self.registry = registry
        self.session = session
        self.connections = connections ?? ConnectionStore(environment: environment)
        self.environment = environment
        self.isInteractive = isInteractive
        self.message = { line in message(SecretMask.redact(line)) }
    }

    /// A context for work beside the running statement (completion facts fetched between statements):
    /// its calls are not counted in the statement's tally and draw no progress.
    public func besideStatements() -> ShellContext {
        var copy = self
        copy.tally = StatementTally()
        copy.progress = nil
        return copy
    }

    /// The styling of messages on standard error now.
    public func errorStyle() async -> TerminalStyle {
        let color = await session.settings.color
        return TerminalStyle(enabled: errorsAllowColor && color)
    }

    /// The client of the current connection (or of `name`).
    public func client(_ name: String? = nil) async throws -> HubSpotClient {
        await tally.markHubSpot()
        let current = await session.connectionName
        guard let name = name ?? current else {
            throw HubSpotAPIError(.invalidRequest, "no connection is in use: add one (connection add NAME --token env:HUBSPOT_ACCESS_TOKEN) or start with --sandbox")
        }
        return try await connections.client(name)
    }

    /// The text of a value: literals as written, `$var.field` from the session, `env:NAME` from the environment.
    public func text(_ value: Value) async throws(Diagnostic) -> String {
        let resolved = try await json(value)
        return resolved.scalarText ?? resolved.jsonString
    }

    /// A whole number (0 or more) written as `value` or held by the variable it names.
    public func wholeNumber(_ value: Value, for what: String) async throws(Diagnostic) -> Int {
        let text = try await text(value)
        guard let number = Int(text), number >= 0 else {
            throw Diagnostic("'\(what)' needs a whole number, not '\(text)'", at: value.range)
        }
        return number
    }

    /// A value as JSON: variables keep their JSON shape; literals and `env:` are strings.
    public func json(_ value: Value) async throws(Diagnostic) -> JSONValue {
        switch value.kind {
        case .word(let text), .number(let text), .string(let text):
            return .string(text)
        case .environment(let name):
            guard let text = environment[name] else {
                throw Diagnostic("the environment has no \(name)", at: value.range)
            }
            return .string(text)
        case .variable(let reference):
            guard var current = await session.variable(reference.name) else {
                throw Diagnostic("no variable $\(reference.name)", at: value.range,
                                 suggestion: Suggest.closest(to: reference.name, in: await session.variableNames).map { "did you mean '$\($0)'?" })
            }
            for field in reference.path {
                guard let next = current[field] ?? current["properties"]?[field] else {
                    throw Diagnostic("$\(reference.name) has no field \(field)", at: value.range)
                }
                current = next
            }
            return current
        }
    }
}
