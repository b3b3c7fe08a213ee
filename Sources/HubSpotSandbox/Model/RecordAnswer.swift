/// A record as one answer carries it: the stored record and what of it the answer shows. The store
/// builds these inside the actor; the routes encode them (`RecordAnswer+Wire.swift`) outside it.
struct RecordAnswer: Sendable {
    var record: StoredRecord
    var type: ObjectType
    /// The properties the answer carries, in HubSpot's order.
    var names: [String]
    /// The properties whose history the answer carries (`propertiesWithHistory`); `nil` when none was asked for.
    var history: [String]?
    /// The v3 embedded associations asked for, only the types the record has some of.
    var associations: [EmbeddedAssociations] = []
    /// The record's page in HubSpot's web app, for answers that carry it.
    var url: String?
    /// The `objectWriteTraceId` of the batch input this answers.
    var objectWriteTraceId: String?
    /// Whether a batch upsert created the record (`new`); `nil` for other answers.
    var isNew: Bool?
}

/// The records of one object type a record is associated with, one entry per association type held.
struct EmbeddedAssociations: Sendable {
    /// The associated object type's name (`companies`), the key HubSpot uses.
    var typeName: String
    var links: [(id: Int, label: String)]
}

/// One page of a list of records, with the id the next page starts after.
struct RecordPage: Sendable {
    var records: [RecordAnswer]
    /// The id of the first record of the next page; `nil` on the last page.
    var next: Int?
    /// The page size asked for, which the next page's link repeats.
    var limit: Int
}

/// One page of a search: how many records matched, the page, and the offset of the next page.
struct SearchPage: Sendable {
    var total: Int
    var records: [RecordAnswer]
    /// The offset of the next page; `nil` when there is none inside the 10,000-result window.
    var next: Int?
}
