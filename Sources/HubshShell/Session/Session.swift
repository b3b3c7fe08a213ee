import JSONValue

/// The state of one hubsh session: variables and settings. (Connections and saved activities are
/// kept by their stores; the session knows which connection is current.)
public actor Session {
    private var variables: [String: JSONValue] = [:]
    public private(set) var settings = Settings()
    /// The current connection's name.
    public private(set) var connectionName: String?
    /// The statements run so far, as written (`history`, `save`).
    public private(set) var statements: [String] = []
    /// Set by `exit`: the script or the REPL stops after the running statement.
    public private(set) var exitRequested = false

    public init() {}

    public func variable(_ name: String) -> JSONValue? { variables[name] }
    public var variableNames: [String] { variables.keys.sorted() }
    public func setVariable(_ name: String, _ value: JSONValue) { variables[name] = value }
    public func update(_ change: @Sendable (inout Settings) -> Void) { change(&settings) }
    public func use(connection name: String?) { connectionName = name }
    /// Adds a statement to the session's history.
    public func record(statement text: String) { statements.append(text) }
    /// Asks the script or the REPL to stop after the running statement.
    public func requestExit() { exitRequested = true }
}

/// The session's options (`set OPTION VALUE`).
public struct Settings: Sendable, Hashable {
    /// How results are printed at the end of a pipeline.
    public enum OutputFormat: String, Sendable, CaseIterable { case table, json, jsonl, csv }
    /// What a script does after a failed statement.
    public enum OnError: String, Sendable, CaseIterable { case stop, `continue` }

    /// nil: a table on a terminal, JSON Lines otherwise.
    public var output: OutputFormat?
    public var onError: OnError = .stop
    public var dryRun = false
    public var logLevel = "info"
    /// The most batch calls a write keeps in flight; nil (`auto`) follows the rate limit and the
    /// measured latency up to `ConcurrencyController.defaultCap`.
    public var concurrency: Int?
    public var color = true

    /// The options a new session starts with.
    public init() {}
}
