import HTTPTypes
import JSONValue

/// An error answer in HubSpot's `Error` shape (hubspot-api.md §7): the status code and the body fields
/// other than `correlationId`, which is added when the answer is rendered.
///
/// Handlers and the store throw these; `HubSpotErrorMiddleware` renders them.
public struct HubSpotError: Error, Sendable {
    /// HTTP status of the answer.
    public var status: HTTPResponse.Status
    /// `category`, e.g. `VALIDATION_ERROR`.
    public var category: String
    /// `message`, for a person.
    public var message: String
    /// `subCategory`, when HubSpot sends one.
    public var subCategory: String?
    /// `context`: a map of string arrays.
    public var context: JSONObject?
    /// `errors[]`: `ErrorDetail` objects.
    public var errors: [JSONValue]?
    /// `links`.
    public var links: JSONObject?
    /// A body that does not follow the `Error` shape (the 429 bodies); replaces the fields above.
    public var customBody: JSONObject?
    /// Extra response headers.
    public var headers: HTTPFields = [:]

    public init(
        status: HTTPResponse.Status, category: String, message: String, subCategory: String? = nil,
        context: JSONObject? = nil, errors: [JSONValue]? = nil, links: JSONObject? = nil
    ) {
        self.status = status
        self.category = category
        self.message = message
        self.subCategory = subCategory
        self.context = context
        self.errors = errors
        self.links = links
    }

    /// The body as HubSpot orders it: status, message, correlationId, context, errors, links, category.
    public func body(correlationId: String) -> JSONValue {
        if var custom = customBody {
            if custom["correlationId"] != nil { custom["correlationId"] = .string(correlationId) }
            return .object(custom)
        }
        var body: JSONObject = ["status": "error", "message": .string(message), "correlationId": .string(correlationId)]
        if let context { body["context"] = .object(context) }
        if let errors { body["errors"] = .array(errors) }
        if let links { body["links"] = .object(links) }
        body["category"] = .string(category)
        if let subCategory { body["subCategory"] = .string(subCategory) }
        return .object(body)
    }

    /// The same problem as one entry of a batch answer's `errors[]` (`StandardError`), which always
    /// carries `status, category, message, context, links, errors` (HubSpot's SDKs require all six).
    public var standardError: JSONValue {
        var item: JSONObject = ["status": "error", "category": .string(category)]
        if let subCategory { item["subCategory"] = .string(subCategory) }
        item["message"] = .string(message)
        item["context"] = .object(context ?? [:])
        item["links"] = .object(links ?? [:])
        item["errors"] = .array(errors ?? [])
        return .object(item)
    }
}

extension HubSpotError {
    /// 400 `VALIDATION_ERROR` with a message.
    public static func validation(_ message: String, context: JSONObject? = nil, errors: [JSONValue]? = nil, subCategory: String? = nil) -> HubSpotError {
        HubSpotError(status: .badRequest, category: "VALIDATION_ERROR", message: message, subCategory: subCategory, context: context, errors: errors)
    }

    /// 400 for a body that is not JSON. HubSpot answers `Invalid input JSON on line L, column C: …`
    /// [O]; the text after the colon is ours.
    public static func invalidJSON(_ text: [UInt8], _ error: JSONParseError) -> HubSpotError {
        invalidJSON(text, at: error.offset, error.reason)
    }

    /// 400 `Invalid input JSON on line L, column C: reason`, the place being byte `offset` of `text`. HubSpot
    /// answers so for any body its typed input cannot read: not JSON, empty, not UTF-8, or a value of the
    /// wrong kind (`Cannot deserialize value of type … from Array value`, at the value) [O].
    public static func invalidJSON(_ text: [UInt8], at offset: Int, _ reason: String) -> HubSpotError {
        var line = 1
        var column = 1
        for byte in text.prefix(offset) {
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
        }
        return .validation("Invalid input JSON on line \(line), column \(column): \(reason)")
    }

    /// 415 for a body sent without `Content-Type: application/json` (missing, or another type). HubSpot's
    /// endpoints consume JSON only; the status is the HTTP one for that, the wording ours (UNCONFIRMED).
    public static func unsupportedMediaType(_ contentType: String?) -> HubSpotError {
        let given = contentType.map { "Content-Type '\($0)' is not supported" } ?? "The request has no Content-Type"
        return HubSpotError(status: .unsupportedMediaType, category: "VALIDATION_ERROR",
                            message: "\(given): send the body as JSON with Content-Type: application/json")
    }

    /// 405 for a method no HubSpot endpoint takes (HubSpot's status for one is UNCONFIRMED).
    public static func methodNotAllowed(_ method: String?) -> HubSpotError {
        HubSpotError(status: .methodNotAllowed, category: "VALIDATION_ERROR",
                     message: "Method \(method.map { "'\($0)' " } ?? "")not allowed: the API takes GET, POST, PUT, PATCH and DELETE")
    }

    /// 414 for a request target (path and query) longer than `limit` bytes (hubspot-api.md §7 lists 414).
    public static func uriTooLong(_ length: Int?, limit: Int) -> HubSpotError {
        let size = length.map { "is \($0) bytes" } ?? "is too long"
        return HubSpotError(status: .uriTooLong, category: "VALIDATION_ERROR",
                            message: "URI too long: the request's path and query \(size); at most \(limit) are accepted")
    }

    /// 431 for request headers over the limit (`what` says which).
    public static func headersTooLarge(_ what: String) -> HubSpotError {
        HubSpotError(status: .requestHeaderFieldsTooLarge, category: "VALIDATION_ERROR", message: "Request header fields too large: \(what)")
    }

    /// 404 `OBJECT_NOT_FOUND` for a single-record read, update or archive (the text has two spaces after
    /// "found." [O]).
    public static func objectNotFound(_ id: String) -> HubSpotError {
        HubSpotError(status: .notFound, category: "OBJECT_NOT_FOUND", message: "Object not found.  objectId are usually numeric.", context: ["id": [.string(id)]])
    }

    /// 404 for a resource other than a record (pipeline, owner, property, schema, label).
    public static func resourceNotFound(_ message: String) -> HubSpotError {
        HubSpotError(status: .notFound, category: "OBJECT_NOT_FOUND", message: message)
    }

    /// 409 `CONFLICT`: HubSpot puts the existing id only in the message [O].
    public static func contactExists(existingId: Int) -> HubSpotError {
        HubSpotError(status: .conflict, category: "CONFLICT", message: "Contact already exists. Existing ID: \(existingId)")
    }

    /// 409 for another unique value; the wording follows the contact form (UNCONFIRMED for custom
    /// unique properties, hubspot-api.md §7).
    public static func uniqueValueExists(property: String, value: String, existingId: Int) -> HubSpotError {
        HubSpotError(status: .conflict, category: "CONFLICT",
                     message: "A record with \(property)=\(value) already exists. Existing ID: \(existingId)")
    }

    /// 401 `INVALID_AUTHENTICATION`, verbatim from HubSpot (hubspot-api.md §1.3).
    public static var invalidAuthentication: HubSpotError {
        var error = HubSpotError(
            status: .unauthorized, category: "INVALID_AUTHENTICATION",
            message: "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview")
        error.headers[.hubSpotAuthFailure] = "401 Unauthorized"
        return error
    }

    /// 403 `MISSING_SCOPES`, in the documented form with `requiredGranularScopes` (hubspot-api.md §1.3).
    public static func missingScopes(_ required: [String]) -> HubSpotError {
        HubSpotError(
            status: .forbidden, category: "MISSING_SCOPES",
            message: "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
            errors: [["message": "One or more of the following scopes are required.",
                      "context": ["requiredGranularScopes": .array(required.map(JSONValue.string))]]],
            links: ["scopes": "https://developers.hubspot.com/scopes"])
    }

    /// A 429 with HubSpot's rate-limit body (hubspot-api.md §8): `errorType` and `policyName`, no `category`.
    public static func rateLimited(_ policy: RateLimitPolicy) -> HubSpotError {
        var error = HubSpotError(status: .tooManyRequests, category: "RATE_LIMITS", message: policy.message)
        error.customBody = ["status": "error", "message": .string(policy.message), "errorType": "RATE_LIMIT",
                            "correlationId": "", "policyName": .string(policy.rawValue)]
        return error
    }

    /// An injected server failure (500 or 503). HubSpot documents no body for these; we send the
    /// `Error` shape, which every client already parses (UNCONFIRMED).
    public static func serverFailure(_ status: HTTPResponse.Status) -> HubSpotError {
        let message = status == .serviceUnavailable ? "The service is temporarily unavailable. Please try again." : "An internal error occurred."
        return HubSpotError(status: status, category: status == .serviceUnavailable ? "SERVICE_UNAVAILABLE" : "INTERNAL_ERROR", message: message)
    }
}

/// The rate-limit policies HubSpot names in a 429 body.
public enum RateLimitPolicy: String, Sendable {
    /// The per-app 10-second burst window.
    case tenSecondlyRolling = "TEN_SECONDLY_ROLLING"
    /// The search API's per-second limit (the policy name is UNCONFIRMED; the message is what HubSpot's
    /// Node SDK keys on).
    case secondly = "SECONDLY"
    /// The per-account daily limit.
    case daily = "DAILY"

    var message: String {
        switch self {
        case .tenSecondlyRolling: "You have reached your ten_secondly_rolling limit."
        case .secondly: "You have reached your secondly limit."
        case .daily: "You have reached your daily limit."
        }
    }
}
