import Hummingbird
import HTTPTypes

/// Applies `RateLimiter` and writes the `X-HubSpot-RateLimit-*` headers on every non-search answer,
/// errors included; search answers carry none (hubspot-api.md §8).
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext
    let limiter: RateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let isSearch = request.method == .post && request.uri.path.hasSuffix("/search")
        let decision = limiter.admit(token: context.grant?.token ?? "", isSearch: isSearch)
        var headers = HTTPFields()
        if case .allowed(let remaining, let dailyRemaining) = decision, !isSearch {
            headers[.rateLimitMax] = String(limiter.tier.perTenSeconds ?? 0)
            headers[.rateLimitRemaining] = String(remaining)
            headers[.rateLimitInterval] = String(RateLimiter.windowMilliseconds)
            headers[.rateLimitDaily] = String(limiter.tier.perDay ?? 0)
            headers[.rateLimitDailyRemaining] = String(dailyRemaining)
        }
        if case .limited(let policy) = decision {
            var error = HubSpotError.rateLimited(policy)
            if !isSearch {
                error.headers[.rateLimitMax] = String(limiter.tier.perTenSeconds ?? 0)
                error.headers[.rateLimitRemaining] = "0"
                error.headers[.rateLimitInterval] = String(RateLimiter.windowMilliseconds)
            }
            throw error
        }
        do {
            var response = try await next(request, context)
            response.headers.append(contentsOf: headers)
            return response
        } catch var error as HubSpotError {
            error.headers.append(contentsOf: headers)
            throw error
        }
    }
}
