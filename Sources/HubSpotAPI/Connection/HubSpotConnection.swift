/// Where and how to reach one HubSpot account: base URL, token and API version.
public struct HubSpotConnection: Sendable, Hashable {
    /// HubSpot's one host for every API and region (hubspot-api.md §0).
    public static let defaultBaseURL = "https://api.hubapi.com"

    /// `https://api.hubapi.com`, or a loopback `http://` URL (the sandbox); never ends in `/`.
    public let baseURL: String
    public let token: AccessToken
    public let version: APIVersion

    /// Checks the base URL: it must be `https://`, or plain `http://` to a loopback host only, so a
    /// token never crosses a network in clear text.
    public init(baseURL: String = HubSpotConnection.defaultBaseURL, token: AccessToken, version: APIVersion = .v3) throws(HubSpotAPIError) {
        var url = baseURL
        while url.hasSuffix("/") { url.removeLast() }
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else {
            throw HubSpotAPIError(.invalidRequest, "base URL \(baseURL) must start with https:// (or http:// to this machine)")
        }
        if lower.hasPrefix("http://"), !HubSpotConnection.isLoopback(lower) {
            throw HubSpotAPIError(.invalidRequest, "base URL \(baseURL) is plain http: a token is only sent in clear text to this machine (localhost, 127.0.0.1, ::1); use https://")
        }
        self.baseURL = url
        self.token = token
        self.version = version
    }

    /// Whether an `http://` URL names this machine.
    static func isLoopback(_ url: String) -> Bool {
        let rest = url.dropFirst("http://".count)
        let host: Substring
        if rest.hasPrefix("[") {
            host = rest.dropFirst().prefix { $0 != "]" }
        } else {
            host = rest.prefix { $0 != ":" && $0 != "/" }
        }
        return host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
