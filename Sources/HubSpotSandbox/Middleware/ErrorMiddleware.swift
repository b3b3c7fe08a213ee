import Foundation
import Hummingbird
import HTTPTypes
import JSONValue

/// The outermost middleware: gives every answer an `X-HubSpot-Correlation-Id`, renders thrown
/// `HubSpotError`s (and Hummingbird's own errors) in HubSpot's error shape, and adds the configured latency
/// for the kind of call (with its per-record cost), drawing the jitter from a seeded generator. The
/// latency is waited out after the inner middleware ran: a call is counted (rate limits) and takes effect
/// on arrival, and only its answer is late, as at HubSpot's edge.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext
    let latency: LatencyPlan
    let random: LockedRandom
    /// Waits out a delay; tests pass one that records instead of sleeping.
    var sleep: @Sendable (Duration) async -> Void = { try? await Task.sleep(for: $0) }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.correlationId = UUID().uuidString.lowercased()
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HubSpotError {
            response = render(error, correlationId: context.correlationId)
        } catch let error as any HTTPResponseError {
            response = render(HubSpotError(status: error.status, category: error.status == .notFound ? "OBJECT_NOT_FOUND" : "VALIDATION_ERROR",
                                           message: error.status == .notFound ? "Unable to route \(request.method) \(request.uri.path)" : "\(error.status.reasonPhrase)"),
                              correlationId: context.correlationId)
        }
        response.headers[.hubSpotCorrelationId] = context.correlationId
        if !latency.isNone {
            let kind = Self.delayKind(of: request, status: response.status)
            let delay = latency.milliseconds(for: kind, inputs: context.batchInputs.value, draw: random.next())
            if delay > 0 { await sleep(.milliseconds(delay)) }
        }
        return response
    }

    /// Whose delay an answer gets. A call is counted and done when it arrives, and its answer waits out
    /// the delay of its kind; a call turned away at the door (401, 429) was never worked on, so it gets
    /// a read's delay whatever its kind — HubSpot answers those quickly (docs/sandbox.md).
    static func delayKind(of request: Request, status: HTTPResponse.Status) -> CallKind {
        if status == .unauthorized || status == .tooManyRequests { return .read }
        return CallKind(method: request.method, path: request.uri.path)
    }

    func render(_ error: HubSpotError, correlationId: String) -> Response {
        var response = Response.json(error.body(correlationId: correlationId), status: error.status)
        response.headers.append(contentsOf: error.headers)
        return response
    }
}

// `HTTPField.Name(_:)` is nil only for a name with characters a header name cannot hold; these
// literals hold none.
extension HTTPField.Name {
    static let hubSpotAuthFailure = HTTPField.Name("x-hubspot-auth-failure")!
    static let hubSpotCorrelationId = HTTPField.Name("X-HubSpot-Correlation-Id")!
    static let rateLimitMax = HTTPField.Name("X-HubSpot-RateLimit-Max")!
    static let rateLimitRemaining = HTTPField.Name("X-HubSpot-RateLimit-Remaining")!
    static let rateLimitInterval = HTTPField.Name("X-HubSpot-RateLimit-Interval-Milliseconds")!
    static let rateLimitDaily = HTTPField.Name("X-HubSpot-RateLimit-Daily")!
    static let rateLimitDailyRemaining = HTTPField.Name("X-HubSpot-RateLimit-Daily-Remaining")!
}
