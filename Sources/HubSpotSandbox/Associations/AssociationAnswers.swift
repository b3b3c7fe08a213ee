/// The records of one type a record is associated with, each with the types held towards it.
struct AssociationTarget: Sendable {
    var toId: Int
    var types: [AssociationType]
}

/// One page of a record's associations; `next` is the first target id of the next page.
struct AssociationPage: Sendable {
    var targets: [AssociationTarget]
    var next: String?
    /// The page size asked for, which the next page's link repeats.
    var limit: Int
}

/// The labels held from one record to another (`LabelsBetweenObjectPair`).
struct LabelsBetween: Sendable {
    var fromObjectTypeId: String
    var fromId: Int
    var toObjectTypeId: String
    var toId: Int
    var labels: [String]
}

/// One direction of a default association (`PublicDefaultAssociation`).
struct DefaultAssociation: Sendable {
    var fromId: Int
    var toId: Int
    var type: AssociationType
}

/// A v4 batch read's result for one input: the record as given and a page of its associations.
struct AssociationRead: Sendable {
    var fromId: String
    var page: AssociationPage
}

/// A v3 association (`PublicAssociation`): one pair and the v3 name of its type.
struct V3Association: Sendable {
    var fromId: Int
    var toId: Int
    var typeName: String
}

/// A v3 batch read's result for one input: the record as given, one link per type held.
struct V3AssociationRead: Sendable {
    var fromId: String
    var links: [(id: Int, typeName: String)]
}

/// A configured association limit.
struct AssociationLimit: Sendable {
    var type: AssociationType
    var maxToObjectIds: Int
}
