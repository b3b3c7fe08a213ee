import JSONValue

/// HubSpot's error body (hubspot-api.md §7): every field optional, as HubSpot says to parse it.
public struct HubSpotErrorBody: Sendable, Hashable {
    public var status: String?
    public var category: String?
    public var subCategory: String?
    public var message: String?
    public var correlationId: String?
    /// `context`: a map of string arrays (kept as JSON: batch errors sometimes nest objects).
    public var context: JSONObject
    /// `errors[]` details: `{message, code?, in?, subCategory?, context?}`.
    public var errors: [JSONValue]
    public var links: JSONObject
    /// Rate-limit bodies carry `policyName` (`TEN_SECONDLY_ROLLING`, `DAILY`, `SECONDLY`) and `errorType`.
    public var policyName: String?
    public var errorType: String?
    /// An `id` some batch errors carry.
    public var id: String?

    /// Reads a parsed body; fields of the wrong type are ignored.
    public init(_ json: JSONValue) {
        status = json["status"]?.stringValue
        category = json["category"]?.stringValue
        subCategory = json["subCategory"]?.scalarText
        message = json["message"]?.stringValue
        correlationId = json["correlationId"]?.stringValue
        context = json["context"]?.objectValue ?? [:]
        errors = json["errors"]?.arrayValue ?? []
        links = json["links"]?.objectValue ?? [:]
        policyName = json["policyName"]?.stringValue
        errorType = json["errorType"]?.stringValue
        id = json["id"]?.scalarText
    }

    /// The id of the record a 409 conflict names (`Contact already exists. Existing ID: 37765128953`):
    /// HubSpot puts it only in the message.
    public var existingId: String? {
        guard let message, let range = message.firstRange(of: "Existing ID: ") else { return nil }
        let digits = message[range.upperBound...].prefix { $0.isNumber }
        return digits.isEmpty ? nil : String(digits)
    }

    /// The scopes a 403 says are required or missing, from `requiredGranularScopes`,
    /// `requiredScopes` or `missingScopes`, in the body's context or any `errors[].context`.
    public var missingScopes: [String] {
        let keys = ["requiredGranularScopes", "requiredScopes", "missingScopes"]
        var scopes: [String] = []
        for context in [context] + errors.compactMap({ $0["context"]?.objectValue }) {
            for key in keys {
                for scope in context[key]?.arrayValue ?? [] {
                    if let scope = scope.stringValue, !scopes.contains(scope) { scopes.append(scope) }
                }
            }
        }
        return scopes
    }

    /// The values of one `context` key as strings (`ids`, `objectWriteTraceId`, `propertyName`…).
    public func contextValues(_ key: String) -> [String] {
        context[key]?.arrayValue?.compactMap(\.scalarText) ?? []
    }
}
