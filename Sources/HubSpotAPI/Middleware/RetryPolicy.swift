/// When and how long to wait before trying a call again: exponential backoff with full jitter,
/// bounded attempts, and HubSpot's own hints (`Retry-After`, the 2-second lock of a 423).
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    public var baseDelay: Duration
    public var maxDelay: Duration

    public init(maxAttempts: Int = 6, baseDelay: Duration = .milliseconds(200), maxDelay: Duration = .seconds(15)) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// Never retries.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// Whether an answer is worth another try. 429 (except the daily limit), 423 (locked), 477
    /// (migrating) and 502/503/504 always are; 500 only when repeating the call is harmless.
    public func shouldRetry(_ response: HubSpotResponse, idempotent: Bool) -> Bool {
        switch response.status {
        case 429: return !response.isDailyLimit
        case 423, 477, 502, 503, 504: return true
        case 500: return idempotent
        default: return false
        }
    }

    /// Whether a network failure is worth another try after `attempt` attempts: a refused connection
    /// and a host that did not answer in the connect time are not (the person learns at once that
    /// the address is wrong or down); a failed connection or handshake gets one more try; other
    /// failures are retried when nothing was sent or when repeating the call is harmless.
    public func shouldRetry(_ failure: TransportFailure, idempotent: Bool, attempt: Int = 1) -> Bool {
        switch failure.reason {
        case .refused, .unreachable: return false
        case .connect, .tls: return attempt < 2
        case .reset, .timeout, .other: return !failure.maybeSent || idempotent
        }
    }

    /// The wait before attempt `attempt + 1`: `Retry-After` when HubSpot sent one, at least 2 s after a
    /// 423, otherwise a random time up to `baseDelay × 2^(attempt-1)`, capped at `maxDelay`.
    public func delay(after attempt: Int, response: HubSpotResponse?) -> Duration {
        if let seconds = response?.headers["retry-after"].flatMap(Double.init), seconds >= 0 {
            return min(.milliseconds(Int(seconds * 1000)), maxDelay * 4)
        }
        let ceiling = min(baseDelay * (1 << min(attempt - 1, 16)), maxDelay)
        let jittered = ceiling * Double.random(in: 0.5...1.0)
        return response?.status == 423 ? max(jittered, .seconds(2)) : jittered
    }
}

extension HubSpotResponse {
    /// A 429 for the account's daily limit, which no wait short of tomorrow cures.
    var isDailyLimit: Bool {
        status == 429 && (try? json())?["policyName"]?.stringValue == "DAILY"
    }
}

/// Repeats a call per its `RetryPolicy`. The rate limiter sits inside it, so every attempt waits for
/// its own token, and a 429 has already marked the window full when the next attempt asks.
public struct RetryMiddleware: HubSpotMiddleware {
    public let policy: RetryPolicy

    public init(policy: RetryPolicy) { self.policy = policy }

    public func handle(_ request: HubSpotRequest, context: RequestContext, next: NextHandler) async throws -> HubSpotResponse {
        var context = context
        var mayHaveApplied = false
        while true {
            do {
                var response = try await next(request, context)
                response.earlierAttemptMayHaveApplied = mayHaveApplied
                guard context.attempt < policy.maxAttempts, policy.shouldRetry(response, idempotent: request.idempotent) else {
                    return response.attempts(context.attempt)
                }
                if response.status >= 500 { mayHaveApplied = true }
                try await pause(policy.delay(after: context.attempt, response: response), request)
            } catch var error as HubSpotAPIError {
                error.attempts = context.attempt
                guard case .transport(let failure) = error.kind else { throw error }
                if failure.maybeSent && !request.idempotent {
                    error.isAmbiguous = true
                    throw error
                }
                guard context.attempt < policy.maxAttempts, policy.shouldRetry(failure, idempotent: request.idempotent, attempt: context.attempt) else { throw error }
                if failure.maybeSent { mayHaveApplied = true }
                try await pause(policy.delay(after: context.attempt, response: nil), request)
            }
            context.attempt += 1
        }
    }

    private func pause(_ delay: Duration, _ request: HubSpotRequest) async throws {
        do {
            try await Task.sleep(for: delay)
        } catch {
            throw HubSpotAPIError(.invalidRequest, "cancelled while waiting to retry", location: request.location)
        }
    }
}

extension HubSpotResponse {
    /// Carries the attempt count to the error built from a failed answer.
    func attempts(_ count: Int) -> HubSpotResponse {
        var copy = self
        copy.attempts = count
        return copy
    }
}
