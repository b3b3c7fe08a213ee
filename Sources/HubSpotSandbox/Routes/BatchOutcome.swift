import JSONValue

/// A batch answer as HubSpot sends it (hubspot-api.md §2.5): 200/201 when nothing failed, 207 with
/// `errors` otherwise.
public struct BatchOutcome: Sendable {
    /// One encoded result per input that succeeded.
    public var results: [JSONValue] = []
    /// One `StandardError` per failure.
    public var errors: [JSONValue] = []
    /// When the store began the call (`startedAt`); `completedAt` is the time of encoding.
    public var startedAt: Timestamp

    /// A typed batch outcome, each result encoded by `encode` and each error as a `StandardError`.
    init<Result>(_ outcome: BatchResults<Result>, encode: (Result) -> JSONValue) {
        self.init(results: outcome.results.map(encode), errors: outcome.errors.map(\.standardError), startedAt: outcome.startedAt)
    }

    init(results: [JSONValue] = [], errors: [JSONValue] = [], startedAt: Timestamp) {
        self.results = results
        self.errors = errors
        self.startedAt = startedAt
    }

    /// `BatchResponseSimplePublicObject` (with `numErrors`/`errors` when some inputs failed).
    public var body: JSONValue {
        var body: JSONObject = ["status": "COMPLETE", "results": .array(results)]
        if !errors.isEmpty {
            body["numErrors"] = .int(errors.count)
            body["errors"] = .array(errors)
        }
        body["startedAt"] = .string(startedAt.iso8601)
        body["completedAt"] = .string(Timestamp.now().iso8601)
        return .object(body)
    }
}
