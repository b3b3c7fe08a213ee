import HubSpotAPI

/// A saved connection: how to reach one HubSpot account. The token is kept as given: a literal
/// token, or `env:NAME` (stored as that reference and read from the environment when used).
public struct ConnectionSettings: Sendable, Hashable, Codable {
    public var name: String
    /// `pat-…` or `env:NAME`.
    public var token: String
    public var api: String
    public var baseURL: String

    public init(name: String, token: String, api: String = "v3", baseURL: String = HubSpotConnection.defaultBaseURL) {
        self.name = name
        self.token = token
        self.api = api
        self.baseURL = baseURL
    }

    /// Whether the token is an `env:` reference.
    public var tokenIsReference: Bool { token.hasPrefix("env:") }
}

/// The session's connections by name, and the clients made from them (one per connection, so each
/// keeps its rate limiter and connection pool).
public actor ConnectionStore {
    public private(set) var connections: [String: ConnectionSettings] = [:]
    private var clients: [String: HubSpotClient] = [:]
    private let environment: [String: String]

    public init(environment: [String: String], connections: [ConnectionSettings] = []) {
        self.environment = environment
        for connection in connections { self.connections[connection.name] = connection }
    }

    public var names: [String] { connections.keys.sorted() }

    /// Adds or replaces a connection.
    public func add(_ settings: ConnectionSettings) {
        connections[settings.name] = settings
        clients[settings.name] = nil
    }

    /// Removes a connection; returns whether it existed.
    @discardableResult
    public func remove(_ name: String) -> Bool {
        clients[name] = nil
        return connections.removeValue(forKey: name) != nil
    }

    /// The client of a connection, made on first use.
    public func client(_ name: String) throws(HubSpotAPIError) -> HubSpotClient {
        if let client = clients[name] { return client }
        guard let settings = connections[name] else {
            throw HubSpotAPIError(.invalidRequest, "no connection named \(name) (add one with: connection add \(name) --token …)")
        }
        let token: String
        if settings.tokenIsReference {
            let variable = String(settings.token.dropFirst(4))
            guard let value = environment[variable], !value.isEmpty else {
                throw HubSpotAPIError(.invalidRequest, "connection \(name) takes its token from \(variable), which is not set in the environment")
            }
            token = value
        } else {
            token = settings.token
        }
        guard let version = APIVersion(settings.api) else {
            throw HubSpotAPIError(.invalidRequest, "connection \(name) has an unknown API version \(settings.api) (use v3, v4, 2026-03 or 2026-09)")
        }
        let client = HubSpotClient(connection: try HubSpotConnection(baseURL: settings.baseURL, token: AccessToken(token), version: version))
        clients[name] = client
        return client
    }
}
