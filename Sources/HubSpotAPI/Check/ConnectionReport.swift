/// What `connection test` shows: who the token belongs to, the account, how fast and how much
/// headroom, and which activities the token's scopes allow on which objects.
public struct ConnectionReport: Sendable {
    public var token: TokenInfo
    /// The account's details; nil when that call failed (the reason is in `accountError`).
    public var account: AccountDetails?
    public var accountError: HubSpotAPIError?
    public var version: APIVersion
    /// The fastest of a few round trips to HubSpot.
    public var latency: Duration
    /// The ten-second burst window's size and what was left of it, from HubSpot's headers.
    public var rateLimitMax: Int?
    public var rateLimitRemaining: Int?
    public var activities: [ActivityAccess]

    /// The activities the token cannot run.
    public var blocked: [ActivityAccess] { activities.filter { !$0.allowed } }
}

/// One activity on one object type, the scope it needs, and whether the token has it.
public struct ActivityAccess: Sendable, Hashable {
    /// The four activities of a HubSpot connection.
    public enum Activity: String, Sendable, CaseIterable {
        case search, create, update, delete

        /// Search reads; the others write.
        var writes: Bool { self != .search }
    }

    public var objectType: String
    public var activity: Activity
    /// The scope HubSpot asks for (`crm.objects.contacts.read`).
    public var needs: String
    /// Whether the token has it (or one of its sensitive-data variants).
    public var allowed: Bool

    /// The scope an activity needs on an object type; custom objects (`2-…`, `p…_name`) share
    /// `crm.objects.custom.*` (hubspot-api.md §1.3).
    static func scope(_ activity: Activity, _ objectType: String) -> (base: String, variants: [String]) {
        let isCustom = objectType.hasPrefix("2-") || (objectType.hasPrefix("p") && objectType.contains("_") && objectType.dropFirst().first?.isNumber == true)
        let name = isCustom ? "custom" : objectType
        let access = activity.writes ? "write" : "read"
        let base = "crm.objects.\(name).\(access)"
        return (base, [base, "crm.objects.\(name).sensitive.\(access).v2", "crm.objects.\(name).highly_sensitive.\(access).v2"])
    }
}

extension HubSpotClient {
    /// The objects `connection test` reports on when not told otherwise.
    public static let checkedObjectTypes = ["contacts", "companies", "deals", "tickets"]

    /// Tests the connection: token info (fails with the reason when the token is bad), account
    /// details, the best of three round trips, rate-limit headroom, and scopes per activity.
    public func check(objectTypes: [String] = HubSpotClient.checkedObjectTypes) async throws(HubSpotAPIError) -> ConnectionReport {
        let token = try await tokenInfo()
        let clock = ContinuousClock()
        var account: AccountDetails?
        var accountError: HubSpotAPIError?
        var latency = Duration.seconds(3600)
        for _ in 0..<3 {
            let start = clock.now
            do {
                account = try await accountDetails()
            } catch {
                accountError = error
            }
            latency = min(latency, clock.now - start)
        }
        let granted = Set(token.scopes)
        let activities = objectTypes.flatMap { type in
            ActivityAccess.Activity.allCases.map { activity in
                let scope = ActivityAccess.scope(activity, type)
                return ActivityAccess(objectType: type, activity: activity, needs: scope.base, allowed: scope.variants.contains(where: granted.contains))
            }
        }
        return ConnectionReport(token: token, account: account, accountError: account == nil ? accountError : nil, version: version,
                                latency: latency, rateLimitMax: await limiter.lastMax, rateLimitRemaining: await limiter.lastRemaining,
                                activities: activities)
    }
}
