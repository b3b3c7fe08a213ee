/// A schema body: `ObjectSchemaEgg` (create) or `ObjectTypeDefinitionPatch` (update), decoded
/// (`SchemaInput+Wire.swift`). What a create or update requires of it is the store's to check.
struct SchemaInput: Sendable {
    var name: String?
    /// `labels.singular` and `labels.plural`; `labels` is `nil` when the body has no labels object.
    var labels: (singular: String?, plural: String?)?
    /// The properties of a create, each decoded on its own (one that is not an object is its error).
    var properties: [Result<PropertyInput, HubSpotError>] = []
    /// Each list is `nil` when the body does not name it (an explicit `null` is an empty list).
    var requiredProperties: [String]?
    var searchableProperties: [String]?
    var secondaryDisplayProperties: [String]?
    var primaryDisplayProperty: String?
    var description: String?
    /// A patch's `clearDescription: true`.
    var clearDescription = false
    /// The object types a create associates the new type with.
    var associatedObjects: [String] = []
}

/// `AssociationDefinitionEgg`: a schema's new association; the ends are `nil` when missing.
struct SchemaAssociationInput: Sendable {
    var fromObjectTypeId: String?
    var toObjectTypeId: String?
    var name: String?
}

/// A schema batch read: each input's name or id (`nil` where an input has neither) and what to include.
struct SchemaNamesInput: Sendable {
    var names: [String?]
    var includeProperties: Bool
    var includeAssociations: Bool
}
