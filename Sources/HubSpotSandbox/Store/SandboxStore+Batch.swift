import JSONValue

/// HubSpot's limit on inputs per batch call (hubspot-api.md §2.5).
let batchInputLimit = 100

extension SandboxStore {
    /// Refuses an id that occurs twice in one batch (`Duplicate IDs found in batch input` [O]).
    func refuseDuplicates(_ ids: [String]) throws(HubSpotError) {
        var seen = Set<String>()
        var duplicates: [String] = []
        for id in ids where !seen.insert(id.lowercased()).inserted { duplicates.append(id) }
        if !duplicates.isEmpty {
            throw HubSpotError.validation("Duplicate IDs found in batch input: [\(duplicates.joined(separator: ", "))]. IDs must be unique")
        }
    }

    /// The batch error for ids that name no record (hubspot-api.md §2.5).
    func notFoundError(_ type: ObjectType, ids: [String], verb: String = "get") -> HubSpotError {
        HubSpotError(status: .notFound, category: "OBJECT_NOT_FOUND",
                     message: "Could not \(verb) some \(type.errorLabel) objects, they may be deleted or not exist. Check that ids are valid.",
                     context: ["ids": .array(ids.map(JSONValue.string))])
    }

    /// Whether every input carries its own `objectWriteTraceId`, the condition for HubSpot to answer a
    /// failing batch write with a 207 instead of failing it whole (hubspot-api.md §2.5).
    func traceIds(_ inputs: [RecordInput]) -> [String]? {
        let ids = inputs.compactMap(\.objectWriteTraceId)
        return ids.count == inputs.count && Set(ids).count == ids.count ? ids : nil
    }

    /// The 207 entry for one input that failed in a traced batch.
    func tracedError(_ error: HubSpotError, traceId: String) -> HubSpotError {
        var error = error
        var context = error.context ?? [:]
        context["objectWriteTraceId"] = [.string(traceId)]
        error.context = context
        return error
    }

    /// The most inputs a batch read with `propertiesWithHistory` takes.
    static let historyBatchLimit = 50

    /// `POST …/batch/read`.
    func batchRead(_ typeReference: String, _ input: BatchReadInput, archived: Bool) throws(HubSpotError) -> BatchResults<RecordAnswer> {
        let type = try objectType(typeReference)
        var outcome = BatchResults<RecordAnswer>(startedAt: .now())
        let names = propertyNames(input.properties, defaults: type.defaultProperties, type: type)
        let history = historyNames(input.propertiesWithHistory, type: type)
        // HubSpot's limit for history reads (hubspot-api.md §2.5; the status is UNCONFIRMED: 400 here).
        if !input.propertiesWithHistory.isEmpty, input.ids.count > Self.historyBatchLimit {
            throw HubSpotError.validation("The maximum number of inputs supported in a batch request for property histories is \(Self.historyBatchLimit). Please reduce the number of items and try again")
        }
        var missing: [String] = []
        for id in input.ids {
            guard let reference = id else { throw HubSpotError.validation("Each input needs an id") }
            if let record = find(reference, idProperty: input.idProperty, in: type, archived: archived) {
                outcome.results.append(answer(record, type, names: names, history: history))
            } else {
                missing.append(reference)
            }
        }
        if !missing.isEmpty { outcome.errors.append(notFoundError(type, ids: missing)) }
        return outcome
    }

    /// `POST …/batch/create`: all or nothing unless every input carries a trace id.
    func batchCreate(_ typeReference: String, _ inputs: [RecordInput]) throws(HubSpotError) -> BatchResults<RecordAnswer> {
        let type = try objectType(typeReference)
        let traces = traceIds(inputs)
        var outcome = BatchResults<RecordAnswer>(startedAt: .now())
        var prepared: [(Int, [(String, String)])] = []
        var claimed: [String: Set<String>] = [:]
        for (index, input) in inputs.enumerated() {
            do throws(HubSpotError) {
                let values = try prepareCreate(input, type)
                try checkClaims(values, type, &claimed)
                if !input.associations.isEmpty { try checkInlineAssociations(input.associations, from: type) }
                prepared.append((index, values))
            } catch {
                guard let traces else { throw error }
                outcome.errors.append(tracedError(error, traceId: traces[index]))
            }
        }
        let now = Timestamp.now()
        for (index, values) in prepared {
            let record = try insert(values, type, associations: inputs[index].associations, at: now)
            var result = answer(record, type, names: propertyNames(values.map(\.0), defaults: [], type: type))
            result.objectWriteTraceId = inputs[index].objectWriteTraceId
            outcome.results.append(result)
        }
        return outcome
    }

    /// Refuses two inputs of one batch that claim the same unique value.
    func checkClaims(_ values: [(String, String)], _ type: ObjectType, _ claimed: inout [String: Set<String>]) throws(HubSpotError) {
        for (name, value) in values where isUnique(name, type) && !value.isEmpty {
            if !claimed[name, default: []].insert(value.lowercased()).inserted {
                throw HubSpotError.validation("Duplicate value \(value) for unique property \(name) in batch input")
            }
        }
    }

    func isUnique(_ name: String, _ type: ObjectType) -> Bool {
        catalog(type)[name]?.isUnique(in: type) == true
    }

    /// `POST …/batch/update`: unknown ids come back as a 207 error; bad values fail the call unless
    /// every input carries a trace id.
    func batchUpdate(_ typeReference: String, _ inputs: [RecordInput]) throws(HubSpotError) -> BatchResults<RecordAnswer> {
        let type = try objectType(typeReference)
        try refuseDuplicates(inputs.compactMap(\.id))
        let traces = traceIds(inputs)
        var outcome = BatchResults<RecordAnswer>(startedAt: .now())
        var prepared: [(StoredRecord, [(String, String)], RecordInput)] = []
        var missing: [String] = []
        for (index, input) in inputs.enumerated() {
            guard let reference = input.id else { throw HubSpotError.validation("Each input needs an id") }
            guard let record = find(reference, idProperty: input.idProperty, in: type, followMerges: false) else {
                missing.append(reference)
                continue
            }
            do throws(HubSpotError) {
                let values = try catalog(type).normalise(input.properties, for: type, portalId: portal.portalId)
                try checkUnique(values, type, excluding: record.id)
                prepared.append((record, values, input))
            } catch {
                guard let traces else { throw error }
                outcome.errors.append(tracedError(error, traceId: traces[index]))
            }
        }
        let now = Timestamp.now()
        for (record, values, input) in prepared {
            let updated = apply(values, to: record, type, at: now)
            var result = answer(updated, type, names: propertyNames(values.map(\.0), defaults: [], type: type))
            result.objectWriteTraceId = input.objectWriteTraceId
            outcome.results.append(result)
        }
        if !missing.isEmpty { outcome.errors.append(notFoundError(type, ids: missing)) }
        return outcome
    }

    /// `POST …/batch/upsert`: inputs are matched on a unique `idProperty` (or the record id); matches are
    /// updated, the rest created with the key set. Results carry `new`.
    func batchUpsert(_ typeReference: String, _ inputs: [RecordInput]) throws(HubSpotError) -> BatchResults<RecordAnswer> {
        let type = try objectType(typeReference)
        try refuseDuplicates(inputs.compactMap(\.id))
        var outcome = BatchResults<RecordAnswer>(startedAt: .now())
        var plan: [(StoredRecord?, [(String, String)])] = []
        for input in inputs {
            guard let key = input.id else { throw HubSpotError.validation("Each input needs an id") }
            let idProperty = input.idProperty
            if let idProperty, idProperty != "hs_object_id", !isUnique(idProperty, type) {
                throw HubSpotError.validation("\(idProperty) is not a unique identifier property for \(type.name); upsert needs a property with unique values")
            }
            let existing = find(key, idProperty: idProperty, in: type)
            var given = input.properties
            if existing == nil, let idProperty, idProperty != "hs_object_id" { given[idProperty] = key }
            var values = try catalog(type).normalise(given, for: type, portalId: portal.portalId)
            if let existing {
                try checkUnique(values, type, excluding: existing.id)
            } else {
                values = try completeCreate(values, type)
                try checkUnique(values, type, excluding: nil)
            }
            plan.append((existing, values))
        }
        let now = Timestamp.now()
        for (existing, values) in plan {
            let record: StoredRecord
            if let existing {
                record = apply(values, to: existing, type, at: now)
            } else {
                record = try insert(values.filter { !$0.1.isEmpty }, type, associations: [], at: now)
            }
            var result = answer(record, type, names: propertyNames(values.map(\.0), defaults: [], type: type))
            result.isNew = existing == nil
            outcome.results.append(result)
        }
        return outcome
    }

    /// `POST …/batch/archive` → 204; ids that name no record are ignored (UNCONFIRMED, hubspot-api.md §2.5).
    func batchArchive(_ typeReference: String, _ references: [String]) throws(HubSpotError) {
        let type = try objectType(typeReference)
        let now = Timestamp.now()
        for reference in references {
            if let record = find(reference, idProperty: nil, in: type) { archive(record, type, at: now) }
        }
    }
}
