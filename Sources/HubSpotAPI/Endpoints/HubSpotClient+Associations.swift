import JSONValue

/// The associations API (hubspot-api.md §5): v3's label-less batch calls, v4's (and the date
/// versions') per-record, batch and label calls, and `associate`/`batchAssociate`, which work on
/// every version. Writes are idempotent: associating twice is harmless.
extension HubSpotClient {
    /// The largest page of a record's associations (and the default).
    public static let associationPageLimit = 500
    /// HubSpot's input limits of the v4 batch read and batch writes.
    public static let associationBatchReadLimit = 1_000
    public static let associationBatchWriteLimit = 2_000

    // MARK: Any version

    /// Associates two records: with the unlabeled (default) type when `labels` is empty, else adds
    /// those types (labels already held stay). Under v3 through v3 batch create, by type name.
    public func associate(_ fromType: String, _ fromId: String, _ toType: String, _ toId: String,
                          labels: [AssociationSpec] = []) async throws(HubSpotAPIError) {
        let response: AssociationBatchResponse
        if version.hasLabelledAssociations, labels.isEmpty {
            _ = try await associateDefault(fromType, fromId, toType, toId)
            return
        } else if version.hasLabelledAssociations {
            response = try await batchCreateAssociations(fromType, toType, inputs: [(fromId, toId, labels)])
        } else {
            response = try await batchAssociate(fromType, toType, pairs: [(fromId, toId)], types: labels)
        }
        if let failure = response.errors.first { throw HubSpotClient.failure(failure, at: "associate \(fromType) \(fromId) to \(toType) \(toId)") }
    }

    /// Associates many pairs with the unlabeled type (`types` empty) or with `types`: v3 batch create
    /// under v3, else v4 batch associate-default or batch create. A 207 lists the failed inputs.
    public func batchAssociate(_ fromType: String, _ toType: String, pairs: [(from: String, to: String)],
                               types: [AssociationSpec] = []) async throws(HubSpotAPIError) -> AssociationBatchResponse {
        if version.hasLabelledAssociations {
            if types.isEmpty { return try await batchAssociateDefault(fromType, toType, pairs: pairs) }
            return try await batchCreateAssociations(fromType, toType, inputs: pairs.map { ($0.from, $0.to, types) })
        }
        let names = try await v3TypeNames(fromType, toType, for: types)
        return try await v3BatchCreateAssociations(fromType, toType, inputs: pairs.flatMap { pair in names.map { (pair.from, pair.to, $0) } })
    }

    /// Removes associations between many pairs: every type (`types` empty) or only `types` (labels). v3
    /// batch archive by type name under v3 (the unlabeled type's name when `types` is empty), else v4
    /// batch archive or batch labels/archive. The archive calls answer without per-pair results.
    public func batchUnassociate(_ fromType: String, _ toType: String, pairs: [(from: String, to: String)],
                                 types: [AssociationSpec] = []) async throws(HubSpotAPIError) {
        if version.hasLabelledAssociations {
            if types.isEmpty { return try await batchArchiveAssociations(fromType, toType, pairs: pairs) }
            return try await batchArchiveLabels(fromType, toType, inputs: pairs.map { ($0.from, $0.to, types) })
        }
        let names = try await v3TypeNames(fromType, toType, for: types)
        try await v3BatchArchiveAssociations(fromType, toType, inputs: pairs.flatMap { pair in names.map { (pair.from, pair.to, $0) } })
    }

    /// The types each of `ids` holds with each record of `toType` (every page), by record id then
    /// associated id; v4 and date versions only (v3 answers carry type names, not ids).
    public func associationTypesHeld(_ fromType: String, _ toType: String, ids: [String]) async throws(HubSpotAPIError)
        -> [String: [String: [AssociationLabel]]]
    {
        var held: [String: [String: [AssociationLabel]]] = [:]
        var seen = Set<String>()
        var pending: [(id: String, after: String?)] = ids.filter { seen.insert($0).inserted }.map { ($0, nil) }
        while !pending.isEmpty {
            let chunk = Array(pending.prefix(HubSpotClient.associationBatchReadLimit))
            pending.removeFirst(chunk.count)
            let cursors = Dictionary(chunk.compactMap { entry in entry.after.map { (entry.id, $0) } }, uniquingKeysWith: { a, _ in a })
            let answer = try await batchReadAssociations(fromType, toType, ids: chunk.map(\.id), after: cursors)
            for link in answer.links { held[link.fromId, default: [:]][link.toId, default: []] += link.types }
            pending += answer.nextAfter.map { ($0.key, $0.value) }
        }
        return held
    }

    // MARK: v3 (always at /crm/v3/associations)

    /// `GET /crm/v3/associations/{from}/{to}/types`: the type names v3 writes take.
    public func v3AssociationTypes(_ fromType: String, _ toType: String) async throws(HubSpotAPIError) -> [V3AssociationType] {
        let json = try await json(HubSpotRequest(.GET, "\(v3AssociationsPath(fromType, toType))/types"))
        return (json["results"]?.arrayValue ?? []).compactMap(V3AssociationType.init)
    }

    /// `POST /crm/v3/associations/{from}/{to}/batch/create` → 201, or 207.
    public func v3BatchCreateAssociations(_ fromType: String, _ toType: String,
                                          inputs: [(from: String, to: String, type: String)]) async throws(HubSpotAPIError) -> AssociationBatchResponse {
        try await associationBatch(.POST, "\(v3AssociationsPath(fromType, toType))/batch/create", inputs.map(v3Input))
    }

    /// `POST /crm/v3/associations/{from}/{to}/batch/read` → each record's associations (`links` carry
    /// `typeNames`); records with none are 207 errors.
    public func v3BatchReadAssociations(_ fromType: String, _ toType: String, ids: [String]) async throws(HubSpotAPIError) -> AssociationBatchResponse {
        try await associationBatch(.POST, "\(v3AssociationsPath(fromType, toType))/batch/read", ids.map { ["id": .string($0)] })
    }

    /// `POST /crm/v3/associations/{from}/{to}/batch/archive` → 204: removes the named type from each pair.
    public func v3BatchArchiveAssociations(_ fromType: String, _ toType: String,
                                           inputs: [(from: String, to: String, type: String)]) async throws(HubSpotAPIError) {
        _ = try await associationBatch(.POST, "\(v3AssociationsPath(fromType, toType))/batch/archive", inputs.map(v3Input))
    }

    // MARK: v4 and date versions, per record

    /// One page of a record's associations to `toObjectType` (at most 500).
    public func associationsPage(_ objectType: String, _ id: String, _ toObjectType: String, limit: Int = associationPageLimit,
                                 after: String? = nil) async throws(HubSpotAPIError) -> Page<AssociatedRecord> {
        try requireLabelled("listing a record's associations")
        var query: [(name: String, value: String)] = [("limit", String(min(max(limit, 1), HubSpotClient.associationPageLimit)))]
        if let after { query.append(("after", after)) }
        let json = try await json(HubSpotRequest(.GET, recordAssociationsPath(objectType, id, toObjectType), query: query))
        var records: [AssociatedRecord] = []
        for item in json["results"]?.arrayValue ?? [] { records.append(try AssociatedRecord(item)) }
        return Page(results: records, after: json.nextAfter)
    }

    /// All of a record's associations to `toObjectType`, every page.
    public func associations(_ objectType: String, _ id: String, _ toObjectType: String) async throws(HubSpotAPIError) -> [AssociatedRecord] {
        var records: [AssociatedRecord] = []
        var after: String?
        repeat {
            let page = try await associationsPage(objectType, id, toObjectType, after: after)
            records += page.results
            after = page.after
        } while after != nil
        return records
    }

    /// `PUT …/associations/default/{toType}/{toId}` → the unlabeled type, both directions.
    @discardableResult
    public func associateDefault(_ fromType: String, _ fromId: String, _ toType: String, _ toId: String) async throws(HubSpotAPIError) -> [AssociationLink] {
        try requireLabelled("a default association")
        let path = "\(version.recordAssociations)/\(segment(fromType))/\(segment(fromId))/associations/default/\(segment(toType))/\(segment(toId))"
        return try await associationBatch(.PUT, path, nil).links
    }

    /// `PUT …/associations/{toType}/{toId}` with `types` → 201: the pair then holds exactly these types
    /// (HubSpot replaces the set); returns the labels held.
    @discardableResult
    public func associateWithLabels(_ fromType: String, _ fromId: String, _ toType: String, _ toId: String,
                                    types: [AssociationSpec]) async throws(HubSpotAPIError) -> [String] {
        try requireLabelled("a labelled association")
        let body = JSONValue.array(types.map(\.json))
        let json = try await json(HubSpotRequest(.PUT, "\(recordAssociationsPath(fromType, fromId, toType))/\(segment(toId))", body: body))
        return (json["labels"]?.arrayValue ?? []).compactMap(\.stringValue)
    }

    /// `DELETE …/associations/{toType}/{toId}` → 204: removes every type between the two records.
    public func removeAssociations(_ fromType: String, _ fromId: String, _ toType: String, _ toId: String) async throws(HubSpotAPIError) {
        try requireLabelled("removing associations")
        _ = try await send(HubSpotRequest(.DELETE, "\(recordAssociationsPath(fromType, fromId, toType))/\(segment(toId))"))
    }

    // MARK: v4 and date versions, batch

    /// `POST …/batch/read`: each record's associations, 500 per record at a time; `after` (by id, from
    /// a previous answer's `nextAfter`) continues. Records with none are 207 errors.
    public func batchReadAssociations(_ fromType: String, _ toType: String, ids: [String],
                                      after: [String: String] = [:]) async throws(HubSpotAPIError) -> AssociationBatchResponse {
        try requireLabelled("batch read of associations")
        let inputs: [JSONValue] = ids.map { id in
            var input: JSONObject = ["id": .string(id)]
            if let cursor = after[id] { input["after"] = .string(cursor) }
            return .object(input)
        }
        return try await associationBatch(.POST, "\(associationsPath(fromType, toType))/batch/read", inputs)
    }

    /// `POST …/batch/create` → 201 or 207: adds `types` to each pair.
    public func batchCreateAssociations(_ fromType: String, _ toType: String,
                                        inputs: [(from: String, to: String, types: [AssociationSpec])]) async throws(HubSpotAPIError) -> AssociationBatchResponse {
        try requireLabelled("batch create of labelled associations")
        return try await associationBatch(.POST, "\(associationsPath(fromType, toType))/batch/create", inputs.map(labelledInput))
    }

    /// `POST …/batch/associate/default` → 200 or 207: the unlabeled type for each pair.
    public func batchAssociateDefault(_ fromType: String, _ toType: String,
                                      pairs: [(from: String, to: String)]) async throws(HubSpotAPIError) -> AssociationBatchResponse {
        try requireLabelled("batch default association")
        let inputs: [JSONValue] = pairs.map { ["from": ["id": .string($0.from)], "to": ["id": .string($0.to)]] }
        return try await associationBatch(.POST, "\(associationsPath(fromType, toType))/batch/associate/default", inputs)
    }

    /// `POST …/batch/archive` → 204 (200 on date versions): removes every type between each pair.
    public func batchArchiveAssociations(_ fromType: String, _ toType: String, pairs: [(from: String, to: String)]) async throws(HubSpotAPIError) {
        try requireLabelled("batch archive of associations")
        var targets: JSONObject = [:]
        for pair in pairs { targets[pair.from] = .array((targets[pair.from]?.arrayValue ?? []) + [["id": .string(pair.to)]]) }
        let inputs: [JSONValue] = targets.map { ["from": ["id": .string($0.key)], "to": $0.value] }
        _ = try await associationBatch(.POST, "\(associationsPath(fromType, toType))/batch/archive", inputs)
    }

    /// `POST …/batch/labels/archive` → 204 (200 on date versions): removes `types` from each pair;
    /// removing the unlabeled type removes them all.
    public func batchArchiveLabels(_ fromType: String, _ toType: String,
                                   inputs: [(from: String, to: String, types: [AssociationSpec])]) async throws(HubSpotAPIError) {
        try requireLabelled("batch archive of association labels")
        _ = try await associationBatch(.POST, "\(associationsPath(fromType, toType))/batch/labels/archive", inputs.map(labelledInput))
    }

    // MARK: v4 and date versions, labels

    /// `GET …/{from}/{to}/labels`: every type of the pair, the unlabeled one included.
    public func associationLabels(_ fromType: String, _ toType: String) async throws(HubSpotAPIError) -> [AssociationLabel] {
        try requireLabelled("association labels")
        let json = try await json(HubSpotRequest(.GET, "\(associationsPath(fromType, toType))/labels"))
        return (json["results"]?.arrayValue ?? []).compactMap(AssociationLabel.init)
    }

    /// `POST …/labels` → the new types (one per direction for a paired label or two object types).
    public func createAssociationLabel(_ fromType: String, _ toType: String, name: String, label: String,
                                       inverseLabel: String? = nil) async throws(HubSpotAPIError) -> [AssociationLabel] {
        try requireLabelled("association labels")
        var body: JSONObject = ["name": .string(name), "label": .string(label)]
        if let inverseLabel { body["inverseLabel"] = .string(inverseLabel) }
        let json = try await json(HubSpotRequest(.POST, "\(associationsPath(fromType, toType))/labels", body: .object(body), idempotent: false))
        return (json["results"]?.arrayValue ?? []).compactMap(AssociationLabel.init)
    }

    /// `PUT …/labels` → 204: renames a custom label (and its inverse).
    public func updateAssociationLabel(_ fromType: String, _ toType: String, typeId: Int, label: String,
                                       inverseLabel: String? = nil) async throws(HubSpotAPIError) {
        try requireLabelled("association labels")
        var body: JSONObject = ["associationTypeId": .int(typeId), "label": .string(label)]
        if let inverseLabel { body["inverseLabel"] = .string(inverseLabel) }
        _ = try await send(HubSpotRequest(.PUT, "\(associationsPath(fromType, toType))/labels", body: .object(body)))
    }

    /// `DELETE …/labels/{typeId}` → 204.
    public func deleteAssociationLabel(_ fromType: String, _ toType: String, typeId: Int) async throws(HubSpotAPIError) {
        try requireLabelled("association labels")
        _ = try await send(HubSpotRequest(.DELETE, "\(associationsPath(fromType, toType))/labels/\(typeId)"))
    }

    // MARK: Helpers

    func requireLabelled(_ call: String) throws(HubSpotAPIError) {
        guard version.hasLabelledAssociations else {
            throw HubSpotAPIError(.invalidRequest, "\(call) needs API v4 or a date version; this connection uses v3")
        }
    }

    func associationsPath(_ fromType: String, _ toType: String) -> String { "\(version.associations)/\(segment(fromType))/\(segment(toType))" }
    func v3AssociationsPath(_ fromType: String, _ toType: String) -> String { "/crm/v3/associations/\(segment(fromType))/\(segment(toType))" }
    func recordAssociationsPath(_ type: String, _ id: String, _ toType: String) -> String {
        "\(version.recordAssociations)/\(segment(type))/\(segment(id))/associations/\(segment(toType))"
    }

    /// Sends an association call (idempotent) and reads its batch answer.
    func associationBatch(_ method: HubSpotRequest.Method, _ path: String, _ inputs: [JSONValue]?) async throws(HubSpotAPIError) -> AssociationBatchResponse {
        let request = HubSpotRequest(method, path, body: inputs.map { ["inputs": .array($0)] }, idempotent: true)
        return try await answer(request, AssociationBatchResponse.init)
    }

    func v3Input(_ input: (from: String, to: String, type: String)) -> JSONValue {
        ["from": ["id": .string(input.from)], "to": ["id": .string(input.to)], "type": .string(input.type)]
    }

    func labelledInput(_ input: (from: String, to: String, types: [AssociationSpec])) -> JSONValue {
        ["from": ["id": .string(input.from)], "to": ["id": .string(input.to)], "types": .array(input.types.map(\.json))]
    }

    /// The v3 type names for `specs` (matched by type id), or the unlabeled type's name when `specs` is empty.
    func v3TypeNames(_ fromType: String, _ toType: String, for specs: [AssociationSpec]) async throws(HubSpotAPIError) -> [String] {
        let types = try await v3AssociationTypes(fromType, toType)
        guard specs.isEmpty else {
            return try specs.map { spec throws(HubSpotAPIError) in
                guard let type = types.first(where: { $0.id == String(spec.typeId) }) else {
                    throw HubSpotAPIError(.invalidRequest, "association type \(spec.typeId) does not exist from \(fromType) to \(toType)")
                }
                return type.name
            }
        }
        let base = "\(HubSpotClient.singular(fromType))_to_\(HubSpotClient.singular(toType))"
        let names = types.map(\.name)
        if let name = [base + "_unlabeled", base].first(where: names.contains) ?? names.first(where: { $0.hasSuffix("_unlabeled") })
            ?? (names.count == 1 ? names[0] : nil) {
            return [name]
        }
        throw HubSpotAPIError(.invalidRequest, "cannot tell the default association type from \(fromType) to \(toType) among \(names); name a type")
    }

    /// The singular API name v3 type names use (`companies` → `company`, `0-1` → `contact`).
    static func singular(_ objectType: String) -> String {
        if let type = StandardObjectType.named(objectType) { return type.singular }
        let lower = objectType.lowercased()
        if lower.hasSuffix("ies") { return lower.dropLast(3) + "y" }
        return lower.hasSuffix("s") ? String(lower.dropLast()) : lower
    }

    /// A batch error as a thrown error: 404 when HubSpot could not find a record, else 400.
    static func failure(_ body: HubSpotErrorBody, at location: String) -> HubSpotAPIError {
        HubSpotAPIError(.http(status: body.category == "OBJECT_NOT_FOUND" ? 404 : 400), body.message ?? "association failed",
                        location: location, body: body)
    }
}
