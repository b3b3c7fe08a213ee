import JSONValue

/// What a list or read answer should carry besides the plain properties.
public struct RecordView: Sendable {
    /// Properties asked for; `nil` means the type's defaults.
    public var properties: [String]?
    /// Properties whose history is asked for.
    public var propertiesWithHistory: [String] = []
    /// Object types whose associations are embedded (v3 form).
    public var associations: [String] = []

    public init(properties: [String]? = nil, propertiesWithHistory: [String] = [], associations: [String] = []) {
        self.properties = properties
        self.propertiesWithHistory = propertiesWithHistory
        self.associations = associations
    }
}

extension SandboxStore {
    // MARK: Answers

    /// The names a record answer carries: those asked for that exist (or the defaults) plus the system
    /// properties, sorted as HubSpot sorts them.
    func propertyNames(_ requested: [String]?, defaults: [String], type: ObjectType) -> [String] {
        let catalog = catalog(type)
        var names = Set(type.systemProperties)
        if let requested, !requested.isEmpty {
            for name in requested where catalog[name] != nil || type.systemProperties.contains(name) { names.insert(name) }
        } else {
            names.formUnion(defaults)
        }
        return names.sorted()
    }

    /// The properties of `requested` whose history an answer carries (those that exist); `nil` when none
    /// was asked for.
    func historyNames(_ requested: [String], type: ObjectType) -> [String]? {
        guard !requested.isEmpty else { return nil }
        let catalog = catalog(type)
        return requested.filter { catalog[$0] != nil || type.systemProperties.contains($0) }
    }

    /// A record as an answer carries it (`SimplePublicObject`, hubspot-api.md §2.2).
    func answer(_ record: StoredRecord, _ type: ObjectType, names: [String], history: [String]? = nil,
                associationTypes: [ObjectType] = [], url: Bool = false) -> RecordAnswer {
        var answer = RecordAnswer(record: record, type: type, names: names, history: history)
        if !associationTypes.isEmpty { answer.associations = embeddedAssociations(of: type, id: record.id, to: associationTypes) }
        if url { answer.url = "https://\(portal.uiDomain)/contacts/\(portal.portalId)/record/\(type.objectTypeId)/\(record.id)" }
        return answer
    }

    /// The object types of a view's `associations` that exist.
    func associationTypes(_ view: RecordView) -> [ObjectType] {
        view.associations.compactMap { try? objectType($0) }
    }

    // MARK: Finding records

    /// The record `reference` names: an id, or a unique value when `idProperty` is given. Archived
    /// records are found only when `archived` is true (and then only archived ones, as HubSpot does).
    /// A merged-away id names the record it was merged into unless `followMerges` is false (batch
    /// update does not follow merges, hubspot-api.md §2.4).
    func find(_ reference: String, idProperty: String?, in type: ObjectType, archived: Bool = false,
              followMerges: Bool = true) -> StoredRecord? {
        let table = tables[type.objectTypeId] ?? RecordTable()
        let record: StoredRecord?
        if let idProperty, idProperty != "hs_object_id" {
            if archived {
                record = table.records.first { $0.archived && $0.id != 0 && $0.properties[idProperty]?.lowercased() == reference.lowercased() }
            } else if let id = table.id(withUnique: idProperty, value: reference) {
                record = table.record(id)
            } else {
                record = nil
            }
        } else if let id = Int(reference) {
            let target = followMerges ? mergedInto[type.objectTypeId]?[id] ?? id : id
            record = table.record(target)
        } else {
            record = nil
        }
        guard let record, record.id != 0, record.archived == archived else { return nil }
        return record
    }

    // MARK: List, read

    /// `GET /crm/v3/objects/{type}`: a page of records in id order; `after` is the last id served.
    func listRecords(_ typeReference: String, limit: Int, after: String?, archived: Bool, view: RecordView) throws(HubSpotError) -> RecordPage {
        let type = try objectType(typeReference)
        let table = tables[type.objectTypeId] ?? RecordTable()
        var position = 0
        if let after, !after.isEmpty {
            guard let cursor = Int(after) else { throw HubSpotError.validation("Invalid after value: \(after)") }
            position = table.position(after: cursor - 1)
        }
        var page = RecordPage(records: [], limit: limit)
        let names = propertyNames(view.properties, defaults: type.defaultProperties, type: type)
        let history = historyNames(view.propertiesWithHistory, type: type)
        let associationTypes = associationTypes(view)
        while position < table.records.count {
            let record = table.records[position]
            position += 1
            guard record.id != 0, record.archived == archived else { continue }
            if page.records.count == limit { page.next = record.id; break }
            page.records.append(answer(record, type, names: names, history: history, associationTypes: associationTypes, url: true))
        }
        return page
    }

    /// `GET /crm/v3/objects/{type}/{id}`.
    func read(_ typeReference: String, _ reference: String, idProperty: String?, archived: Bool,
              view: RecordView) throws(HubSpotError) -> RecordAnswer {
        let type = try objectType(typeReference)
        guard let record = find(reference, idProperty: idProperty, in: type, archived: archived) else {
            throw HubSpotError.objectNotFound(reference)
        }
        return answer(record, type, names: propertyNames(view.properties, defaults: type.defaultProperties, type: type),
                      history: historyNames(view.propertiesWithHistory, type: type), associationTypes: associationTypes(view), url: true)
    }

    // MARK: Writes

    /// Checks a create: property values, required properties, unique values. Returns the values to store.
    func prepareCreate(_ input: RecordInput, _ type: ObjectType) throws(HubSpotError) -> [(String, String)] {
        let values = try completeCreate(catalog(type).normalise(input.properties, for: type, portalId: portal.portalId).filter { !$0.1.isEmpty }, type)
        try checkUnique(values, type, excluding: nil)
        return values
    }

    /// The values of a new record with what HubSpot fills in (a deal without `pipeline` goes into the
    /// default pipeline, hubspot-api.md §2.4), after refusing one that lacks a property its type requires
    /// (§2.4); a company needs a name or a domain.
    func completeCreate(_ values: [(String, String)], _ type: ObjectType) throws(HubSpotError) -> [(String, String)] {
        var values = values
        if type.objectTypeId == "0-3", !values.contains(where: { $0.0 == "pipeline" && !$0.1.isEmpty }),
           let pipeline = defaultPipelineId(of: type) {
            values.removeAll { $0.0 == "pipeline" }
            values.append(("pipeline", pipeline))
        }
        try checkRequired(values, type)
        return values
    }

    /// The pipeline HubSpot uses when none is given: `default` if it exists, else the first by display order.
    func defaultPipelineId(of type: ObjectType) -> String? {
        let list = pipelines[type.objectTypeId] ?? []
        if list.contains(where: { $0.id == "default" }) { return "default" }
        return list.first?.id
    }

    /// Refuses a new record that lacks a property its type requires (hubspot-api.md §2.4); a company
    /// needs a name or a domain.
    func checkRequired(_ values: [(String, String)], _ type: ObjectType) throws(HubSpotError) {
        let present = Set(values.filter { !$0.1.isEmpty }.map(\.0))
        var problems = type.requiredProperties.filter { !present.contains($0) }.map {
            PropertyProblem(name: $0, code: "REQUIRED_PROPERTY", message: "Property \"\($0)\" is required")
        }
        if type.name == "companies", !present.contains("name"), !present.contains("domain") {
            problems.append(PropertyProblem(name: "name", code: "REQUIRED_PROPERTY", message: "A company needs a name or a domain"))
        }
        if !problems.isEmpty { throw HubSpotError.propertyValues(problems, portalId: portal.portalId) }
    }

    /// Refuses a value that another live record already holds under a unique property.
    func checkUnique(_ values: [(String, String)], _ type: ObjectType, excluding id: Int?) throws(HubSpotError) {
        guard let table = tables[type.objectTypeId] else { return }
        for (name, value) in values where !value.isEmpty {
            if let existing = table.id(withUnique: name, value: value), existing != id {
                if type.name == "contacts" && name == "email" { throw HubSpotError.contactExists(existingId: existing) }
                throw HubSpotError.uniqueValueExists(property: name, value: value, existingId: existing)
            }
        }
    }

    /// Stores a checked create and applies its inline associations.
    func insert(_ values: [(String, String)], _ type: ObjectType, associations: [InlineAssociation], at time: Timestamp) throws(HubSpotError) -> StoredRecord {
        let record = StoredRecord(id: nextId(), properties: Dictionary(values, uniquingKeysWith: { _, b in b }), createdAt: time)
        if !associations.isEmpty { try checkInlineAssociations(associations, from: type) }
        tables[type.objectTypeId, default: RecordTable()].insert(record)
        if !associations.isEmpty { try applyInlineAssociations(associations, from: type, id: record.id) }
        return record
    }

    /// `POST /crm/v3/objects/{type}` → 201 `SimplePublicObject`.
    func create(_ typeReference: String, _ input: RecordInput) throws(HubSpotError) -> RecordAnswer {
        let type = try objectType(typeReference)
        let values = try prepareCreate(input, type)
        let record = try insert(values, type, associations: input.associations, at: .now())
        return answer(record, type, names: propertyNames(values.map(\.0), defaults: [], type: type))
    }

    /// Applies checked values to a record and returns it.
    func apply(_ values: [(String, String)], to record: StoredRecord, _ type: ObjectType, at time: Timestamp) -> StoredRecord {
        var record = record
        for (name, value) in values { record.set(name, to: value, at: time) }
        record.updatedAt = time
        tables[type.objectTypeId]?.replace(record)
        return record
    }

    /// `PATCH /crm/v3/objects/{type}/{id}` → 200 `SimplePublicObject`.
    func update(_ typeReference: String, _ reference: String, idProperty: String?, _ input: RecordInput) throws(HubSpotError) -> RecordAnswer {
        let type = try objectType(typeReference)
        guard let record = find(reference, idProperty: idProperty, in: type) else { throw HubSpotError.objectNotFound(reference) }
        let values = try catalog(type).normalise(input.properties, for: type, portalId: portal.portalId)
        try checkUnique(values, type, excluding: record.id)
        let updated = apply(values, to: record, type, at: .now())
        return answer(updated, type, names: propertyNames(values.map(\.0), defaults: [], type: type))
    }

    /// `DELETE /crm/v3/objects/{type}/{id}` → 204: a soft delete (the record moves to `archived=true`).
    func archive(_ typeReference: String, _ reference: String) throws(HubSpotError) {
        let type = try objectType(typeReference)
        // HubSpot answers 204 for an id that does not exist (UNCONFIRMED for single archive; its batch
        // archive does the same, hubspot-api.md §2.5), so a missing record is not an error here.
        guard let record = find(reference, idProperty: nil, in: type) else { return }
        archive(record, type, at: .now())
    }

    /// Moves a record to the archive (soft delete: it is listed under `archived=true`).
    func archive(_ record: StoredRecord, _ type: ObjectType, at time: Timestamp) {
        var record = record
        record.archived = true
        record.archivedAt = time
        record.updatedAt = time
        tables[type.objectTypeId]?.replace(record)
    }

    /// `POST /crm/v3/objects/contacts/merge` → 200, the primary record with the other's values where the
    /// primary has none; the merged-away record is removed.
    func merge(_ typeReference: String, _ input: MergeInput) throws(HubSpotError) -> RecordAnswer {
        let type = try objectType(typeReference)
        let primaryRef = input.primaryObjectId
        let otherRef = input.objectIdToMerge
        guard let primary = find(primaryRef, idProperty: nil, in: type) else { throw HubSpotError.objectNotFound(primaryRef) }
        guard let other = find(otherRef, idProperty: nil, in: type), other.id != primary.id else { throw HubSpotError.objectNotFound(otherRef) }
        tables[type.objectTypeId]?.remove(other.id)
        var merges = mergedInto[type.objectTypeId] ?? [:]
        for (old, into) in merges where into == other.id { merges[old] = primary.id }
        merges[other.id] = primary.id
        mergedInto[type.objectTypeId] = merges
        var values = other.properties.filter { primary.properties[$0.key] == nil }.map { ($0.key, $0.value) }
        let merged = ([primary.properties["hs_merged_object_ids"]] + [String(other.id)]).compactMap { $0 }.joined(separator: ";")
        if catalog(type)["hs_merged_object_ids"] != nil { values.append(("hs_merged_object_ids", merged)) }
        moveAssociations(of: type, from: other.id, to: primary.id)
        let updated = apply(values, to: primary, type, at: .now())
        return answer(updated, type, names: propertyNames(nil, defaults: type.defaultProperties, type: type))
    }

    /// `POST /crm/v3/objects/contacts/gdpr-delete` → 204: removes the record for good.
    func gdprDelete(_ typeReference: String, _ input: GDPRDeleteInput) throws(HubSpotError) {
        let type = try objectType(typeReference)
        let reference = input.objectId
        guard let record = find(reference, idProperty: input.idProperty, in: type) else {
            throw HubSpotError.objectNotFound(reference)
        }
        tables[type.objectTypeId]?.remove(record.id)
        removeAssociations(of: type, id: record.id)
    }
}
