import JSONValue

/// One HubSpot call as the middleware sees it, before the base URL and token are applied.
public struct HubSpotRequest: Sendable {
    public enum Method: String, Sendable { case GET, POST, PUT, PATCH, DELETE }

    /// How the rate limiter counts the call: HubSpot limits search separately (5 per second) from the
    /// ten-second burst window (hubspot-api.md §8).
    public enum Budget: Sendable { case burst, search }

    public var method: Method
    /// The path, starting with `/`, without query.
    public var path: String
    /// Query parameters in order; repeated names are allowed.
    public var query: [(name: String, value: String)]
    public var body: JSONValue?
    /// A body that is not JSON (an import's multipart form), sent as it is with `contentType`.
    public var rawBody: (bytes: [UInt8], contentType: String)?
    /// Whether sending it twice has the same effect as once (reads, search, update, upsert, archive).
    /// A create is not: it is never repeated after it may have been applied.
    public var idempotent: Bool
    public var budget: Budget
    public var headers: [(name: String, value: String)] = []
    /// How long one attempt may take; nil for the client's time for this kind of call (`CallTimeouts`).
    public var timeout: Duration?

    public init(_ method: Method, _ path: String, query: [(name: String, value: String)] = [], body: JSONValue? = nil,
                idempotent: Bool? = nil, budget: Budget = .burst) {
        self.method = method
        self.path = path
        self.query = query
        self.body = body
        self.idempotent = idempotent ?? (method != .POST)
        self.budget = budget
    }

    /// `POST /crm/v3/objects/contacts/batch/create`: how errors and logs name the call.
    public var location: String { "\(method.rawValue) \(path)" }

    /// The path with its percent-encoded query.
    public var target: String {
        guard !query.isEmpty else { return path }
        return path + "?" + query.map { "\(percentEncode($0.name))=\(percentEncode($0.value))" }.joined(separator: "&")
    }
}

/// HubSpot's answer: status, headers (names lowercased) and body bytes.
public struct HubSpotResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]
    /// How many attempts it took (set by the retry middleware).
    public var attempts = 1
    /// Whether an attempt before the one answered may have been applied (its answer was lost, or
    /// HubSpot failed with a 5xx): an upsert's `new: false` may then be this job's own earlier create.
    public var earlierAttemptMayHaveApplied = false

    public init(status: Int, headers: [String: String], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The body as JSON (`null` when empty, as a 204 is).
    public func json() throws(HubSpotAPIError) -> JSONValue {
        guard !body.isEmpty else { return .null }
        do {
            return try JSONValue(parsing: body)
        } catch {
            throw HubSpotAPIError(.invalidResponse, "HubSpot's answer (\(status)) is not JSON: \(error)")
        }
    }

    public var correlationId: String? { headers["x-hubspot-correlation-id"] }
}

/// RFC 3986 unreserved characters stay; everything else is percent-encoded.
func percentEncode(_ text: String) -> String {
    var out = ""
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            out.unicodeScalars.append(Unicode.Scalar(byte))
        default:
            out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
        }
    }
    return out
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
