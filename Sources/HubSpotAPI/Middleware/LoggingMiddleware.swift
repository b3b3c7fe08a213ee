import Logging

/// Logs every attempt under `hubsh.connector.hubspot`: at debug one line (method, path, status,
/// milliseconds, attempt, rate-limit remaining, correlation id), at trace the bodies too. Every line
/// passes through the redactor first, so no token reaches a log.
public struct LoggingMiddleware: HubSpotMiddleware {
    public init() {}

    public func handle(_ request: HubSpotRequest, context: RequestContext, next: NextHandler) async throws -> HubSpotResponse {
        let logger = context.logger
        guard logger.logLevel <= .debug else { return try await next(request, context) }
        let redact = Redactor(secrets: [context.connection.token.secret])
        let clock = ContinuousClock()
        let start = clock.now
        if logger.logLevel <= .trace, let body = request.body {
            logger.trace("\(redact(request.method.rawValue + " " + request.target)) request body: \(redact(body.jsonString))")
        }
        do {
            let response = try await next(request, context)
            let ms = (clock.now - start).milliseconds
            var line = "\(request.method.rawValue) \(request.target) \(response.status) \(ms)ms attempt=\(context.attempt)"
            if let remaining = response.headers["x-hubspot-ratelimit-remaining"] { line += " remaining=\(remaining)" }
            if let correlation = response.correlationId { line += " correlation=\(correlation)" }
            logger.debug("\(redact(line))")
            if logger.logLevel <= .trace, !response.body.isEmpty {
                logger.trace("\(redact(request.method.rawValue + " " + request.target)) response body: \(redact(String(decoding: response.body, as: UTF8.self)))")
            }
            return response
        } catch let error as HubSpotAPIError {
            let ms = (clock.now - start).milliseconds
            logger.debug("\(redact("\(request.method.rawValue) \(request.target) failed \(ms)ms attempt=\(context.attempt): \(error.summary)"))")
            throw error
        }
    }
}

extension Duration {
    /// Whole milliseconds.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }

    /// Seconds, with their fraction.
    var inSeconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
