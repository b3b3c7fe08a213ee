import JSONValue

/// Every failure of the HubSpot client: what happened, where (method and path), and HubSpot's body
/// when it answered. `description` is one line a person can act on.
public struct HubSpotAPIError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public enum Kind: Sendable, Hashable {
        /// HubSpot answered with this error status.
        case http(status: Int)
        /// The request did not complete at the network level.
        case transport(TransportFailure)
        /// hubsh refused the request before sending it (bad input, a HubSpot limit it would break).
        case invalidRequest
        /// HubSpot answered something hubsh could not read.
        case invalidResponse
    }

    public var kind: Kind
    /// What went wrong, in words (HubSpot's message when it gave one).
    public var message: String
    /// `GET /crm/v3/objects/contacts`: where it happened, when a request was involved.
    public var location: String?
    /// HubSpot's error body, when it sent one.
    public var body: HubSpotErrorBody?
    /// The attempts made before giving up (1 when not retried).
    public var attempts = 1
    /// A write whose outcome is unknown: it may or may not have been applied (a timeout or a dropped
    /// connection after the request was sent). Such a write is never repeated blindly.
    public var isAmbiguous = false

    public init(_ kind: Kind, _ message: String, location: String? = nil, body: HubSpotErrorBody? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
        self.body = body
    }

    /// The HTTP status, when HubSpot answered.
    public var status: Int? {
        if case .http(let status) = kind { return status }
        return nil
    }

    /// HubSpot's category (`VALIDATION_ERROR`, `CONFLICT`, …) or `RATE_LIMITS` for a 429.
    public var category: String? { body?.category ?? (status == 429 ? "RATE_LIMITS" : nil) }
    public var correlationId: String? { body?.correlationId }
    /// The existing record's id of a 409 conflict.
    public var existingId: String? { body?.existingId }
    /// The scopes a 403 names.
    public var missingScopes: [String] { body?.missingScopes ?? [] }

    public var description: String {
        (location.map { "\($0): " } ?? "") + summary
    }

    /// The description without the location: what happened and what to do.
    public var summary: String {
        var line = ""
        switch kind {
        case .http(let status):
            line += "HubSpot answered \(status)"
            if let category { line += " \(category)" }
            line += ": \(message)"
        case .transport(let failure):
            line += "\(failure.summary): \(message)"
        case .invalidRequest, .invalidResponse:
            line += message
        }
        if isAmbiguous { line += " — HubSpot may or may not have applied it" }
        if attempts > 1 { line += " (after \(attempts) attempts)" }
        if let hint { line += "; \(hint)" }
        return line
    }

    /// What a person should do next, for the failures that have a clear remedy.
    var hint: String? {
        switch status {
        case 401: return "check the connection's token (it may be wrong, revoked or expired)"
        case 403 where !missingScopes.isEmpty:
            return "the private app lacks the scope \(missingScopes.joined(separator: " or ")); add it in HubSpot's private-app settings"
        case 429 where body?.policyName == "DAILY": return "the account's daily API limit is used up; it resets at midnight in the account's time zone"
        default: return nil
        }
    }
}

/// A network failure, and whether the request may have reached HubSpot.
public struct TransportFailure: Sendable, Hashable {
    public enum Reason: String, Sendable, Hashable {
        /// The host answered that nothing listens there: nothing was sent, and trying again will not help.
        case refused
        /// No connection could be made in the connect time (unreachable or slow host): nothing was sent.
        case unreachable
        /// No connection could be made for another reason (unresolvable host, a failed handshake): nothing was sent.
        case connect
        /// TLS could not be set up: nothing was sent.
        case tls
        /// The connection dropped while the request or answer was in flight.
        case reset
        /// No answer within the time limit.
        case timeout
        /// Any other network failure.
        case other
    }

    public var reason: Reason

    public init(_ reason: Reason) { self.reason = reason }

    /// Whether the request may have reached HubSpot (so a non-idempotent write may have been applied).
    public var maybeSent: Bool { reason == .reset || reason == .timeout || reason == .other }

    var summary: String {
        switch reason {
        case .refused: "connection refused"
        case .unreachable: "host unreachable"
        case .connect: "could not connect"
        case .tls: "TLS failed"
        case .reset: "connection dropped"
        case .timeout: "no answer in time"
        case .other: "network failure"
        }
    }
}
