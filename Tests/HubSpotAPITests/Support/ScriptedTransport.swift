import HubSpotAPI
import JSONValue
import NIOConcurrencyHelpers

/// A transport that plays back scripted answers and records what was sent: for the middleware's
/// decisions (retry, rate limit), which need answers a live sandbox gives only by chance.
final class ScriptedTransport: HubSpotTransport {
    enum Step: Sendable {
        case answer(Int, headers: [String: String] = [:], body: JSONValue = .null)
        case fail(TransportFailure.Reason)
    }

    private let state: NIOLockedValueBox<(steps: [Step], sent: [HubSpotRequest])>
    /// The step after the scripted ones run out, made when the request comes.
    private let then: @Sendable (HubSpotRequest) -> Step

    init(_ steps: [Step], then: @escaping @Sendable (HubSpotRequest) -> Step = { _ in .answer(200, body: ["ok": true]) }) {
        state = NIOLockedValueBox((steps, []))
        self.then = then
    }

    var sent: [HubSpotRequest] { state.withLockedValue { $0.sent } }

    func send(_ request: HubSpotRequest, baseURL: String) async throws(HubSpotAPIError) -> HubSpotResponse {
        let step = state.withLockedValue { state -> Step in
            state.sent.append(request)
            return state.steps.isEmpty ? then(request) : state.steps.removeFirst()
        }
        switch step {
        case .answer(let status, let headers, let body):
            return HubSpotResponse(status: status, headers: headers, body: body.isNull ? [] : body.jsonBytes)
        case .fail(let reason):
            throw HubSpotAPIError(.transport(TransportFailure(reason)), "scripted \(reason)", location: request.location)
        }
    }

    /// A client over this transport with quick retries.
    func client(limiter: RateLimiter.Policy = .unlimited, logger: Logger? = nil) throws -> HubSpotClient {
        let connection = try HubSpotConnection(baseURL: "http://127.0.0.1:1", token: AccessToken("pat-na1-11111111-2222-3333-4444-555555555555"))
        return HubSpotClient(connection: connection, transport: self,
                             retry: RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(1), maxDelay: .milliseconds(5)),
                             limiter: RateLimiter(policy: limiter), logger: logger ?? Logger(label: HubSpotClient.logLabel))
    }
}

import Logging
