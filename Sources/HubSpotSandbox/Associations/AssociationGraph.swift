import JSONValue

/// The associations between records and the association types defined per object pair
/// (hubspot-api.md §5).
///
/// Every edge is stored in both directions, each keyed by the record it starts from, so a record's
/// associations are one dictionary look-up away and the inverse types stay in sync by construction.
struct AssociationGraph: Sendable {
    /// The first id handed to a custom label or custom-object type; above every HubSpot-defined id we
    /// serve, so one id names one type in the whole portal.
    static let firstCustomTypeId = 1_001
    /// At most this many custom labels per object pair (hubspot-api.md §5.2).
    static let maxLabelsPerPair = 10

    /// Every association type by id.
    private(set) var types: [Int: AssociationType] = [:]
    /// The type ids of each object pair, in HubSpot's listing order.
    private var pairTypes: [AssociationPair: [Int]] = [:]
    /// The unlabeled type of each object pair.
    private var unlabeled: [AssociationPair: Int] = [:]
    /// from record → to object type id → to record id → type ids held.
    private var edges: [RecordKey: [String: [Int: Set<Int>]]] = [:]
    /// Configured limits: type id → the most records one record may hold that type towards.
    private(set) var limits: [Int: Int] = [:]
    /// The next id for a custom type.
    var nextCustomTypeId = AssociationGraph.firstCustomTypeId

    /// A graph with the HubSpot-defined types and no edges.
    init() {
        for type in HubSpotDefinedAssociations.all { install(type) }
    }

    /// Adds a type to the indexes.
    mutating func install(_ type: AssociationType) {
        types[type.id] = type
        let others = pairTypes[type.pair, default: []].filter { $0 != type.id }.compactMap { types[$0] }
        pairTypes[type.pair] = (others + [type]).sorted(by: AssociationType.precedes).map(\.id)
        if type.label == nil { unlabeled[type.pair] = type.id }
    }

    /// Removes a type from the indexes (its edges must be gone already).
    mutating func uninstall(_ id: Int) {
        guard let type = types.removeValue(forKey: id) else { return }
        pairTypes[type.pair]?.removeAll { $0 == id }
        limits[id] = nil
    }

    /// Replaces a stored type's label.
    mutating func relabel(_ id: Int, _ label: String) {
        types[id]?.label = label
    }

    // MARK: Types

    /// The types from `from` to `to`, in HubSpot's listing order.
    func types(from: String, to: String) -> [AssociationType] {
        (pairTypes[AssociationPair(from: from, to: to)] ?? []).compactMap { types[$0] }
    }

    /// The unlabeled type of a pair, when the pair can be associated at all.
    func unlabeledType(from: String, to: String) -> AssociationType? {
        unlabeled[AssociationPair(from: from, to: to)].flatMap { types[$0] }
    }

    /// Sorts type ids in HubSpot's listing order.
    func ordered(_ ids: Set<Int>) -> [AssociationType] {
        ids.compactMap { types[$0] }.sorted(by: AssociationType.precedes)
    }

    /// Sets or clears (`nil`) the limit of a type.
    mutating func setLimit(_ id: Int, _ max: Int?) {
        limits[id] = max
    }

    // MARK: Reading edges

    /// The type ids held from record `a` to record `b`.
    func typeIds(from a: RecordKey, to b: RecordKey) -> Set<Int> {
        edges[a]?[b.objectTypeId]?[b.id] ?? []
    }

    /// The records of one object type that `a` is associated with, and the type ids held towards each.
    func targets(of a: RecordKey, toObjectTypeId: String) -> [Int: Set<Int>] {
        edges[a]?[toObjectTypeId] ?? [:]
    }

    /// Every edge, one entry per direction (for snapshots).
    var allEdges: [(from: RecordKey, to: RecordKey, typeIds: Set<Int>)] {
        var result: [(from: RecordKey, to: RecordKey, typeIds: Set<Int>)] = []
        for (from, byType) in edges {
            for (toType, byId) in byType {
                for (toId, ids) in byId { result.append((from, RecordKey(toType, toId), ids)) }
            }
        }
        return result
    }

    // MARK: Writing edges

    /// Checks that every id is a type from `pair` and returns the types, the pair's unlabeled type first.
    func resolve(_ ids: [Int], pair: AssociationPair) throws(HubSpotError) -> [AssociationType] {
        guard let base = unlabeled[pair].flatMap({ types[$0] }) else {
            throw HubSpotError.validation("No association types exist from \(pair.from) to \(pair.to)")
        }
        var resolved = [base]
        for id in ids where id != base.id {
            guard let type = types[id], type.pair == pair else {
                throw HubSpotError.validation("\(id) is not a valid association type id from \(pair.from) to \(pair.to)")
            }
            if !resolved.contains(type) { resolved.append(type) }
        }
        return resolved
    }

    /// Adds `ids` between two records, with the pair's unlabeled type and every inverse type. A primary
    /// type moves: the record's previous primary of that pair becomes a plain association.
    mutating func add(_ a: RecordKey, _ b: RecordKey, typeIds ids: [Int]) throws(HubSpotError) {
        let resolved = try resolve(ids, pair: AssociationPair(from: a.objectTypeId, to: b.objectTypeId))
        try checkLimits(a, b, resolved)
        for type in resolved { connect(a, b, type) }
    }

    /// Makes `ids` (plus the unlabeled type) the whole set held between two records.
    mutating func replace(_ a: RecordKey, _ b: RecordKey, typeIds ids: [Int]) throws(HubSpotError) {
        let resolved = try resolve(ids, pair: AssociationPair(from: a.objectTypeId, to: b.objectTypeId))
        try checkLimits(a, b, resolved)
        removeAll(a, b)
        for type in resolved { connect(a, b, type) }
    }

    /// Removes `ids` between two records; removing the unlabeled type removes the association whole.
    mutating func remove(_ a: RecordKey, _ b: RecordKey, typeIds ids: [Int]) {
        if let base = unlabeled[AssociationPair(from: a.objectTypeId, to: b.objectTypeId)], ids.contains(base) {
            removeAll(a, b)
            return
        }
        let held = typeIds(from: a, to: b)
        for id in ids where held.contains(id) {
            unlink(a, b, id)
            if let inverse = types[id]?.inverseId { unlink(b, a, inverse) }
        }
    }

    /// Removes every type between two records, both directions.
    mutating func removeAll(_ a: RecordKey, _ b: RecordKey) {
        drop(a, b)
        drop(b, a)
    }

    /// Forgets every association of a record.
    mutating func removeRecord(_ key: RecordKey) {
        guard let byType = edges.removeValue(forKey: key) else { return }
        for (toType, byId) in byType {
            for toId in byId.keys { drop(RecordKey(toType, toId), key) }
        }
    }

    /// Gives `new` every association `old` has (a merge), then forgets `old`. A primary type that `new`
    /// already holds towards another record stays with `new`'s choice.
    mutating func moveRecord(_ old: RecordKey, to new: RecordKey) {
        let byType = edges[old] ?? [:]
        removeRecord(old)
        for (toType, byId) in byType {
            for (toId, ids) in byId {
                let other = RecordKey(toType, toId)
                guard other != new else { continue }
                for type in ordered(ids) {
                    if type.isPrimary, targets(of: new, toObjectTypeId: toType).contains(where: { $0.value.contains(type.id) }) { continue }
                    if let inverse = types[type.inverseId], inverse.isPrimary,
                       targets(of: other, toObjectTypeId: new.objectTypeId).contains(where: { $0.value.contains(inverse.id) }) { continue }
                    connect(new, other, type)
                }
            }
        }
    }

    /// Removes every edge holding `id` (a deleted label), both directions.
    mutating func removeEdges(holding id: Int) {
        guard let type = types[id] else { return }
        var found: [(RecordKey, RecordKey)] = []
        for (from, byType) in edges where from.objectTypeId == type.fromObjectTypeId {
            for (toId, ids) in byType[type.toObjectTypeId] ?? [:] where ids.contains(id) {
                found.append((from, RecordKey(type.toObjectTypeId, toId)))
            }
        }
        for (a, b) in found {
            unlink(a, b, id)
            unlink(b, a, type.inverseId)
        }
    }

    /// Stores one edge in one direction as given (for restoring snapshots).
    mutating func restoreEdge(_ a: RecordKey, _ b: RecordKey, typeIds ids: Set<Int>) {
        guard !ids.isEmpty else { return }
        edges[a, default: [:]][b.objectTypeId, default: [:]][b.id, default: []].formUnion(ids)
    }

    /// Refuses an association that would break a configured limit.
    private func checkLimits(_ a: RecordKey, _ b: RecordKey, _ resolved: [AssociationType]) throws(HubSpotError) {
        for type in resolved {
            for (from, to, id) in [(a, b, type.id), (b, a, type.inverseId)] {
                guard let max = limits[id] else { continue }
                let held = targets(of: from, toObjectTypeId: to.objectTypeId).filter { $0.key != to.id && $0.value.contains(id) }.count
                if held >= max {
                    throw HubSpotError.validation(
                        "Association limit exceeded: record \(from.id) may be associated with at most \(max) records with association type \(id)",
                        subCategory: "crm.associations.ASSOCIATION_LIMIT_EXCEEDED")
                }
            }
        }
    }

    /// Holds `type` from `a` to `b` and its inverse back, moving a primary type if needed.
    private mutating func connect(_ a: RecordKey, _ b: RecordKey, _ type: AssociationType) {
        if type.isPrimary { clearPrimary(type, from: a, except: b) }
        if let inverse = types[type.inverseId], inverse.isPrimary { clearPrimary(inverse, from: b, except: a) }
        edges[a, default: [:]][b.objectTypeId, default: [:]][b.id, default: []].insert(type.id)
        edges[b, default: [:]][a.objectTypeId, default: [:]][a.id, default: []].insert(type.inverseId)
    }

    /// Takes the primary `type` (and its inverse) off every record `a` holds it towards, but `b`.
    private mutating func clearPrimary(_ type: AssociationType, from a: RecordKey, except b: RecordKey) {
        for (toId, ids) in targets(of: a, toObjectTypeId: type.toObjectTypeId) where toId != b.id && ids.contains(type.id) {
            let other = RecordKey(type.toObjectTypeId, toId)
            unlink(a, other, type.id)
            unlink(other, a, type.inverseId)
        }
    }

    /// Removes one type id from one direction, dropping emptied levels.
    private mutating func unlink(_ a: RecordKey, _ b: RecordKey, _ id: Int) {
        edges[a]?[b.objectTypeId]?[b.id]?.remove(id)
        if edges[a]?[b.objectTypeId]?[b.id]?.isEmpty == true { drop(a, b) }
    }

    /// Removes one direction between two records, dropping emptied levels.
    private mutating func drop(_ a: RecordKey, _ b: RecordKey) {
        edges[a]?[b.objectTypeId]?[b.id] = nil
        if edges[a]?[b.objectTypeId]?.isEmpty == true { edges[a]?[b.objectTypeId] = nil }
        if edges[a]?.isEmpty == true { edges[a] = nil }
    }
}
