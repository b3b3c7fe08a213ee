import JSONValue

/// One batch input ready to send, and the chunk positions whose inputs it stands for (two inputs
/// with the same key are merged into one item, later values winning).
struct BulkItem: Sendable {
    var positions: [Int]
    /// The id or unique key this input is matched on (update, upsert, archive).
    var key: String?
    var properties: JSONObject
    var associations: [JSONValue]
    /// `objectWriteTraceId`: makes HubSpot report a failing create or update per input (a 207).
    var traceId: String
    /// The other record of an association.
    var toId: String?

    /// The batch input body for `operation`.
    func body(_ operation: BulkOperation) -> JSONValue {
        switch operation {
        case .create:
            var body: JSONObject = ["properties": .object(properties), "objectWriteTraceId": .string(traceId)]
            if !associations.isEmpty { body["associations"] = .array(associations) }
            return .object(body)
        case .update(_, let idProperty):
            var body: JSONObject = ["id": .string(key ?? ""), "properties": .object(properties), "objectWriteTraceId": .string(traceId)]
            if let idProperty { body["idProperty"] = .string(idProperty) }
            return .object(body)
        case .upsert(_, let idProperty):
            return ["id": .string(key ?? ""), "idProperty": .string(idProperty), "properties": .object(properties)]
        case .archive:
            return ["id": .string(key ?? "")]
        case .associate:
            return ["from": ["id": .string(key ?? "")], "to": ["id": .string(toId ?? "")]]
        }
    }
}

/// What became of one item.
enum BulkItemOutcome: Sendable {
    case succeeded(CRMRecord?, note: String?)
    case failed(HubSpotAPIError)
    case ambiguous(HubSpotAPIError)
}

extension BulkItemOutcome {
    /// The result of the input at `index` that this item stood for.
    func result(index: Int, input: BulkInput) -> BulkResult {
        switch self {
        case .succeeded(let record, let note):
            BulkResult(index: index, input: input, outcome: .succeeded, record: record, id: record?.id ?? input.id, note: note)
        case .failed(let error):
            BulkResult(index: index, input: input, outcome: .failed(error))
        case .ambiguous(let error):
            BulkResult(index: index, input: input, outcome: .ambiguous(error))
        }
    }
}
