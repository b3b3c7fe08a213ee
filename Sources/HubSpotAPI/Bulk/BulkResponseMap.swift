import JSONValue

/// Matches a batch answer to the items sent: results by trace id, id or key, errors by the trace ids
/// or ids in their context; a result that names none of them (no trace id, or the id of the record a
/// merged one became) by the values it holds. Never by position: an item that no result or error can
/// be tied to gets the batch's unattributed error, an ambiguous outcome when unnamed results may be
/// its own, or a failure saying HubSpot did not mention it — never nothing, never another's result.
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
        var spare: [CRMRecord] = []
        for record in unmatched {
            let holders = outcomes.indices.filter { outcomes[$0] == nil && holds(record, items[$0]) }
            // Inputs that hold the same values are interchangeable: the first takes it.
            if let index = holders.first { outcomes[index] = .succeeded(record, note: nil) } else { spare.append(record) }
        }
        let left = outcomes.indices.filter { outcomes[$0] == nil }
        if left.count == 1, spare.count == 1, unattributed == nil {
            outcomes[left[0]] = .succeeded(spare[0], note: nil)
            spare = []
        }
        let unnamed = HubSpotAPIError(.invalidResponse, "HubSpot's batch answer has results that name no input; this input may be one of them")
        return outcomes.map { outcome in
            if let outcome { return outcome }
            if let unattributed { return .failed(unattributed) }
            if !spare.isEmpty { return .ambiguous(unnamed) }
            return .failed(HubSpotAPIError(.invalidResponse, "HubSpot's batch answer did not mention this input"))
        }
    }

    /// Whether `record` holds every value `item` sent (text compared regardless of case and outer spaces,
    /// as HubSpot may normalise an e-mail address); an item that sent nothing holds nothing to tell.
    private func holds(_ record: CRMRecord, _ item: BulkItem) -> Bool {
        guard !item.properties.isEmpty else { return false }
        func normal(_ text: String) -> String { text.trimmingCharacters(in: " ").lowercased() }
        return item.properties.allSatisfy { name, value in
            guard let sent = value.scalarText, let held = record[property: name] else { return false }
            return normal(sent) == normal(held)
        }
    }

    /// The item a result belongs to.
    private func match(_ record: CRMRecord, byTrace: [String: Int], byKey: [String: Int]) -> Int? {
        if let trace = record.json["objectWriteTraceId"]?.scalarText, let index = byTrace[trace] { return index }
        switch operation {
        case .create, .archive, .associate, .unassociate:
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
