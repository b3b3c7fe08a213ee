import JSONValue
import Logging

/// The typed HubSpot client: endpoints on top of a middleware chain (retry → rate limit → auth →
/// logging) on top of a transport. Cheap to copy; every copy of one token shares one rate limiter.
public struct HubSpotClient: Sendable {
    /// The label of the client's log lines.
    public static let logLabel = "hubsh.connector.hubspot"

    public let connection: HubSpotConnection
    public let limiter: RateLimiter
    public var logger: Logger
    let transport: any HubSpotTransport
    let middleware: [any HubSpotMiddleware]
    /// How long each kind of call may take per attempt.
    public var timeouts: CallTimeouts

    /// A client for `connection`. By default: the shared AsyncHTTPClient, six attempts with backoff,
    /// the token's shared rate limiter, and a time limit per attempt sized to the kind of call.
    public init(connection: HubSpotConnection, transport: any HubSpotTransport = HTTPClientTransport(),
                retry: RetryPolicy = RetryPolicy(), limiter: RateLimiter? = nil,
                logger: Logger = Logger(label: HubSpotClient.logLabel), timeouts: CallTimeouts = CallTimeouts()) {
        self.connection = connection
        self.timeouts = timeouts
        self.transport = transport
        let limiter = limiter ?? RateLimiter.shared(for: connection.token)
        self.limiter = limiter
        self.logger = logger
        middleware = [RetryMiddleware(policy: retry), RateLimitMiddleware(limiter: limiter), AuthMiddleware(), LoggingMiddleware()]
    }

    /// The version's paths.
    public var version: APIVersion { connection.version }

    /// Sends a request through the chain and returns a 2xx answer; any other status becomes a
    /// `HubSpotAPIError` carrying HubSpot's body.
    public func send(_ request: HubSpotRequest) async throws(HubSpotAPIError) -> HubSpotResponse {
        var request = request
        if request.timeout == nil { request.timeout = timeouts.timeout(for: request) }
        let transport = transport
        let baseURL = connection.baseURL
        var handler: NextHandler = { request, _ in try await transport.send(request, baseURL: baseURL) }
        for layer in middleware.reversed() {
            let inner = handler
            handler = { request, context in try await layer.handle(request, context: context, next: inner) }
        }
        let response: HubSpotResponse
        do {
            response = try await handler(request, RequestContext(connection: connection, logger: logger))
        } catch let error as HubSpotAPIError {
            var error = error
            if error.location == nil { error.location = request.location }
            error.message = Redactor(secrets: [connection.token.secret])(error.message)
            throw error
        } catch {
            throw HubSpotAPIError(.invalidRequest, "\(error)", location: request.location)
        }
        guard (200..<300).contains(response.status) else { throw HubSpotClient.error(from: response, request) }
        return response
    }

    /// Sends a request and returns its JSON body (`null` for an empty body).
    @discardableResult
    public func json(_ request: HubSpotRequest) async throws(HubSpotAPIError) -> JSONValue {
        try await answer(request) { response throws(HubSpotAPIError) in try response.json() }
    }

    /// Sends `request` and reads its answer with `read`; an answer `read` refuses is reported at the request.
    func answer<Answer>(_ request: HubSpotRequest,
                        _ read: (HubSpotResponse) throws(HubSpotAPIError) -> Answer) async throws(HubSpotAPIError) -> Answer {
        let response = try await send(request)
        do {
            return try read(response)
        } catch {
            var error = error
            error.location = request.location
            throw error
        }
    }

    /// The error for a non-2xx answer, with HubSpot's body when it is JSON.
    static func error(from response: HubSpotResponse, _ request: HubSpotRequest) -> HubSpotAPIError {
        let json = try? response.json()
        let body = json.map(HubSpotErrorBody.init)
        var message = body?.message ?? String(decoding: response.body.prefix(300), as: UTF8.self)
        if message.isEmpty { message = HubSpotClient.reason(response.status) }
        // The correlation id also comes as a header, for answers without a JSON body.
        var errorBody = body ?? HubSpotErrorBody(.object([:]))
        if errorBody.correlationId == nil { errorBody.correlationId = response.correlationId }
        var error = HubSpotAPIError(.http(status: response.status), message, location: request.location,
                                    body: body == nil && errorBody.correlationId == nil ? nil : errorBody)
        error.attempts = response.attempts
        return error
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 400: "bad request"
        case 401: "not authenticated"
        case 403: "forbidden"
        case 404: "not found"
        case 409: "conflict"
        case 414: "URI too long"
        case 423: "locked (too many writes in a short time)"
        case 429: "rate limited"
        case 477: "the account is migrating between data centres"
        case 500: "internal error"
        case 502: "bad gateway"
        case 503: "unavailable"
        case 504: "gateway timeout"
        default: "status \(status)"
        }
    }
}
