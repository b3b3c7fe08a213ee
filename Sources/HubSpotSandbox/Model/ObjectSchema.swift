/// A custom object schema (`ObjectSchema`, hubspot-api.md §3) as the store keeps it; its properties
/// live in the store's property catalog, so property API changes show in the schema at once.
struct ObjectSchema: Sendable {
    /// The numeric id (`objectTypeId` is `2-{id}`).
    var id: String
    var name: String
    var singularLabel: String
    var pluralLabel: String
    var objectTypeId: String
    var fullyQualifiedName: String
    var associations: [SchemaAssociation] = []
    var requiredProperties: [String] = []
    var searchableProperties: [String] = []
    var secondaryDisplayProperties: [String] = []
    var primaryDisplayProperty: String?
    var description: String?
    var createdAt: Timestamp
    var updatedAt: Timestamp
    var archived = false
    var archivedAt: Timestamp?

    /// Whether `reference` names this schema: its type id, numeric id, fully qualified name or name (any case).
    func matches(_ reference: String) -> Bool {
        let lower = reference.lowercased()
        return objectTypeId == reference || id == reference || fullyQualifiedName.lowercased() == lower || name.lowercased() == lower
    }
}

/// An association a schema defines (`AssociationDefinition`).
struct SchemaAssociation: Sendable {
    var id: String
    var fromObjectTypeId: String
    var toObjectTypeId: String
    var name: String
    var createdAt: Timestamp
    var updatedAt: Timestamp
}

/// A schema answer: the schema and, when asked for, its live property definitions and associations.
struct SchemaAnswer: Sendable {
    var schema: ObjectSchema
    /// The type's live definitions; empty when left out.
    var properties: [PropertyDefinition]
    var includesAssociations: Bool
}
