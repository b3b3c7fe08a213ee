/// Where and how to reach one HubSpot account: base URL, token and API version.
public struct HubSpotConnection: Sendable, Hashable {
    /// HubSpot's one host for every API and region (hubspot-api.md §0).
    public static let defaultBaseURL = "https://api.hubapi.com"

    /// `https://api.hubapi.com`, or a loopback `http://` URL (the sandbox); never ends in `/`.
    public let baseURL: String
    public let token: AccessToken
    public let version: APIVersion

    /// Checks the base URL (see ``BaseURL``): `https://`, or plain `http://` to this machine only, so a
    /// token never crosses a network in clear text; no user or password, no percent-encoded host.
    public init(baseURL: String = HubSpotConnection.defaultBaseURL, token: AccessToken, version: APIVersion = .v3) throws(HubSpotAPIError) {
        self.baseURL = try BaseURL.check(baseURL)
        self.token = token
        self.version = version
    }
}
