import HubSpotAPI
import JSONValue

/// Carries out an `UndoPlan` through the bulk writer, journalled as an operation of its own (so an
/// undo can be undone): records set back unless someone changed them since, records made archived,
/// records archived made again (with new ids) with their associations, pairs unlinked or linked again.
struct UndoRun: Sendable {
    let plan: UndoPlan
    let target: JournalHeader
    let file: JournalWriter
    let client: HubSpotClient
    /// The properties an archived record is copied with.
    let writable: [String]
    /// The session's `set concurrency`: the most calls in flight (nil: auto, as for other reads and writes).
    var concurrency: Int? = nil

    /// One value per record or pair: `{status, id, …}` with status restored, skipped, archived,
    /// recreated, unlinked, linked or failed.
    func run() async throws -> [JSONValue] {
        let type = target.objectType
        var values: [JSONValue] = []
        var written = 0
        var failed = 0
        func add(_ value: JSONObject) {
            values.append(.object(value))
            if value["status"] == "failed" || value["status"] == "skipped" { failed += 1 } else { written += 1 }
        }

        // Set back what was updated, unless changed since the operation wrote it.
        let current = try await updatedAt(type, ids: plan.restores.map(\.id))
        var restores: [BulkInput] = []
        for restore in plan.restores {
            if let writtenAt = restore.writtenAt, let now = current[restore.id], now > writtenAt {
                add(["status": "skipped", "id": .string(restore.id), "note": .string("changed since (modified \(now))")])
                continue
            }
            restores.append(BulkInput(id: restore.id, properties: restore.properties.mapValues { $0.isNull ? .string("") : $0 }))
        }
        for result in try await write(.update(objectType: type), restores) { add(value(result, done: "restored")) }

        // Archive what was made.
        for result in try await write(.archive(objectType: type), plan.archives.map { BulkInput(id: $0) }) { add(value(result, done: "archived")) }

        // Make again what was archived: new ids, so the journal keeps the map.
        let recreated = try await write(.create(objectType: type), plan.recreations.map { BulkInput(properties: $0.properties) })
        var links: [(type: String, from: String, to: String, types: [AssociationSpec])] = []
        var map: [JournalEntry] = []
        for (recreation, result) in zip(plan.recreations, recreated) {
            var row = value(result, done: "recreated")
            row["oldId"] = .string(recreation.oldId)
            if case .succeeded = result.outcome, let id = result.id {
                map.append(.recreated(oldId: recreation.oldId, newId: id))
                for association in recreation.associations { links.append((association.toObjectType, id, association.toId, association.types)) }
            }
            add(row)
        }
        try file.append(map)
        for (toType, group) in Dictionary(grouping: links, by: \.type) {
            _ = try await client.batchCreateAssociations(type, toType, inputs: group.map { ($0.from, $0.to, $0.types) })
        }

        // Unlink what was linked; link again what an undo unlinked.
        let toType = target.toObjectType ?? type
        try file.append(plan.unlinks.map { .unlinked(from: $0.from, to: $0.to, types: $0.types) })
        for chunk in plan.unlinks.chunked(HubSpotClient.batchLimit) {
            try await client.batchArchiveAssociations(type, toType, pairs: chunk.map { ($0.from, $0.to) })
            for link in chunk { add(["status": "unlinked", "id": .string(link.from), "toId": .string(link.to)]) }
        }
        try file.append(plan.relinks.map { .linked(from: $0.from, to: $0.to, types: $0.types) })
        // Each pair with the types it held: pairs that held the same types go in one call.
        for (_, links) in Dictionary(grouping: plan.relinks, by: { $0.types.map(\.typeId) }) {
            for chunk in links.chunked(HubSpotClient.batchLimit) {
                _ = try await client.batchAssociate(type, toType, pairs: chunk.map { ($0.from, $0.to) }, types: chunk[0].types)
                for link in chunk { add(["status": "linked", "id": .string(link.from), "toId": .string(link.to)]) }
            }
        }
        try file.finish(written: written, failed: failed)
        return values
    }

    /// Each record's `updatedAt` now (ISO-8601 in HubSpot's one format, so the text orders as the time).
    private func updatedAt(_ type: String, ids: [String]) async throws -> [String: String] {
        let client = client
        let reads = try await Self.inChunks(ids, gate: readGate, limiter: client.limiter) { chunk in try await client.batchRead(type, ids: chunk).results }
        return Dictionary(reads.joined().map { ($0.id, $0.updatedAt ?? "") }, uniquingKeysWith: { a, _ in a })
    }

    /// Its reads' calls in flight: as many as the rate limit and the round trip call for, up to the
    /// session's concurrency (else the cap of `get`'s reads), as other reads are.
    private var readGate: ConcurrencyController { ConcurrencyController(cap: concurrency ?? ChunkedValues.readCap) }

    /// `body` over `items` a batch call's worth at a time, as many calls in flight as `gate` lets in
    /// (following `limiter`'s suggestion as each call ends), results in order.
    static func inChunks<Item: Sendable, Result: Sendable>(_ items: [Item], gate: ConcurrencyController, limiter: RateLimiter?,
                                                         _ body: @escaping @Sendable ([Item]) async throws -> Result) async throws -> [Result] {
        let chunks = items.chunked(HubSpotClient.batchLimit)
        return try await withThrowingTaskGroup(of: (Int, Result).self) { group in
            var results = [Result?](repeating: nil, count: chunks.count)
            for (index, chunk) in chunks.enumerated() {
                group.addTask {
                    await gate.enter()
                    do {
                        let result = try await body(chunk)
                        await gate.leave(suggestion: await limiter?.suggestedInFlight(cap: gate.cap))
                        return (index, result)
                    } catch {
                        await gate.leave(suggestion: nil)
                        throw error
                    }
                }
            }
            while let (index, result) = try await group.next() { results[index] = result }
            return results.compactMap { $0 }
        }
    }

    /// Writes `inputs` journalled into this undo's file (what the records hold first, then the writes),
    /// one result each in order.
    private func write(_ operation: BulkOperation, _ inputs: [BulkInput]) async throws -> [BulkResult] {
        guard !inputs.isEmpty else { return [] }
        let journal = WriteJournal(file: file, client: client, operation: operation, writable: writable)
        var results: [BulkResult] = []
        _ = try await Self.inChunks(inputs, gate: readGate, limiter: client.limiter) { chunk in
            try await journal.recordPriors(chunk.map { input in
                var object: JSONObject = ["properties": .object(input.properties)]
                if let id = input.id { object["id"] = .string(id) }
                return .object(object)
            })
        }
        let writer = BulkWriter(client: client, operation: operation, maxConcurrency: concurrency ?? ConcurrencyController.defaultCap)
        for try await result in JournalledResults(base: writer.results(for: inputs), journal: journal, finishes: false) {
            results.append(result)
        }
        return results
    }

    /// A result as a row: the done status, or failed with the error.
    private func value(_ result: BulkResult, done: String) -> JSONObject {
        var row: JSONObject = ["status": .string(result.succeeded ? done : "failed")]
        if let id = result.id ?? result.input.id { row["id"] = .string(id) }
        if let error = result.error { row["error"] = .string(error.summary) }
        return row
    }
}

extension Array {
    /// The elements in runs of at most `size`.
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
