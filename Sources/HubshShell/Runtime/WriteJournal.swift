import HubSpotAPI
import JSONValue

/// Journals one statement's write (docs/shell.md, "The journal"): before a chunk of inputs goes out,
/// what its records held — an update's or upsert's prior values of the properties it writes and when
/// each record was last modified; an archive's writable properties and associations; the pairs an
/// associate links — and, as results come back, the records each batch wrote.
struct WriteJournal: Sendable {
    let file: JournalWriter
    let client: HubSpotClient
    let operation: BulkOperation
    /// The properties an archived record is copied with (those that can be written).
    let writable: [String]
    /// `update --if-unchanged`: inputs whose record was modified since it was read are marked not to
    /// be sent, and their prior values are not journalled (they are not written).
    var checksUnchanged = false

    /// The field a journalled update's input gets when its record already holds every value written,
    /// so its result says `unchanged` (HubSpot answers such a write as any other).
    static let unchangedField = "unchangedByJournal"

    /// The fields of an update's input that hold, as its piped record was read, the values of the
    /// properties written and when it was last modified: its prior values, without a batch read.
    static let heldField = "heldAsRead"
    static let heldAtField = "heldAsReadAt"

    /// The object types an archived record's associations are kept for.
    static let associatedTypes = StandardObjectType.core.map(\.name)

    /// Journals what the records of `inputs` hold now, synced, and hands the inputs on unchanged.
    func recordPriors(_ inputs: [JSONValue]) async throws -> [JSONValue] {
        let ids = inputs.compactMap { $0["id"]?.scalarText }.filter { !$0.isEmpty }
        var entries: [JournalEntry] = []
        switch operation {
        case .create:
            return inputs
        case .update(let type, let idProperty):
            // Records piped with the values they hold need no read.
            var carried: [JournalEntry] = []
            var unread: [JSONValue] = []
            for input in inputs {
                if idProperty == nil, !checksUnchanged, let id = input["id"]?.scalarText, let held = input[Self.heldField]?.objectValue {
                    carried.append(.prior(id: id, properties: held.mapValues { $0.isNull || $0 == "" ? .null : $0 },
                                          lastModified: input[Self.heldAtField]?.stringValue))
                } else {
                    unread.append(input)
                }
            }
            let unreadIds = unread.compactMap { $0["id"]?.scalarText }.filter { !$0.isEmpty }
            entries = try await carried + priors(type, ids: unreadIds, idProperty: idProperty, written: unread)
            var marked = idProperty == nil ? Self.markingUnchanged(inputs, priors: entries) : inputs
            if checksUnchanged {
                var now: [String: String] = [:]
                for case .prior(let id, _, let lastModified) in entries { now[id] = lastModified ?? "" }
                marked = UnchangedCheck.marking(marked, now: now)
                let skipped = UnchangedCheck.skipped(marked)
                entries.removeAll { entry in
                    if case .prior(let id, _, _) = entry { skipped.contains(id) } else { false }
                }
            }
            try file.append(entries)
            return marked
        case .upsert(let type, let idProperty):
            let keys = inputs.compactMap { $0["id"]?.scalarText ?? $0["properties"]?[idProperty]?.scalarText }
            entries = try await priors(type, ids: keys, idProperty: idProperty == "hs_object_id" ? nil : idProperty, written: inputs)
        case .archive(let type):
            entries = try await removed(type, ids: ids)
        case .associate(_, _, let types):
            entries = inputs.compactMap { input in
                guard let from = input["id"]?.scalarText, let to = input["toId"]?.scalarText else { return nil }
                return .linked(from: from, to: to, types: types)
            }
        case .unassociate(let from, let to, let types):
            entries = try await unlinked(from, to, pairs: inputs, removing: types)
        }
        try file.append(entries)
        return inputs
    }

    /// The inputs whose record already holds every value they write (as text, an empty value as
    /// empty), marked so their results say `unchanged`.
    static func markingUnchanged(_ inputs: [JSONValue], priors: [JournalEntry]) -> [JSONValue] {
        var held: [String: JSONObject] = [:]
        for case .prior(let id, let properties, _) in priors { held[id] = properties }
        return inputs.map { input in
            guard let id = input["id"]?.scalarText, let before = held[id], var object = input.objectValue,
                  let written = input["properties"]?.objectValue, !written.isEmpty else { return input }
            let same = written.allSatisfy { name, value in
                PropertyValueEncoder.text(value) == before[name].map { $0.isNull ? "" : PropertyValueEncoder.text($0) } ?? ""
            }
            guard same else { return input }
            object[unchangedField] = true
            return .object(object)
        }
    }

    /// The values the records hold of every property the inputs write (null where empty), by batch read.
    private func priors(_ type: String, ids: [String], idProperty: String?, written inputs: [JSONValue]) async throws -> [JournalEntry] {
        guard !ids.isEmpty else { return [] }
        var names: [String] = []
        for input in inputs {
            for name in (input["properties"]?.objectValue ?? [:]).keys where !names.contains(name) { names.append(name) }
        }
        let read = try await client.batchRead(type, ids: ids, properties: names, idProperty: idProperty)
        return read.results.map { record in
            let held = record.properties
            let values = JSONObject(uniqueKeysWithValues: names.map { name in (name, held[name].flatMap { $0.isNull ? nil : $0 } ?? .null) })
            return .prior(id: record.id, properties: values, lastModified: record.updatedAt)
        }
    }

    /// Each record's writable properties that hold a value, and its associations with the core types.
    private func removed(_ type: String, ids: [String]) async throws -> [JournalEntry] {
        guard !ids.isEmpty else { return [] }
        let read = try await client.batchRead(type, ids: ids, properties: writable)
        var associations: [String: [JournalAssociation]] = [:]
        if client.version.hasLabelledAssociations {
            for toType in Self.associatedTypes {
                let answer = try await client.batchReadAssociations(type, toType, ids: ids)
                for link in answer.links {
                    associations[link.fromId, default: []].append(
                        JournalAssociation(toObjectType: toType, toId: link.toId, types: link.types.map(\.spec)))
                }
            }
        }
        // HubSpot sends a few read-only properties (create date, id) with every record: only the writable are kept.
        let kept = Set(writable)
        return read.results.map { record in
            .removed(id: record.id, properties: record.properties.filter { kept.contains($0.key) && !$0.value.isNull && $0.value.stringValue != "" },
                     associations: associations[record.id] ?? [])
        }
    }

    /// The pairs of `inputs` that hold an association now, each with the types it loses: those of
    /// `removing` it holds, or every type it holds when `removing` is empty or names the unlabeled
    /// type (which takes the labels with it). Pairs that hold none are left out: undo must not link
    /// them. v3 reads name no type ids: every pair is journalled with the unlabeled type.
    private func unlinked(_ fromType: String, _ toType: String, pairs inputs: [JSONValue],
                          removing: [AssociationSpec]) async throws -> [JournalEntry] {
        let pairs = inputs.compactMap { input -> (String, String)? in
            guard let from = input["id"]?.scalarText, let to = input["toId"]?.scalarText, !from.isEmpty, !to.isEmpty else { return nil }
            return (from, to)
        }
        guard client.version.hasLabelledAssociations else {
            return pairs.map { .unlinked(from: $0.0, to: $0.1, types: removing) }
        }
        let held = try await client.associationTypesHeld(fromType, toType, ids: pairs.map(\.0))
        return pairs.compactMap { from, to in
            let types = held[from]?[to] ?? []
            guard !types.isEmpty else { return nil }
            let unlabeled = Set(types.filter { $0.label == nil }.map(\.typeId))
            let removed = Set(removing.map(\.typeId))
            let lost = removed.isEmpty || !removed.isDisjoint(with: unlabeled) ? types : types.filter { removed.contains($0.typeId) }
            return lost.isEmpty ? nil : .unlinked(from: from, to: to, types: lost.map(\.spec))
        }
    }

    /// Journals the records a run of results wrote.
    func recordWritten(_ results: [BulkResult]) throws {
        let writes = results.compactMap { result -> JournalWrite? in
            guard case .succeeded = result.outcome, let id = result.id else { return nil }
            let created: Bool
            switch operation {
            case .create: created = true
            case .upsert: created = result.isNew == true
            default: created = false
            }
            return JournalWrite(id: id, updatedAt: result.record?.updatedAt, created: created)
        }
        if !writes.isEmpty { try file.append([.written(writes)]) }
    }
}

/// Bulk results handed on as they come, journalled a hundred at a time and at the end, when (if
/// `finishes`) the journal's end line closes the operation.
struct JournalledResults<Base: AsyncSequence & Sendable>: AsyncSequence, Sendable where Base.Element == BulkResult {
    let base: Base
    let journal: WriteJournal
    var finishes = true

    func makeAsyncIterator() -> Iterator { Iterator(base: base.makeAsyncIterator(), journal: journal, finishes: finishes) }

    struct Iterator: AsyncIteratorProtocol {
        var base: Base.AsyncIterator
        let journal: WriteJournal
        let finishes: Bool
        var held: [BulkResult] = []
        var written = 0
        var failed = 0
        var ended = false

        mutating func next() async throws -> BulkResult? {
            guard !ended else { return nil }
            guard let result = try await base.next() else {
                ended = true
                try journal.recordWritten(held)
                if finishes { try journal.file.finish(written: written, failed: failed) }
                return nil
            }
            if case .succeeded = result.outcome { written += 1 } else { failed += 1 }
            held.append(result)
            if held.count >= HubSpotClient.batchLimit {
                try journal.recordWritten(held)
                held.removeAll(keepingCapacity: true)
            }
            return result
        }
    }
}
