/// Sends a finished request (absolute URL, all headers) and returns HubSpot's answer. It throws
/// `HubSpotAPIError` with `.transport` for network failures; HTTP error statuses are answers, not throws.
public protocol HubSpotTransport: Sendable {
    func send(_ request: HubSpotRequest, baseURL: String) async throws(HubSpotAPIError) -> HubSpotResponse
}
