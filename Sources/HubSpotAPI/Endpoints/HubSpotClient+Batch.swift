import JSONValue

/// A batch answer: 200/201, or 207 with per-input errors (hubspot-api.md §2.5).
public struct BatchResponse: Sendable {
    public var status: Int
    public var results: [CRMRecord]
    public var errors: [HubSpotErrorBody]
    public var correlationId: String?
    /// Whether an earlier attempt of this call may have been applied before the one answered.
    public var earlierAttemptMayHaveApplied: Bool

    init(_ response: HubSpotResponse) throws(HubSpotAPIError) {
        status = response.status
        let json = try response.json()
        results = try json.records()
        errors = (json["errors"]?.arrayValue ?? []).map(HubSpotErrorBody.init)
        correlationId = response.correlationId
        earlierAttemptMayHaveApplied = response.earlierAttemptMayHaveApplied
    }
}

/// The batch endpoints: at most 100 inputs per call.
extension HubSpotClient {
    /// HubSpot's limit of inputs per batch call.
    public static let batchLimit = 100

    /// HubSpot's limit of inputs per batch read that asks for property history (hubspot-api.md §2.5).
    public static let historyBatchLimit = 50

    /// `POST …/batch/read`: records by id or by a unique `idProperty`, properties in the body; with
    /// `propertiesWithHistory` each record also carries those properties' earlier values (at most
    /// `historyBatchLimit` ids then: more are refused before anything is sent).
    public func batchRead(_ objectType: String, ids: [String], properties: [String] = [], propertiesWithHistory: [String] = [],
                          idProperty: String? = nil, archived: Bool = false) async throws(HubSpotAPIError) -> BatchResponse {
        if !propertiesWithHistory.isEmpty, ids.count > HubSpotClient.historyBatchLimit {
            throw HubSpotAPIError(.invalidRequest, "a batch read with property history takes at most \(HubSpotClient.historyBatchLimit) records, not \(ids.count)")
        }
        var body: JSONObject = ["inputs": .array(ids.map { ["id": .string($0)] })]
        if !properties.isEmpty { body["properties"] = .array(properties.map(JSONValue.string)) }
        if !propertiesWithHistory.isEmpty { body["propertiesWithHistory"] = .array(propertiesWithHistory.map(JSONValue.string)) }
        if let idProperty { body["idProperty"] = .string(idProperty) }
        let query: [(name: String, value: String)] = archived ? [("archived", "true")] : []
        return try await batch(HubSpotRequest(.POST, "\(batchPath(objectType))/read", query: query, body: .object(body), idempotent: true))
    }

    /// `POST …/batch/create` → 201 or 207. Inputs are `{properties, associations?, objectWriteTraceId?}`;
    /// with a unique trace id on every input HubSpot reports failures per input instead of failing all.
    public func batchCreate(_ objectType: String, inputs: [JSONValue]) async throws(HubSpotAPIError) -> BatchResponse {
        try await batch(HubSpotRequest(.POST, "\(batchPath(objectType))/create", body: ["inputs": .array(inputs)], idempotent: false))
    }

    /// `POST …/batch/update` → 200 or 207. Inputs are `{id, idProperty?, properties, objectWriteTraceId?}`.
    public func batchUpdate(_ objectType: String, inputs: [JSONValue]) async throws(HubSpotAPIError) -> BatchResponse {
        try await batch(HubSpotRequest(.POST, "\(batchPath(objectType))/update", body: ["inputs": .array(inputs)], idempotent: true))
    }

    /// `POST …/batch/upsert` → 200 or 207. Inputs are `{id: key, idProperty, properties}`; results carry `new`.
    public func batchUpsert(_ objectType: String, inputs: [JSONValue]) async throws(HubSpotAPIError) -> BatchResponse {
        try await batch(HubSpotRequest(.POST, "\(batchPath(objectType))/upsert", body: ["inputs": .array(inputs)], idempotent: true))
    }

    /// `POST …/batch/archive` → 204.
    public func batchArchive(_ objectType: String, ids: [String]) async throws(HubSpotAPIError) {
        let body: JSONValue = ["inputs": .array(ids.map { ["id": .string($0)] })]
        _ = try await send(HubSpotRequest(.POST, "\(batchPath(objectType))/archive", body: body, idempotent: true))
    }

    func batchPath(_ objectType: String) -> String { "\(version.objects)/\(segment(objectType))/batch" }

    func batch(_ request: HubSpotRequest) async throws(HubSpotAPIError) -> BatchResponse {
        try await answer(request, BatchResponse.init)
    }
}
