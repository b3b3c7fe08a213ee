import JSONValue

/// Matches a batch answer to the items sent: results by trace id, id or key, errors by the trace ids
/// or ids in their context. An item neither result nor error names gets the batch's unattributed
/// error, or a failure saying HubSpot did not mention it — never nothing.
struct BulkResponseMap {
    let operation: BulkOperation
    let items: [BulkItem]
    let response: BatchResponse

    func outcomes() -> [BulkItemOutcome] {
        var outcomes = [BulkItemOutcome?](repeating: nil, count: items.count)
        let byTrace = Dictionary(items.enumerated().map { ($1.traceId, $0) }, uniquingKeysWith: { a, _ in a })
        let byKey = Dictionary(items.enumerated().compactMap { index, item in item.key.map { ($0.lowercased(), index) } },
                               uniquingKeysWith: { a, _ in a })
        var unmatched: [CRMRecord] = []
        for record in response.results {
            if let index = match(record, byTrace: byTrace, byKey: byKey), outcomes[index] == nil {
                outcomes[index] = .succeeded(record, note: nil)
            } else {
                unmatched.append(record)
            }
        }
        var unattributed: HubSpotAPIError?
        for body in response.errors {
            let error = HubSpotAPIError(.http(status: BulkResponseMap.status(of: body)), body.message ?? "failed", body: body)
            let traces = body.contextValues("objectWriteTraceId").compactMap { byTrace[$0] }
            let ids = body.contextValues("ids").compactMap { byKey[$0.lowercased()] }
            let named = traces.isEmpty ? ids : traces
            if named.isEmpty { unattributed = unattributed ?? error }
            for index in named where outcomes[index] == nil { outcomes[index] = .failed(error) }
        }
        // Results HubSpot gave without a name we could read: hand them out in order to the items left.
        var spare = unmatched.makeIterator()
        for index in outcomes.indices where outcomes[index] == nil && unattributed == nil {
            if let record = spare.next() { outcomes[index] = .succeeded(record, note: nil) }
        }
        return outcomes.map { outcome in
            outcome ?? .failed(unattributed ?? HubSpotAPIError(.invalidResponse, "HubSpot's batch answer did not mention this input"))
        }
    }

    /// The item a result belongs to.
    private func match(_ record: CRMRecord, byTrace: [String: Int], byKey: [String: Int]) -> Int? {
        if let trace = record.json["objectWriteTraceId"]?.scalarText, let index = byTrace[trace] { return index }
        switch operation {
        case .create, .archive, .associate:
            return nil
        case .update(_, let idProperty):
            if let index = byKey[record.id.lowercased()] { return index }
            return idProperty.flatMap { record[property: $0] }.flatMap { byKey[$0.lowercased()] }
        case .upsert(_, let idProperty):
            let key = idProperty == "hs_object_id" ? record.id : record[property: idProperty]
            return key.flatMap { byKey[$0.lowercased()] }
        }
    }

    /// A batch error's HTTP-like status from its category (batch errors carry none).
    static func status(of body: HubSpotErrorBody) -> Int {
        switch body.category {
        case "OBJECT_NOT_FOUND": 404
        case "CONFLICT": 409
        case "MISSING_SCOPES": 403
        default: 400
        }
    }
}
