import Logging

/// What a middleware knows about the call in flight besides the request.
public struct RequestContext: Sendable {
    public var connection: HubSpotConnection
    /// 1 for the first try, counting up on each retry.
    public var attempt = 1
    public var logger: Logger
}

/// The rest of the chain, as a middleware sees it.
public typealias NextHandler = @Sendable (HubSpotRequest, RequestContext) async throws -> HubSpotResponse

/// One layer between the typed endpoints and the transport (auth, rate limit, retry, logging). It
/// throws only `HubSpotAPIError`; error statuses pass through as responses.
public protocol HubSpotMiddleware: Sendable {
    func handle(_ request: HubSpotRequest, context: RequestContext, next: NextHandler) async throws -> HubSpotResponse
}

/// Adds `Authorization: Bearer …` (hubspot-api.md §1.1).
public struct AuthMiddleware: HubSpotMiddleware {
    public init() {}

    public func handle(_ request: HubSpotRequest, context: RequestContext, next: NextHandler) async throws -> HubSpotResponse {
        var request = request
        request.headers.append(("Authorization", "Bearer \(context.connection.token.secret)"))
        return try await next(request, context)
    }
}
