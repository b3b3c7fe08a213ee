import JSONValue

/// Sends one chunk of a bulk job (at most 100 inputs) and accounts for every input: prepares and
/// merges inputs, sends the batch, maps HubSpot's results and per-input errors back, splits a batch
/// HubSpot refused whole to isolate the bad inputs, and settles creates whose outcome is unknown.
struct BulkBatch: Sendable {
    let client: HubSpotClient
    let operation: BulkOperation
    let encoder: PropertyValueEncoder?
    /// Read-backs and repeats allowed for creates whose outcome is unknown.
    let ambiguousChecks = 3

    /// One result per input of `chunk`, in its order.
    func run(_ chunk: [(index: Int, input: BulkInput)]) async -> [BulkResult] {
        var early: [Int: BulkResult] = [:]
        var items: [BulkItem] = []
        var itemOf: [BulkItem.Target: Int] = [:]
        for (position, entry) in chunk.enumerated() {
            do throws(HubSpotAPIError) {
                let item = try prepare(entry.input, index: entry.index, position: position)
                if let identity = item.identity, let existing = itemOf[identity] {
                    items[existing].positions.append(position)
                    items[existing].properties.merge(item.properties) { _, later in later }
                } else {
                    if let identity = item.identity { itemOf[identity] = items.count }
                    items.append(item)
                }
            } catch {
                early[position] = BulkResult(index: entry.index, input: entry.input, outcome: .failed(error))
            }
        }
        let outcomes = items.isEmpty ? [] : await send(items)
        var results = [BulkResult?](repeating: nil, count: chunk.count)
        for (position, result) in early { results[position] = result }
        for (item, outcome) in zip(items, outcomes) {
            for position in item.positions {
                var result = outcome.result(index: chunk[position].index, input: chunk[position].input)
                if item.positions.count > 1 {
                    result.note = [result.note, "merged with other inputs of the same key"].compactMap { $0 }.joined(separator: "; ")
                }
                results[position] = result
            }
        }
        return results.enumerated().map { position, result in
            result ?? BulkResult(index: chunk[position].index, input: chunk[position].input,
                                 outcome: .failed(HubSpotAPIError(.invalidResponse, "no outcome was recorded for this input")))
        }
    }

    /// Checks and encodes one input.
    func prepare(_ input: BulkInput, index: Int, position: Int) throws(HubSpotAPIError) -> BulkItem {
        if operation.associationPair != nil {
            // Both ids are there and not empty once the pair has no problem.
            if let problem = operation.pairProblem(input) { throw problem }
            return BulkItem(positions: [position], target: .pair(from: input.id ?? "", to: input.toId ?? ""), properties: [:], associations: [], traceId: "hubsh-\(index)")
        }
        let (key, properties) = try BulkInputCheck(operation: operation, encoder: encoder).prepare(input)
        return BulkItem(positions: [position], target: key.map(BulkItem.Target.record) ?? .new, properties: properties,
                        associations: input.associations, traceId: "hubsh-\(index)")
    }

    /// One outcome per item, in order.
    func send(_ items: [BulkItem]) async -> [BulkItemOutcome] {
        do {
            return try await attempt(items)
        } catch let error where error.isAmbiguous {
            return await settle(items, after: error)
        } catch {
            return await isolate(items, refused: error)
        }
    }

    /// One batch call, its answer mapped to the items.
    func attempt(_ items: [BulkItem]) async throws(HubSpotAPIError) -> [BulkItemOutcome] {
        let type = operation.objectType
        let inputs = items.map { $0.body(operation) }
        let started = UTCDate.nowMilliseconds
        var response: BatchResponse
        do {
            switch operation {
            case .create: response = try await client.batchCreate(type, inputs: inputs)
            case .update: response = try await client.batchUpdate(type, inputs: inputs)
            case .upsert: response = try await client.batchUpsert(type, inputs: inputs)
            case .archive:
                try await client.batchArchive(type, ids: items.compactMap(\.key))
                return items.map { _ in .succeeded(nil, note: nil) }
            case .associate(_, let toType, let types):
                let pairs = items.compactMap(\.pair)
                let answer = try await client.batchAssociate(type, toType, pairs: pairs, types: types)
                return BulkBatch.outcomes(of: answer, for: pairs)
            case .unassociate(_, let toType, let types):
                // The archive calls answer 204 with no per-pair word: each pair sent is done.
                try await client.batchUnassociate(type, toType, pairs: items.compactMap(\.pair), types: types)
                return items.map { _ in .succeeded(nil, note: nil) }
            }
        } catch {
            // A create that met a 500 may have been applied: settle it like a lost answer.
            var error = error
            if case .create = operation, error.status == 500 { error.isAmbiguous = true }
            throw error
        }
        if case .upsert = operation, response.earlierAttemptMayHaveApplied {
            response.results = response.results.map { BulkBatch.createdByALostAttempt($0, since: started) ?? $0 }
        }
        return BulkResponseMap(operation: operation, items: items, response: response).outcomes()
    }

    /// How far HubSpot's clock may be behind this machine's when judging what a lost attempt created.
    static let clockSkew: Int64 = 30_000

    /// An upsert result that says `new: false` only because an earlier attempt of the same call, whose
    /// answer was lost, created the record: made after the call was first sent, it is reported as new.
    static func createdByALostAttempt(_ record: CRMRecord, since started: Int64) -> CRMRecord? {
        guard record.isNew == false, let created = record.createdAt.flatMap(UTCDate.milliseconds),
              created >= started - clockSkew else { return nil }
        var json = record.json
        json["new"] = true
        return try? CRMRecord(.object(json))
    }

    /// A batch HubSpot refused whole: halve it until the inputs it objects to stand alone, so every
    /// good input still lands (about 2 × log₂ 100 extra calls per bad input).
    func isolate(_ items: [BulkItem], refused error: HubSpotAPIError) async -> [BulkItemOutcome] {
        guard items.count > 1, BulkBatch.isInputSpecific(error) else { return items.map { _ in .failed(error) } }
        let middle = items.count / 2
        return await send(Array(items[..<middle])) + send(Array(items[middle...]))
    }

    /// Items whose create may or may not have happened. With a unique property on every input, reads
    /// them back by it: found ones succeeded, missing ones are sent again (a few times at most).
    /// Without one, they are reported as ambiguous and not repeated.
    func settle(_ items: [BulkItem], after error: HubSpotAPIError) async -> [BulkItemOutcome] {
        guard case .create(let type, let unique?) = operation else { return items.map { _ in .ambiguous(error) } }
        var outcomes = [BulkItemOutcome?](repeating: nil, count: items.count)
        var open = Array(items.indices)
        var lastError = error
        for _ in 0..<ambiguousChecks where !open.isEmpty {
            let keyed = open.compactMap { index in
                items[index].properties[unique]?.stringValue.flatMap { $0.isEmpty ? nil : (index: index, key: $0) }
            }
            for index in open where !keyed.contains(where: { $0.index == index }) { outcomes[index] = .ambiguous(lastError) }
            open = keyed.map(\.index)
            guard !open.isEmpty else { break }
            let keys = keyed.map(\.key)
            let found: [String: CRMRecord]
            do {
                let read = try await client.batchRead(type, ids: keys, properties: [unique], idProperty: unique)
                found = Dictionary(read.results.compactMap { record in record[property: unique].map { ($0.lowercased(), record) } },
                                   uniquingKeysWith: { a, _ in a })
            } catch {
                break
            }
            var missing: [Int] = []
            for (index, key) in zip(open, keys) {
                if let record = found[key.lowercased()] {
                    outcomes[index] = .succeeded(record, note: "created; confirmed by reading it back by \(unique) after: \(lastError.message)")
                } else {
                    missing.append(index)
                }
            }
            open = missing
            guard !open.isEmpty else { break }
            do {
                let repeated = try await attempt(open.map { items[$0] })
                for (index, outcome) in zip(open, repeated) { outcomes[index] = outcome }
                open = []
            } catch let failure where failure.isAmbiguous {
                lastError = failure
            } catch {
                let isolated = await isolate(open.map { items[$0] }, refused: error)
                for (index, outcome) in zip(open, isolated) { outcomes[index] = outcome }
                open = []
            }
        }
        return outcomes.map { $0 ?? .ambiguous(lastError) }
    }

    /// Association results matched by their pair of ids; an unmatched pair gets the batch's error.
    static func outcomes(of answer: AssociationBatchResponse, for pairs: [(from: String, to: String)]) -> [BulkItemOutcome] {
        let linked = Set(answer.links.map { BulkItem.Target.pair(from: $0.fromId, to: $0.toId) })
        let error = answer.errors.first.map { HubSpotAPIError(.http(status: BulkResponseMap.status(of: $0)), $0.message ?? "failed", body: $0) }
        return pairs.map { pair in
            if linked.contains(.pair(from: pair.from, to: pair.to)) || (error == nil && answer.links.isEmpty) { return .succeeded(nil, note: nil) }
            return .failed(error ?? HubSpotAPIError(.invalidResponse, "HubSpot's batch answer did not mention this pair"))
        }
    }

    /// Whether a whole-batch refusal may be caused by some of its inputs (a validation error, a
    /// conflict), as opposed to the token, the scopes, the limits or HubSpot itself.
    static func isInputSpecific(_ error: HubSpotAPIError) -> Bool {
        guard let status = error.status else { return false }
        return status == 400 || status == 409 || status == 422
    }
}
