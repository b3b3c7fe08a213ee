import Hummingbird

/// Requires `Authorization: Bearer <token>` with a token the sandbox accepts (hubspot-api.md §1.1);
/// otherwise 401 `INVALID_AUTHENTICATION` (§1.3).
struct AuthMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext
    let grants: [String: TokenGrant]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.count > 7,
            header.prefix(7).lowercased() == "bearer ",
            let grant = grants[String(header.dropFirst(7)).trimmingSpaces]
        else { throw HubSpotError.invalidAuthentication }
        var context = context
        context.grant = grant
        return try await next(request, context)
    }
}
