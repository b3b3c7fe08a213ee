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
/// keeps its rate limiter and connection pool). With a ``ConfigDirectory`` it loads `connections.json`
/// when made and rewrites it (atomically, mode 0600) on every change; without one it only remembers.
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
        guard let json = try directory.readJSON(Self.fileName) else { return }
        guard let list = json["connections"]?.arrayValue else {
            throw HubSpotAPIError(.invalidRequest, "\(directory.path(of: Self.fileName)) has no \"connections\" list; fix or remove it")
        }
        for item in list {
            guard let connection = ConnectionSettings(json: item) else { continue }
            stored[connection.name] = connection
        }
        storedCurrent = json["current"]?.stringValue
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
        transient[name] ?? stored[name] ?? (environmentDefault?.name == name ? environmentDefault : nil)
    }

    /// Whether `name` is the file's (false for the environment's `default` and this session's own).
    public func isSaved(_ name: String) -> Bool { transient[name] == nil && stored[name] != nil }

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
        guard storedCurrent != name else { return }
        storedCurrent = name
        try save()
    }

    /// Adds or replaces a connection, and saves.
    public func add(_ settings: ConnectionSettings) throws(HubSpotAPIError) {
        stored[settings.name] = settings
        transient[settings.name] = nil
        clients[settings.name] = nil
        try save()
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
        guard stored.removeValue(forKey: name) != nil else { return existed }
        if storedCurrent == name { storedCurrent = nil }
        try save()
        return true
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

    /// Rewrites `connections.json` with the saved connections and the current one.
    private func save() throws(HubSpotAPIError) {
        guard let directory else { return }
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
