/// One input of an association batch write (`{from: {id}, to: {id}, types}` in v4, `{…, type}` in v3),
/// decoded (`AssociationInput+Wire.swift`); an id is `nil` when missing, which the store refuses in
/// HubSpot's order.
struct AssociationPairInput: Sendable {
    var fromId: String?
    var toId: String?
    /// v4's `types`.
    var types: [AssociationSpec] = []
    /// v3's `type`: a v3 name or a type id; `""` when missing.
    var v3Type = ""
}

/// One input of an association batch read: a record id and, in v4, where its page starts.
struct AssociationReadInput: Sendable {
    var id: String?
    var after: String?
}

/// One input of a v4 batch archive: `{from: {id}, to: [{id}]}`; `toIds` is `nil` without a `to` list
/// and holds `nil` for an entry without an id.
struct AssociationArchiveInput: Sendable {
    var fromId: String?
    var toIds: [String?]?
}

/// A new label (`{name, label, inverseLabel}`) or a renamed one (with `associationTypeId`).
struct AssociationLabelInput: Sendable {
    var name: String?
    var label: String?
    var inverseLabel: String?
    var typeId: Int?
}

/// One association limit configuration: the type (as a spec) and the limit.
struct AssociationLimitInput: Sendable {
    var spec: AssociationSpec
    var maxToObjectIds: Int?
}
