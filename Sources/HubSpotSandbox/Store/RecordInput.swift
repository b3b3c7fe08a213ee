import OrderedCollections

/// Property values of a write by name, in the order sent, each as the text HubSpot reads (`""` clears).
typealias PropertyValues = OrderedDictionary<String, String>

/// A record body: `SimplePublicObjectInput(ForCreate)` or one input of a batch create, update or upsert
/// (hubspot-api.md §2.4, §2.5), decoded (`RecordInput+Wire.swift`). What each request requires of it
/// (an id, valid values) is the store's to check, so its errors come in HubSpot's order.
struct RecordInput: Sendable {
    /// The record's id, or its unique value when `idProperty` is given (batch update and upsert).
    var id: String?
    var idProperty: String?
    var properties: PropertyValues = [:]
    /// Inline associations of a create.
    var associations: [InlineAssociation] = []
    /// The client's id for this input, echoed on its result or error (hubspot-api.md §2.5).
    var objectWriteTraceId: String?
}

/// One inline association of a create: `{to: {id}, types: [AssociationSpec]}`.
struct InlineAssociation: Sendable {
    /// `to.id`; `nil` when missing.
    var toId: String?
    var types: [AssociationSpec]
}

/// An `AssociationSpec`: `{associationCategory, associationTypeId}` (hubspot-api.md §5.2).
struct AssociationSpec: Sendable {
    /// `nil` when missing.
    var typeId: Int?
    /// `nil` when missing, which accepts the type's own category.
    var category: String?
}

/// A batch read: the ids (or unique values) and what to answer with.
struct BatchReadInput: Sendable {
    /// Each input's `id`; `nil` where an input has none.
    var ids: [String?]
    /// Properties asked for; `nil` (or empty) means the type's defaults.
    var properties: [String]?
    var propertiesWithHistory: [String]
    var idProperty: String?
}

/// A merge: the record that stays and the one merged into it.
struct MergeInput: Sendable {
    var primaryObjectId: String
    var objectIdToMerge: String
}

/// A GDPR delete: the record, by id or by a unique value.
struct GDPRDeleteInput: Sendable {
    var objectId: String
    var idProperty: String?
}
