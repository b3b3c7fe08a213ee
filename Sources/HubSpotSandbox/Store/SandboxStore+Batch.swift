import JSONValue

/// A batch answer before rendering: 200/201 when nothing failed, 207 with `errors` otherwise.
public struct BatchOutcome: Sendable {
    public var results: [JSONValue] = []
    public var errors: [JSONValue] = []
    public var startedAt: Timestamp

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

/// HubSpot's limit on inputs per batch call (hubspot-api.md §2.5).
let batchInputLimit = 100

extension SandboxStore {
    /// The `inputs` of a batch body, refused when missing or over the limit. The wording of the
    /// over-limit message is UNCONFIRMED; the 400 `VALIDATION_ERROR` is documented.
    func batchInputs(_ body: JSONValue, limit: Int = batchInputLimit) throws(HubSpotError) -> [JSONValue] {
        guard let inputs = body["inputs"]?.arrayValue else { throw HubSpotError.validation("inputs is required") }
        if inputs.count > limit {
            throw HubSpotError.validation("Too many inputs: \(inputs.count). A batch request accepts at most \(limit) inputs.",
                                          context: ["inputs": [.string(String(inputs.count))], "limit": [.string(String(limit))]])
        }
        return inputs
    }

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
    func notFoundError(_ type: ObjectType, ids: [String], verb: String = "get") -> JSONValue {
        HubSpotError(status: .notFound, category: "OBJECT_NOT_FOUND",
                     message: "Could not \(verb) some \(type.errorLabel) objects, they may be deleted or not exist. Check that ids are valid.",
                     context: ["ids": .array(ids.map(JSONValue.string))]).standardError
    }

    /// Whether every input carries its own `objectWriteTraceId`, the condition for HubSpot to answer a
    /// failing batch write with a 207 instead of failing it whole (hubspot-api.md §2.5).
    func traceIds(_ inputs: [JSONValue]) -> [String]? {
        let ids = inputs.compactMap { $0["objectWriteTraceId"]?.scalarText }
        return ids.count == inputs.count && Set(ids).count == ids.count ? ids : nil
    }

    /// A batch result with the `objectWriteTraceId` its input carried: the record schema's optional
    /// field (hubspot-api.md §2.2), which lets a client match results to inputs.
    func withTraceId(_ rendered: JSONValue, _ input: JSONValue) -> JSONValue {
        guard let trace = input["objectWriteTraceId"]?.scalarText, case .object(var object) = rendered else { return rendered }
        object["objectWriteTraceId"] = .string(trace)
        return .object(object)
    }

    /// The 207 entry for one input that failed in a traced batch.
    func tracedError(_ error: HubSpotError, traceId: String) -> JSONValue {
        var error = error
        var context = error.context ?? [:]
        context["objectWriteTraceId"] = [.string(traceId)]
        error.context = context
        return error.standardError
    }

    /// The most inputs a batch read with `propertiesWithHistory` takes.
    static let historyBatchLimit = 50

    /// `POST …/batch/read`.
    public func batchRead(_ typeReference: String, _ body: JSONValue, archived: Bool) throws(HubSpotError) -> BatchOutcome {
        let type = try objectType(typeReference)
        let inputs = try batchInputs(body)
        var outcome = BatchOutcome(startedAt: .now())
        let requested = body["properties"]?.arrayValue?.compactMap(\.stringValue)
        let names = propertyNames(requested, defaults: type.defaultProperties, type: type)
        let history = body["propertiesWithHistory"]?.arrayValue?.compactMap(\.stringValue) ?? []
        // HubSpot's limit for history reads (hubspot-api.md §2.5; the status is UNCONFIRMED: 400 here).
        if !history.isEmpty, inputs.count > Self.historyBatchLimit {
            throw HubSpotError.validation("The maximum number of inputs supported in a batch request for property histories is \(Self.historyBatchLimit). Please reduce the number of items and try again")
        }
        let idProperty = body["idProperty"]?.stringValue
        var missing: [String] = []
        for input in inputs {
            guard let reference = input["id"]?.scalarText else { throw HubSpotError.validation("Each input needs an id") }
            if let record = find(reference, idProperty: idProperty, in: type, archived: archived) {
                outcome.results.append(render(record, type, names: names, history: history))
            } else {
                missing.append(reference)
            }
        }
        if !missing.isEmpty { outcome.errors.append(notFoundError(type, ids: missing)) }
        return outcome
    }

    /// `POST …/batch/create`: all or nothing unless every input carries a trace id.
    public func batchCreate(_ typeReference: String, _ body: JSONValue) throws(HubSpotError) -> BatchOutcome {
        let type = try objectType(typeReference)
        let inputs = try batchInputs(body)
        let traces = traceIds(inputs)
        var outcome = BatchOutcome(startedAt: .now())
        var prepared: [(Int, [(String, String)])] = []
        var claimed: [String: Set<String>] = [:]
        for (index, input) in inputs.enumerated() {
            do throws(HubSpotError) {
                let values = try prepareCreate(input, type)
                try checkClaims(values, type, &claimed)
                if let associations = input["associations"]?.arrayValue, !associations.isEmpty {
                    try checkInlineAssociations(associations, from: type)
                }
                prepared.append((index, values))
            } catch {
                guard let traces else { throw error }
                outcome.errors.append(tracedError(error, traceId: traces[index]))
            }
        }
        let now = Timestamp.now()
        for (index, values) in prepared {
            let record = try insert(values, type, associations: inputs[index]["associations"]?.arrayValue ?? [], at: now)
            let rendered = render(record, type, names: propertyNames(values.map(\.0), defaults: [], type: type))
            outcome.results.append(withTraceId(rendered, inputs[index]))
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
    public func batchUpdate(_ typeReference: String, _ body: JSONValue) throws(HubSpotError) -> BatchOutcome {
        let type = try objectType(typeReference)
        let inputs = try batchInputs(body)
        try refuseDuplicates(inputs.compactMap { $0["id"]?.scalarText })
        let traces = traceIds(inputs)
        var outcome = BatchOutcome(startedAt: .now())
        var prepared: [(StoredRecord, [(String, String)], JSONValue)] = []
        var missing: [String] = []
        for (index, input) in inputs.enumerated() {
            guard let reference = input["id"]?.scalarText else { throw HubSpotError.validation("Each input needs an id") }
            guard let record = find(reference, idProperty: input["idProperty"]?.stringValue, in: type, followMerges: false) else {
                missing.append(reference)
                continue
            }
            do throws(HubSpotError) {
                let values = try catalog(type).normalise(input["properties"]?.objectValue ?? [:], for: type, portalId: portal.portalId)
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
            outcome.results.append(withTraceId(render(updated, type, names: propertyNames(values.map(\.0), defaults: [], type: type)), input))
        }
        if !missing.isEmpty { outcome.errors.append(notFoundError(type, ids: missing)) }
        return outcome
    }

    /// `POST …/batch/upsert`: inputs are matched on a unique `idProperty` (or the record id); matches are
    /// updated, the rest created with the key set. Results carry `new`.
    public func batchUpsert(_ typeReference: String, _ body: JSONValue) throws(HubSpotError) -> BatchOutcome {
        let type = try objectType(typeReference)
        let inputs = try batchInputs(body)
        try refuseDuplicates(inputs.compactMap { $0["id"]?.scalarText })
        var outcome = BatchOutcome(startedAt: .now())
        var plan: [(StoredRecord?, [(String, String)])] = []
        for input in inputs {
            guard let key = input["id"]?.scalarText else { throw HubSpotError.validation("Each input needs an id") }
            let idProperty = input["idProperty"]?.stringValue
            if let idProperty, idProperty != "hs_object_id", !isUnique(idProperty, type) {
                throw HubSpotError.validation("\(idProperty) is not a unique identifier property for \(type.name); upsert needs a property with unique values")
            }
            let existing = find(key, idProperty: idProperty, in: type)
            var given = input["properties"]?.objectValue ?? [:]
            if existing == nil, let idProperty, idProperty != "hs_object_id" { given[idProperty] = .string(key) }
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
            guard case .object(var object) = render(record, type, names: propertyNames(values.map(\.0), defaults: [], type: type)) else { continue }
            object["new"] = .bool(existing == nil)
            outcome.results.append(.object(object))
        }
        return outcome
    }

    /// `POST …/batch/archive` → 204; ids that name no record are ignored (UNCONFIRMED, hubspot-api.md §2.5).
    public func batchArchive(_ typeReference: String, _ body: JSONValue) throws(HubSpotError) {
        let type = try objectType(typeReference)
        let inputs = try batchInputs(body)
        var references: [String] = []
        for input in inputs {
            guard let reference = input["id"]?.scalarText else { throw HubSpotError.validation("Each input needs an id") }
            references.append(reference)
        }
        let now = Timestamp.now()
        for reference in references {
            if let record = find(reference, idProperty: nil, in: type) { archive(record, type, at: now) }
        }
    }
}
