import Hummingbird

/// Refuses what no endpoint could take, before faults, authentication and rate limits: a method the API
/// does not use (405), a path and query over ``HTTPLimits/maxTargetBytes`` (414), headers over
/// ``HTTPLimits/maxHeaderBytes`` (431). Requests the HTTP parser cannot read at all are answered by
/// ``HTTPParseErrorHandler``.
struct HTTPLimitsMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard HTTPLimits.methods.contains(request.method) else { throw HubSpotError.methodNotAllowed(request.method.rawValue) }
        let target = request.head.path?.utf8.count ?? 0
        if target > HTTPLimits.maxTargetBytes { throw HubSpotError.uriTooLong(target, limit: HTTPLimits.maxTargetBytes) }
        let headerBytes = request.headers.reduce(0) { $0 + $1.name.rawName.utf8.count + $1.value.utf8.count }
        if headerBytes > HTTPLimits.maxHeaderBytes {
            throw HubSpotError.headersTooLarge("\(headerBytes) bytes of header names and values; at most \(HTTPLimits.maxHeaderBytes) are accepted")
        }
        return try await next(request, context)
    }
}
