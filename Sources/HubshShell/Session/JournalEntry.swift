import HubSpotAPI
import JSONValue

/// What one write operation is, as the first line of its journal says (docs/shell.md, "The journal").
public struct JournalHeader: Sendable, Equatable {
    /// The kind of write, which decides how it is undone.
    public enum Operation: String, Sendable {
        case create, update, upsert, archive, associate, unassociate
        /// An undo: its entries say what it put back.
        case undo
        /// Records merged into others: HubSpot cannot undo a merge.
        case merge
        /// Contacts erased for good: nothing to undo with.
        case gdprDelete = "gdpr-delete"
        /// A file imported through HubSpot's Imports API: the job writes on HubSpot's side and keeps
        /// nothing hubsh could put back.
        case importJob = "import-job"

        /// Whether `undo` can revert it.
        public var isUndoable: Bool { self != .merge && self != .gdprDelete && self != .importJob }
    }

    /// The operation's number, unique in the state folder (`undo 7`).
    public var op: Int
    /// When it started (ISO-8601 UTC).
    public var time: String
    /// The connection it wrote through; undo goes through the same.
    public var connection: String
    /// The statement, secrets masked.
    public var statement: String
    public var operation: Operation
    public var objectType: String
    /// The other object type of an association.
    public var toObjectType: String?
    /// The operation this one undid.
    public var undoOf: Int?

    public init(op: Int = 0, time: String = OperationLog.now(), connection: String, statement: String, operation: Operation,
                objectType: String, toObjectType: String? = nil, undoOf: Int? = nil) {
        self.op = op
        self.time = time
        self.connection = connection
        self.statement = OperationLog.redact(statement)
        self.operation = operation
        self.objectType = objectType
        self.toObjectType = toObjectType
        self.undoOf = undoOf
    }

    /// The header line.
    var json: JSONValue {
        var object: JSONObject = [
            "kind": "operation", "op": .int(op), "time": .string(time), "connection": .string(connection),
            "statement": .string(statement), "operation": .string(operation.rawValue), "objectType": .string(objectType),
        ]
        if let toObjectType { object["toObjectType"] = .string(toObjectType) }
        if let undoOf { object["undoOf"] = .int(undoOf) }
        return .object(object)
    }

    /// Reads a header line; nil when it is not one.
    init?(json: JSONValue) {
        guard json["kind"] == "operation", let op = json["op"]?.intValue, let time = json["time"]?.stringValue,
              let connection = json["connection"]?.stringValue, let statement = json["statement"]?.stringValue,
              let operation = json["operation"]?.stringValue.flatMap(Operation.init(rawValue:)),
              let objectType = json["objectType"]?.stringValue else { return nil }
        self.init(op: op, time: time, connection: connection, statement: statement, operation: operation, objectType: objectType,
                  toObjectType: json["toObjectType"]?.stringValue, undoOf: json["undoOf"]?.intValue)
        self.statement = statement
    }
}

/// One line of a journal after its header: what a record held before it was written (recorded before
/// the batch is sent), what a batch did once answered, and how the operation ended.
public enum JournalEntry: Sendable, Equatable {
    /// Before an update: the values the record held of the properties written (null: empty) and its
    /// `hs_lastmodifieddate`, so undo can tell whether someone changed it since.
    case prior(id: String, properties: JSONObject, lastModified: String?)
    /// Before an archive: the record's writable properties and its associations.
    case removed(id: String, properties: JSONObject, associations: [JournalAssociation])
    /// Pairs about to be associated, with the types written.
    case linked(from: String, to: String, types: [AssociationSpec])
    /// Pairs about to be unlinked (by `unassociate` or an undo), with the types they held (or, for
    /// labels removed, those labels): undo links them again with these.
    case unlinked(from: String, to: String, types: [AssociationSpec])
    /// A batch was answered: the records it wrote.
    case written([JournalWrite])
    /// An undo created a deleted record again, under a new id.
    case recreated(oldId: String, newId: String)
    /// About to merge `merged` into `primary`; the values `merged` held, for the record (not for undo).
    case merging(primary: String, merged: String, properties: JSONObject)
    /// About to erase a contact for good (GDPR delete), by id or by `idProperty`.
    case erasing(id: String, idProperty: String?)
    /// A job import started on HubSpot's side: the file, HubSpot's job id and the file's rows.
    case importing(file: String, jobId: String, rows: Int)
    /// The operation ended (a journal without this line was interrupted).
    case end(written: Int, failed: Int)

    var json: JSONValue {
        switch self {
        case .prior(let id, let properties, let lastModified):
            ["kind": "prior", "id": .string(id), "properties": .object(properties), "lastModified": lastModified.map(JSONValue.string) ?? .null]
        case .removed(let id, let properties, let associations):
            ["kind": "removed", "id": .string(id), "properties": .object(properties), "associations": .array(associations.map(\.json))]
        case .linked(let from, let to, let types):
            ["kind": "linked", "from": .string(from), "to": .string(to), "types": .array(types.map(\.json))]
        case .unlinked(let from, let to, let types):
            ["kind": "unlinked", "from": .string(from), "to": .string(to), "types": .array(types.map(\.json))]
        case .written(let records):
            ["kind": "written", "records": .array(records.map(\.json))]
        case .recreated(let oldId, let newId):
            ["kind": "recreated", "oldId": .string(oldId), "newId": .string(newId)]
        case .merging(let primary, let merged, let properties):
            ["kind": "merging", "primary": .string(primary), "merged": .string(merged), "properties": .object(properties)]
        case .erasing(let id, let idProperty):
            ["kind": "erasing", "id": .string(id), "idProperty": idProperty.map(JSONValue.string) ?? .null]
        case .importing(let file, let jobId, let rows):
            ["kind": "importing", "file": .string(file), "jobId": .string(jobId), "rows": .int(rows)]
        case .end(let written, let failed):
            ["kind": "end", "written": .int(written), "failed": .int(failed)]
        }
    }

    /// Reads an entry line; nil when it is not one this version knows.
    init?(json: JSONValue) {
        switch json["kind"]?.stringValue {
        case "prior":
            guard let id = json["id"]?.stringValue else { return nil }
            self = .prior(id: id, properties: json["properties"]?.objectValue ?? [:], lastModified: json["lastModified"]?.stringValue)
        case "removed":
            guard let id = json["id"]?.stringValue else { return nil }
            self = .removed(id: id, properties: json["properties"]?.objectValue ?? [:],
                            associations: (json["associations"]?.arrayValue ?? []).compactMap(JournalAssociation.init(json:)))
        case "linked", "unlinked":
            guard let from = json["from"]?.stringValue, let to = json["to"]?.stringValue else { return nil }
            let types = (json["types"]?.arrayValue ?? []).compactMap { AssociationLabel($0)?.spec }
            self = json["kind"] == "linked" ? .linked(from: from, to: to, types: types) : .unlinked(from: from, to: to, types: types)
        case "written":
            self = .written((json["records"]?.arrayValue ?? []).compactMap(JournalWrite.init(json:)))
        case "recreated":
            guard let old = json["oldId"]?.stringValue, let new = json["newId"]?.stringValue else { return nil }
            self = .recreated(oldId: old, newId: new)
        case "merging":
            guard let primary = json["primary"]?.stringValue, let merged = json["merged"]?.stringValue else { return nil }
            self = .merging(primary: primary, merged: merged, properties: json["properties"]?.objectValue ?? [:])
        case "erasing":
            guard let id = json["id"]?.stringValue else { return nil }
            self = .erasing(id: id, idProperty: json["idProperty"]?.stringValue)
        case "importing":
            guard let file = json["file"]?.stringValue, let jobId = json["jobId"]?.stringValue else { return nil }
            self = .importing(file: file, jobId: jobId, rows: json["rows"]?.intValue ?? 0)
        case "end":
            self = .end(written: json["written"]?.intValue ?? 0, failed: json["failed"]?.intValue ?? 0)
        default:
            return nil
        }
    }
}

/// A record a batch wrote, as its answer said.
public struct JournalWrite: Sendable, Equatable {
    public var id: String
    /// When HubSpot says it was written (`updatedAt`): a later modification is someone else's.
    public var updatedAt: String?
    /// Whether the write made the record (a create, or an upsert that found none).
    public var created: Bool

    public init(id: String, updatedAt: String? = nil, created: Bool = false) {
        self.id = id
        self.updatedAt = updatedAt
        self.created = created
    }

    var json: JSONValue {
        var object: JSONObject = ["id": .string(id)]
        if let updatedAt { object["updatedAt"] = .string(updatedAt) }
        if created { object["created"] = true }
        return .object(object)
    }

    init?(json: JSONValue) {
        guard let id = json["id"]?.stringValue else { return nil }
        self.init(id: id, updatedAt: json["updatedAt"]?.stringValue, created: json["created"]?.boolValue == true)
    }
}

/// An association of a record that was archived, to make again on undo.
public struct JournalAssociation: Sendable, Equatable {
    public var toObjectType: String
    public var toId: String
    public var types: [AssociationSpec]

    public init(toObjectType: String, toId: String, types: [AssociationSpec]) {
        self.toObjectType = toObjectType
        self.toId = toId
        self.types = types
    }

    var json: JSONValue {
        ["toObjectType": .string(toObjectType), "toId": .string(toId), "types": .array(types.map(\.json))]
    }

    init?(json: JSONValue) {
        guard let type = json["toObjectType"]?.stringValue, let id = json["toId"]?.stringValue else { return nil }
        self.init(toObjectType: type, toId: id, types: (json["types"]?.arrayValue ?? []).compactMap { AssociationLabel($0)?.spec })
    }
}
