import JSONValue

/// What a private-app token is (hubspot-api.md §1.2): the account, the user and app behind it, and
/// the scopes it carries.
public struct TokenInfo: Sendable, Hashable {
    /// The account (portal) id.
    public var hubId: Int
    public var userId: Int?
    public var appId: Int?
    public var scopes: [String]

    /// Reads the token-info answer; refuses one without a `hubId`.
    public init(_ json: JSONValue) throws(HubSpotAPIError) {
        let hubId = try json.identified(by: "hubId", \.intValue, else: "token info without a hubId").key
        self.hubId = hubId
        userId = json["userId"]?.intValue
        appId = json["appId"]?.intValue
        scopes = (json["scopes"]?.arrayValue ?? []).compactMap(\.stringValue)
    }
}

/// The account's settings (`/account-info/…/details`).
public struct AccountDetails: Sendable, Hashable {
    /// The details exactly as received.
    public let json: JSONObject
    public var portalId: Int
    /// `STANDARD`, `SANDBOX`, `DEVELOPER_TEST` or `APP_DEVELOPER`.
    public var accountType: String
    public var timeZone: String
    public var companyCurrency: String
    /// `-05:00`.
    public var utcOffset: String
    /// `app.hubspot.com` or `app-eu1.hubspot.com`.
    public var uiDomain: String
    /// `na1`, `eu1`, …
    public var dataHostingLocation: String

    /// Reads the details; refuses JSON without a `portalId`.
    public init(_ json: JSONValue) throws(HubSpotAPIError) {
        let (object, portalId) = try json.identified(by: "portalId", \.intValue, else: "account details without a portalId")
        self.json = object
        self.portalId = portalId
        accountType = object["accountType"]?.stringValue ?? ""
        timeZone = object["timeZone"]?.stringValue ?? ""
        companyCurrency = object["companyCurrency"]?.stringValue ?? ""
        utcOffset = object["utcOffset"]?.stringValue ?? ""
        uiDomain = object["uiDomain"]?.stringValue ?? ""
        dataHostingLocation = object["dataHostingLocation"]?.stringValue ?? ""
    }
}

/// One daily API usage counter of the account's private apps.
public struct ApiUsage: Sendable, Hashable {
    /// `private-apps-api-calls-daily`.
    public var name: String
    public var usageLimit: Int
    public var currentUsage: Int
    /// `SUCCESS`, `CACHED`, `FAILURE`, `NOTFOUND` or `TIMEOUT`.
    public var fetchStatus: String
    public var collectedAt: String?
    /// When the counter starts again (midnight in the account's time zone).
    public var resetsAt: String?

    /// Reads one usage entry.
    public init(_ json: JSONValue) {
        name = json["name"]?.stringValue ?? ""
        usageLimit = json["usageLimit"]?.intValue ?? 0
        currentUsage = json["currentUsage"]?.intValue ?? 0
        fetchStatus = json["fetchStatus"]?.stringValue ?? ""
        collectedAt = json["collectedAt"]?.stringValue
        resetsAt = json["resetsAt"]?.stringValue
    }
}
