import JSONValue

/// The associations between records and the association types defined per object pair.
/// (Stub: the associations work fills this in.)
struct AssociationGraph: Sendable {
}
