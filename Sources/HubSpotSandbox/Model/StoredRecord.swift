import JSONValue

/// One earlier or current value of a property (`ValueWithTimestamp`, hubspot-api.md §2.2).
public struct PropertyVersion: Sendable, Hashable {
    public var value: String
    public var timestamp: Timestamp
    public var sourceType: String
}

/// A CRM record as the emulator keeps it: property values are strings, as on the wire.
///
/// The system properties (`hs_object_id`, the create date and the last-modified date) are not stored:
/// `value(of:in:)` derives them, which keeps a million small records small.
public struct StoredRecord: Sendable, Hashable {
    public var id: Int
    public var properties: [String: String]
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    public var archived: Bool = false
    public var archivedAt: Timestamp?
    /// Earlier values, kept only for properties changed after creation (newest first).
    public var history: [String: [PropertyVersion]]?

    public init(id: Int, properties: [String: String], createdAt: Timestamp, updatedAt: Timestamp? = nil) {
        self.id = id
        self.properties = properties
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// The value of `name` on the wire, derived for system properties; `nil` when the record has none.
    public func value(of name: String, in type: ObjectType) -> String? {
        if name == "hs_object_id" { return String(id) }
        if name == type.createDateProperty { return createdAt.iso8601 }
        if name == type.lastModifiedProperty { return updatedAt.iso8601 }
        return properties[name]
    }

    /// Sets `name` to `value` (an empty string clears it), remembering the value it replaces.
    mutating func set(_ name: String, to value: String, at time: Timestamp) {
        let old = properties[name]
        if old == value || (old == nil && value.isEmpty) { return }
        // A value set where none was has a version from then on; what it replaces, from when it was held.
        var versions = history?[name] ?? old.map { [PropertyVersion(value: $0, timestamp: createdAt, sourceType: "API")] } ?? []
        versions.insert(PropertyVersion(value: value, timestamp: time, sourceType: "API"), at: 0)
        // Kept bounded: a property written a million times must not grow the record without end.
        if versions.count > Self.historyLimit { versions.removeLast(versions.count - Self.historyLimit) }
        if history == nil { history = [:] }
        history?[name] = versions
        properties[name] = value.isEmpty ? nil : value
    }

    /// The most versions kept of one property (HubSpot's own bound is not documented).
    static let historyLimit = 50

    /// The versions of `name`, newest first: the remembered history, or the current value alone.
    public func versions(of name: String, in type: ObjectType) -> [PropertyVersion] {
        if let versions = history?[name] { return versions }
        guard let value = value(of: name, in: type) else { return [] }
        return [PropertyVersion(value: value, timestamp: createdAt, sourceType: "API")]
    }
}

/// The records of one object type, in id order (ids only grow, so appends keep the order).
public struct RecordTable: Sendable {
    /// Every record ever created and not hard-deleted, archived ones included, in ascending id order.
    public private(set) var records: [StoredRecord] = []
    private var positions: [Int: Int] = [:]
    /// Unique-value indexes: property name → lower-cased value → record id (live records only).
    private var unique: [String: [String: Int]] = [:]
    /// How many hard deletions left holes that `compact()` will remove.
    private var holes = 0
    /// Cached columns for search: property name → every record's stored value, by position (see `column(_:)`).
    private var columns: [String: [String?]] = [:]
    /// The most columns kept at once; building one more drops the others.
    static let columnLimit = 24
    /// The writes search has not seen yet; `nil` when search sees every write at once.
    var searchLag: SearchLagLog?

    public init() {}

    /// Live (not archived) records.
    public var liveCount: Int { records.lazy.filter { !$0.archived }.count }

    /// The record with this id, archived or not.
    public func record(_ id: Int) -> StoredRecord? {
        positions[id].map { records[$0] }
    }

    /// The position of the record with this id in `records`.
    func position(of id: Int) -> Int? {
        positions[id]
    }

    /// The live record holding `value` under the unique property `property`.
    public func id(withUnique property: String, value: String) -> Int? {
        unique[property]?[value.lowercased()]
    }

    /// Every record's stored value of `name` by position in `records` (`nil` where a record has none), so a
    /// scan reads one contiguous array instead of hashing the name into each record's dictionary. Built on
    /// first use and kept up to date by `insert`, `replace` and `remove`.
    ///
    /// The values are copied when the column is built, so their bytes lie together in memory in table
    /// order: a scan then reads memory in sequence instead of one scattered allocation per record.
    mutating func column(_ name: String) -> [String?] {
        if let column = columns[name] { return column }
        if columns.count >= Self.columnLimit { columns.removeAll() }
        let column = records.map { record in
            record.properties[name].map { value in
                String(unsafeUninitializedCapacity: value.utf8.count) { $0.initialize(fromContentsOf: value.utf8) }
            }
        }
        columns[name] = column
        return column
    }

    /// Indexes every property of `catalog` whose values are unique in `type`.
    mutating func indexUniqueProperties(of catalog: PropertyCatalog, in type: ObjectType) {
        for definition in catalog.values where definition.isUnique(in: type) { indexUnique(definition.name) }
    }

    /// Starts indexing `property` as unique (for `hasUniqueValue` properties and contact email).
    mutating func indexUnique(_ property: String) {
        guard unique[property] == nil else { return }
        var index: [String: Int] = [:]
        for record in records where !record.archived && record.id != 0 {
            if let v = record.properties[property] { index[v.lowercased()] = record.id }
        }
        unique[property] = index
    }

    /// Appends a new record; its id must be greater than every id in the table.
    mutating func insert(_ record: StoredRecord) {
        precondition(records.last.map { $0.id < record.id } ?? true, "record ids must grow")
        positions[record.id] = records.count
        records.append(record)
        searchLag?.record(record.id, before: nil)
        reindex(nil, record)
        // A copy of the names, as in `reindex`: iterating `columns.keys` would make every append copy a column.
        for name in Array(columns.keys) { columns[name]?.append(record.properties[name]) }
    }

    /// Replaces the record with the same id.
    mutating func replace(_ record: StoredRecord) {
        guard let position = positions[record.id] else { return }
        let old = records[position]
        records[position] = record
        searchLag?.record(record.id, before: old)
        reindex(old, record)
        for name in Array(columns.keys) { columns[name]?[position] = record.properties[name] }
    }

    /// Removes a record for good (GDPR delete, or a merge); search stops seeing it at once.
    mutating func remove(_ id: Int) {
        guard let position = positions.removeValue(forKey: id) else { return }
        reindex(records[position], nil)
        records[position].id = 0
        records[position].archived = true
        holes += 1
        if holes > 1024, holes * 4 > records.count { compact() }
    }

    /// Index of the first record whose id is greater than `id` (for cursor paging).
    public func position(after id: Int) -> Int {
        var low = 0
        var high = records.count
        while low < high {
            let mid = (low + high) / 2
            if records[mid].id <= id { low = mid + 1 } else { high = mid }
        }
        return low
    }

    private mutating func compact() {
        records.removeAll { $0.id == 0 }
        positions = Dictionary(uniqueKeysWithValues: records.enumerated().map { ($1.id, $0) })
        holes = 0
        columns.removeAll()
    }

    private mutating func reindex(_ old: StoredRecord?, _ new: StoredRecord?) {
        // Iterating a copy of the keys: iterating `unique.keys` itself would share the storage and make
        // every mutation below copy the whole index.
        for property in Array(unique.keys) {
            if let old, !old.archived, let v = old.properties[property], unique[property]?[v.lowercased()] == old.id {
                unique[property]?[v.lowercased()] = nil
            }
            if let new, !new.archived, let v = new.properties[property] {
                unique[property]?[v.lowercased()] = new.id
            }
        }
    }
}
