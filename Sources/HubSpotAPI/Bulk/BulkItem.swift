import JSONValue

/// One batch input ready to send, and the chunk positions whose inputs it stands for (two inputs
/// naming the same record or pair are merged into one item, later values winning).
struct BulkItem: Sendable {
    /// What an input names, to match HubSpot's answer to it and to merge inputs naming the same thing.
    enum Target: Sendable, Hashable {
        /// A record to make (create): matched by its trace id or what it holds.
        case new
        /// A record by id or unique value (update, upsert, archive), matched regardless of case.
        case record(String)
        /// Two records to link (associate).
        case pair(from: String, to: String)
    }

    var positions: [Int]
    var target: Target
    var properties: JSONObject
    var associations: [JSONValue]
    /// `objectWriteTraceId`: makes HubSpot report a failing create or update per input (a 207).
    var traceId: String

    /// The id or unique value of the record named (update, upsert, archive).
    var key: String? {
        if case .record(let key) = target { key } else { nil }
    }

    /// The records linked (associate).
    var pair: (from: String, to: String)? {
        if case .pair(let from, let to) = target { (from, to) } else { nil }
    }

    /// Items with the same identity are one: the same record (case aside) or the same pair.
    var identity: Target? {
        switch target {
        case .new: nil
        case .record(let key): .record(key.lowercased())
        case .pair: target
        }
    }

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
        case .associate, .unassociate:
            return ["from": ["id": .string(pair?.from ?? "")], "to": ["id": .string(pair?.to ?? "")]]
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
