import JSONValue

/// Token introspection and account information (hubspot-api.md §1.2).
extension HubSpotClient {
    /// `POST /oauth/v2/private-apps/get/access-token-info` with the connection's token: the account,
    /// user, app and scopes behind it. The path has no version; it needs no scope.
    public func tokenInfo() async throws(HubSpotAPIError) -> TokenInfo {
        let body: JSONValue = ["tokenKey": .string(connection.token.secret)]
        return try TokenInfo(try await json(HubSpotRequest(.POST, "/oauth/v2/private-apps/get/access-token-info", body: body, idempotent: true)))
    }

    /// `GET …/account-info/…/details`: portal id, time zone, currency, data-hosting location.
    public func accountDetails() async throws(HubSpotAPIError) -> AccountDetails {
        try AccountDetails(try await json(HubSpotRequest(.GET, "\(version.accountInfo)/details")))
    }

    /// `GET …/account-info/…/api-usage/daily/private-apps`: today's calls against the daily limit.
    public func dailyUsage() async throws(HubSpotAPIError) -> [ApiUsage] {
        let json = try await json(HubSpotRequest(.GET, "\(version.accountInfo)/api-usage/daily/private-apps"))
        return (json["results"]?.arrayValue ?? []).map(ApiUsage.init)
    }
}
