import HubSpotAPI
import JSONValue

/// A saved connection: how to reach one HubSpot account. The token is kept as given: a literal
/// token, or `env:NAME` (stored as that reference and read from the environment when used).
public struct ConnectionSettings: Sendable, Hashable, Codable {
    /// What commands call it (`prod`).
    public var name: String
    /// `pat-…` or `env:NAME`.
    public var token: String
    /// The API version: `v3`, `v4`, `2026-03`, `2026-09`.
    public var api: String
    /// `https://api.hubapi.com`, or a loopback `http://` URL (a sandbox).
    public var baseURL: String

    /// A connection called `name`.
    public init(name: String, token: String, api: String = "v3", baseURL: String = HubSpotConnection.defaultBaseURL) {
        self.name = name
        self.token = token
        self.api = api
        self.baseURL = baseURL
    }

    /// Whether the token is an `env:` reference.
    public var tokenIsReference: Bool { token.hasPrefix("env:") }

    /// The environment variable a referenced token is read from.
    public var tokenVariable: String? { tokenIsReference ? String(token.dropFirst(4)) : nil }

    /// The token as it may be shown: `env:NAME` as is, a literal token masked.
    public var maskedToken: String { tokenIsReference ? token : AccessToken.mask(token) }

    /// The connection as stored in `connections.json`.
    var json: JSONValue {
        ["name": .string(name), "token": .string(token), "api": .string(api), "baseURL": .string(baseURL)]
    }

    /// Reads one stored connection; nil when it lacks a name or token.
    init?(json: JSONValue) {
        guard let name = json["name"]?.stringValue, let token = json["token"]?.stringValue else { return nil }
        self.init(name: name, token: token, api: json["api"]?.stringValue ?? "v3",
                  baseURL: json["baseURL"]?.stringValue ?? HubSpotConnection.defaultBaseURL)
    }
}

/// The session's connections by name, and the clients made from them (one per connection, so each
/// keeps its rate limiter and connection pool). With a ``ConfigDirectory`` it keeps `connections.json`
/// (atomic writes, mode 0600) shared with every other hubsh: each change reads the file, changes only
/// its own entry and writes it back under the folder's lock, and the file is read again whenever
/// another process has changed it. Without a folder it only remembers.
///
/// `HUBSPOT_ACCESS_TOKEN` in the environment gives a connection named `default` (token
/// `env:HUBSPOT_ACCESS_TOKEN`) that is never written to the file unless it is added.
public actor ConnectionStore {
    /// The environment variable that gives the `default` connection.
    public static let environmentTokenVariable = "HUBSPOT_ACCESS_TOKEN"
    /// The name of the connection the environment gives.
    public static let environmentConnectionName = "default"
    /// The file connections are saved in.
    public static let fileName = "connections.json"

    /// The saved activities of the same folder. (Held here until `ShellContext` carries its own.)
    public nonisolated let activities: ActivityStore
    /// Where the connections are saved; nil keeps them in memory only.
    public nonisolated let directory: ConfigDirectory?
    /// The connections of the file (or given to the in-memory store).
    private var stored: [String: ConnectionSettings] = [:]
    /// This session's own (`--sandbox`): they hide a stored one of the same name and are never saved.
    private var transient: [String: ConnectionSettings] = [:]
    /// `HUBSPOT_ACCESS_TOKEN`'s `default`, hidden by a stored or transient `default`.
    private var environmentDefault: ConnectionSettings?
    private var storedCurrent: String?
    /// The stamp of the file `stored` was last read from.
    private var stamp: FileStamp?
    private var clients: [String: HubSpotClient] = [:]
    private let environment: [String: String]
    private let makeClient: ClientMaker

    /// Makes the client of a connection: the default transport, retry and shared rate limiter
    /// unless a test wants shorter waits.
    public typealias ClientMaker = @Sendable (HubSpotConnection) -> HubSpotClient

    /// Connections kept in memory only (and the environment's `default`).
    public init(environment: [String: String], connections: [ConnectionSettings] = [],
                makeClient: @escaping ClientMaker = { HubSpotClient(connection: $0) }) {
        self.environment = environment
        self.makeClient = makeClient
        self.directory = nil
        self.activities = ActivityStore()
        environmentDefault = Self.environmentDefault(environment)
        for connection in connections { stored[connection.name] = connection }
    }

    /// The connections saved in `directory` (and the environment's `default`); changes are saved there.
    /// Fails when a file exists but cannot be read, with what to do.
    public init(environment: [String: String], directory: ConfigDirectory,
                makeClient: @escaping ClientMaker = { HubSpotClient(connection: $0) }) throws(HubSpotAPIError) {
        self.environment = environment
        self.makeClient = makeClient
        self.directory = directory
        self.activities = try ActivityStore(directory: directory)
        environmentDefault = Self.environmentDefault(environment)
        (stored, storedCurrent, stamp) = try Self.read(directory)
    }

    /// The file's connections, its current one and its stamp (taken before reading, so a change made
    /// while reading is seen next time).
    private static func read(_ directory: ConfigDirectory) throws(HubSpotAPIError)
        -> (connections: [String: ConnectionSettings], current: String?, stamp: FileStamp?) {
        let stamp = directory.stamp(of: fileName)
        guard let json = try directory.readJSON(fileName) else { return ([:], nil, stamp) }
        guard let list = json["connections"]?.arrayValue else {
            throw HubSpotAPIError(.invalidRequest, "\(directory.path(of: fileName)) has no \"connections\" list; fix or remove it")
        }
        var connections: [String: ConnectionSettings] = [:]
        for item in list {
            guard let connection = ConnectionSettings(json: item) else { continue }
            connections[connection.name] = connection
        }
        return (connections, json["current"]?.stringValue, stamp)
    }

    /// Reads the file again (when another hubsh changed it since), dropping the clients of connections
    /// that changed; a file that cannot be read now leaves what was known.
    private func refresh() {
        guard let directory, directory.stamp(of: Self.fileName) != stamp else { return }
        try? reload(directory)
    }

    private func reload(_ directory: ConfigDirectory) throws(HubSpotAPIError) {
        let (connections, current, stamp) = try Self.read(directory)
        for (name, settings) in stored where connections[name] != settings { clients[name] = nil }
        stored = connections
        storedCurrent = current
        self.stamp = stamp
    }

    /// Applies `change` to the saved connections and the current one as the file has them now, and
    /// writes the file when it returns true: all under the folder's lock, so another hubsh's change
    /// made meanwhile is kept.
    private func update(_ change: (inout [String: ConnectionSettings], inout String?) -> Bool) throws(HubSpotAPIError) {
        guard let directory else {
            _ = change(&stored, &storedCurrent)
            return
        }
        try directory.locked { () throws(HubSpotAPIError) in
            try reload(directory)
            guard change(&stored, &storedCurrent) else { return }
            try save(directory)
            stamp = directory.stamp(of: Self.fileName)
        }
    }

    /// The connections of the XDG config folder (`$XDG_CONFIG_HOME/hubsh`, else `~/.config/hubsh`),
    /// or in memory when no such folder can be named.
    public static func standard(environment: [String: String]) throws(HubSpotAPIError) -> ConnectionStore {
        guard let directory = ConfigDirectory(environment: environment) else { return ConnectionStore(environment: environment) }
        return try ConnectionStore(environment: environment, directory: directory)
    }

    /// The `default` connection `HUBSPOT_ACCESS_TOKEN` gives, when it is set.
    private static func environmentDefault(_ environment: [String: String]) -> ConnectionSettings? {
        guard let token = environment[environmentTokenVariable], !token.isEmpty else { return nil }
        return ConnectionSettings(name: environmentConnectionName, token: "env:" + environmentTokenVariable)
    }

    /// Every connection by name: saved, this session's own, or given by the environment.
    public var connections: [String: ConnectionSettings] {
        refresh()
        var all: [String: ConnectionSettings] = [:]
        if let environmentDefault { all[environmentDefault.name] = environmentDefault }
        all.merge(stored) { _, saved in saved }
        all.merge(transient) { _, own in own }
        return all
    }

    /// Every connection's name, sorted.
    public var names: [String] { connections.keys.sorted() }

    /// The connection called `name`.
    public func settings(_ name: String) -> ConnectionSettings? {
        refresh()
        return transient[name] ?? stored[name] ?? (environmentDefault?.name == name ? environmentDefault : nil)
    }

    /// Whether `name` is the file's (false for the environment's `default` and this session's own).
    public func isSaved(_ name: String) -> Bool {
        refresh()
        return transient[name] == nil && stored[name] != nil
    }

    /// Whether `name` is this session's own (`--sandbox`), gone when the session ends.
    public func isTransient(_ name: String) -> Bool { transient[name] != nil }

    /// The connection to start with: the one last put in use (when it still exists), else the
    /// environment's `default`, else the only connection there is.
    public var current: String? {
        let all = connections
        if let storedCurrent, all[storedCurrent] != nil { return storedCurrent }
        if all[Self.environmentConnectionName] != nil { return Self.environmentConnectionName }
        return all.count == 1 ? all.keys.first : nil
    }

    /// Remembers `name` as the connection to start with next time (a session's own connection is
    /// not remembered: it will not be there).
    public func setCurrent(_ name: String?) throws(HubSpotAPIError) {
        if let name, transient[name] != nil { return }
        try update { _, current in
            guard current != name else { return false }
            current = name
            return true
        }
    }

    /// Adds or replaces a connection, and saves (that entry only: the file's others stay as they are).
    public func add(_ settings: ConnectionSettings) throws(HubSpotAPIError) {
        try update { stored, _ in
            stored[settings.name] = settings
            return true
        }
        transient[settings.name] = nil
        clients[settings.name] = nil
    }

    /// Adds or replaces a connection for this session only (the `--sandbox` emulator): it is never
    /// written to the file, and a saved one of the same name is hidden, not changed.
    public func addTransient(_ settings: ConnectionSettings) {
        transient[settings.name] = settings
        clients[settings.name] = nil
    }

    /// Removes a connection (and saves when it was saved); returns whether it existed.
    @discardableResult
    public func remove(_ name: String) throws(HubSpotAPIError) -> Bool {
        clients[name] = nil
        var existed = transient.removeValue(forKey: name) != nil
        if environmentDefault?.name == name {
            environmentDefault = nil
            existed = true
        }
        var removed = false
        try update { stored, current in
            removed = stored.removeValue(forKey: name) != nil
            if removed, current == name { current = nil }
            return removed
        }
        return existed || removed
    }

    /// The token a connection sends: its own, or the environment value it refers to.
    public func token(of name: String) throws(HubSpotAPIError) -> AccessToken {
        guard let settings = settings(name) else { throw unknown(name) }
        guard let variable = settings.tokenVariable else { return AccessToken(settings.token) }
        guard let value = environment[variable], !value.isEmpty else {
            throw HubSpotAPIError(.invalidRequest, "connection \(name) takes its token from \(variable), which is not set in the environment; export it or add the connection again with another token")
        }
        return AccessToken(value)
    }

    /// The client of a connection, made on first use.
    public func client(_ name: String) throws(HubSpotAPIError) -> HubSpotClient {
        // A connection changed by another hubsh gets a new client.
        refresh()
        if let client = clients[name] { return client }
        guard let settings = settings(name) else { throw unknown(name) }
        let token = try token(of: name)
        guard let version = APIVersion(settings.api) else {
            throw HubSpotAPIError(.invalidRequest, "connection \(name) has an unknown API version \(settings.api) (use v3, v4, 2026-03 or 2026-09)")
        }
        let client = makeClient(try HubSpotConnection(baseURL: settings.baseURL, token: token, version: version))
        clients[name] = client
        return client
    }

    private func unknown(_ name: String) -> HubSpotAPIError {
        HubSpotAPIError(.invalidRequest, "no connection named \(name) (add one with: connection add \(name) --token …)")
    }

    /// Rewrites `connections.json` with the saved connections and the current one (under the lock).
    private func save(_ directory: ConfigDirectory) throws(HubSpotAPIError) {
        let list = stored.values.sorted { $0.name < $1.name }.map(\.json)
        var file: JSONObject = [:]
        if let storedCurrent { file["current"] = .string(storedCurrent) }
        file["connections"] = .array(list)
        try directory.writeJSON(.object(file), to: Self.fileName)
    }
}

extension ShellContext {
    /// Puts the store's starting connection (the last one used, else `default`, else the only one) in
    /// use when the session has none: what a new shell does once before its first statement.
    public func restoreCurrentConnection() async {
        guard await session.connectionName == nil, let current = await connections.current else { return }
        await session.use(connection: current)
    }
}
