import JSONValue

/// What an import asks for (`importRequest`), decoded by the route: its columns' properties and keys,
/// and how each object type's rows are written.
struct ImportInput: Sendable {
    let name: String
    /// The first column mapping's `columnObjectTypeId`: the type every row is written to.
    let objectTypeId: String
    let columns: [ImportColumn]
    let hasHeader: Bool
    /// `importOperations`: CREATE, UPDATE or UPSERT by object type id.
    let operations: [String: String]
    /// The request as sent, kept only to be echoed as `importRequestJson`; the store never reads it.
    let echo: JSONValue
}

/// One column mapping of an import.
struct ImportColumn: Sendable {
    /// The header the column is found by; else its position.
    let name: String?
    let property: String
    let key: ImportKey?
}

/// A column that identifies the record a row updates (`idColumnType`).
enum ImportKey: Sendable {
    /// HUBSPOT_OBJECT_ID: the record id.
    case objectId
    /// HUBSPOT_ALTERNATE_ID: a unique property's value.
    case alternateId
}
