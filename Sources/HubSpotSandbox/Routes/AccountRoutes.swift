import Hummingbird
import JSONValue

/// Token introspection and account details (hubspot-api.md §1.2).
struct AccountRoutes {
    let store: SandboxStore
    let limiter: RateLimiter
    let grants: [String: TokenGrant]

    /// `POST /oauth/v2/private-apps/get/access-token-info`: needs no scope; the body names the token.
    func tokenInfo() -> RouteCollection<SandboxRequestContext> {
        let routes = RouteCollection(context: SandboxRequestContext.self)
        routes.post("get/access-token-info") { request, context in
            var request = request
            let body = try await request.json(context, .tokenInfo)
            guard let token = body["tokenKey"]?.stringValue else { throw HubSpotError.validation("tokenKey is required") }
            guard let grant = grants[token] else {
                throw HubSpotError(status: .notFound, category: "OBJECT_NOT_FOUND", message: "Token not found")
            }
            let portal = await store.portal
            // The token belongs to the account's own user, who is one of its owners.
            let userId = await store.accountUserId ?? portal.portalId % 10_000_000 + 1
            return Response.json(["userId": .int(userId), "hubId": .int(portal.portalId),
                                  "appId": .int(3_000_001), "scopes": .array(grant.reportedScopes.map(JSONValue.string))])
        }
        return routes
    }

    /// `GET /account-info/v3/details` and `GET /account-info/v3/api-usage/daily/private-apps`.
    func accountInfo() -> RouteCollection<SandboxRequestContext> {
        let routes = RouteCollection(context: SandboxRequestContext.self)
        routes.get("details") { _, _ in
            let p = await store.portal
            return Response.json(["portalId": .int(p.portalId), "accountType": .string(p.accountType), "timeZone": .string(p.timeZone),
                                  "companyCurrency": .string(p.companyCurrency),
                                  "additionalCurrencies": .array(p.additionalCurrencies.map(JSONValue.string)),
                                  "utcOffset": .string(p.utcOffset), "utcOffsetMilliseconds": .int(p.utcOffsetMilliseconds),
                                  "uiDomain": .string(p.uiDomain), "dataHostingLocation": .string(p.dataHostingLocation)])
        }
        routes.get("api-usage/daily/private-apps") { _, _ in
            let p = await store.portal
            let now = Timestamp.now()
            let dayLength: Int64 = 86_400_000
            let offset = Int64(p.utcOffsetMilliseconds)
            let resetsAt = Timestamp(milliseconds: ((now.milliseconds + offset) / dayLength + 1) * dayLength - offset)
            return Response.json(["results": [["name": "private-apps-api-calls-daily",
                                               "usageLimit": .int(limiter.tier.perDay ?? 0),
                                               "currentUsage": .int(limiter.dailyUsage),
                                               "collectedAt": .string(now.iso8601), "fetchStatus": "SUCCESS",
                                               "resetsAt": .string(resetsAt.iso8601)]]])
        }
        return routes
    }
}
