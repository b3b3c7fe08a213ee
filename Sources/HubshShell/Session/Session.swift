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
    /// The object types written lately, with the line that wrote them and when it ended: HubSpot's
    /// search sees a write only several seconds later, so a search soon after one is warned about.
    private var writes: [String: (line: Int, at: ContinuousClock.Instant)] = [:]
    /// How long after a write a search of its object type may not see it (hubspot-api.md: "several seconds").
    public static let searchLagWindow: Duration = .seconds(10)

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

    /// Notes that the statement on `line` wrote records of these object types.
    public func noteWrites(_ objectTypes: Set<String>, line: Int) {
        let now = ContinuousClock.now
        for type in objectTypes { writes[type.lowercased()] = (line, now) }
    }

    /// The line that wrote records of `objectType` within `searchLagWindow`, and how long ago.
    public func recentWrite(of objectType: String) -> (line: Int, ago: Duration)? {
        guard let write = writes[objectType.lowercased()] else { return nil }
        let ago = ContinuousClock.now - write.at
        return ago < Session.searchLagWindow ? (write.line, ago) : nil
    }
}

/// The session's options (`set OPTION VALUE`).
public struct Settings: Sendable, Hashable {
    /// How results are printed at the end of a pipeline.
    public enum OutputFormat: String, Sendable, CaseIterable { case table, json, jsonl, csv }
    /// What a script does after a failed statement.
    public enum OnError: String, Sendable, CaseIterable { case stop, `continue` }
    /// When a terminal shows records vertically, one field a line (psql's `\x`).
    public enum Expanded: String, Sendable, CaseIterable { case on, off, auto }

    /// nil: a table on a terminal, JSON Lines otherwise.
    public var output: OutputFormat?
    public var onError: OnError = .stop
    public var dryRun = false
    public var logLevel = "info"
    /// The most batch calls a write keeps in flight; nil (`auto`) follows the rate limit and the
    /// measured latency up to `ConcurrencyController.defaultCap`.
    public var concurrency: Int?
    public var color = true
    /// `auto`: a single record, and records too wide for the terminal, are shown vertically.
    public var expanded = Expanded.auto
    /// Whether output longer than the terminal goes through `$PAGER` (at a terminal only).
    public var pager = true
    /// Whether writes are journalled for `undo` (`--no-journal` turns it off for one statement).
    public var journal = true
    /// Journals older than this many days are removed when the next write starts its own.
    public var journalDays = 30

    /// The options a new session starts with.
    public init() {}
}
