/// One association type: a direction between two object types, unlabeled or with a label
/// (hubspot-api.md §5.2, §5.3). Every type has an inverse, the type the other record holds back.
struct AssociationType: Sendable, Hashable {
    /// `HUBSPOT_DEFINED`: the types HubSpot ships.
    static let hubspotDefined = "HUBSPOT_DEFINED"
    /// `USER_DEFINED`: custom labels and custom-object types.
    static let userDefined = "USER_DEFINED"

    /// `typeId` / `associationTypeId`.
    var id: Int
    /// `category` / `associationCategory`.
    var category: String
    /// Object type id of the records the type goes from.
    var fromObjectTypeId: String
    /// Object type id of the records the type goes to.
    var toObjectTypeId: String
    /// The label; `nil` for the unlabeled type of a pair.
    var label: String?
    /// The v3 name (`contact_to_company_unlabeled`), or a custom label's internal name.
    var name: String
    /// The type the other record holds back (itself for a symmetric same-object type).
    var inverseId: Int
    /// Whether a record may hold this type towards one record only (HubSpot's primary company).
    var isPrimary = false

    /// The object pair the type belongs to.
    var pair: AssociationPair { AssociationPair(from: fromObjectTypeId, to: toObjectTypeId) }

    /// The order HubSpot lists types in: HubSpot-defined before user-defined, then by id
    /// (hubspot-api.md §5.2 batch read example: 1, 279, then USER_DEFINED 28).
    static func precedes(_ a: AssociationType, _ b: AssociationType) -> Bool {
        let aRank = a.category == hubspotDefined ? 0 : 1
        let bRank = b.category == hubspotDefined ? 0 : 1
        return aRank != bRank ? aRank < bRank : a.id < b.id
    }
}

/// An ordered pair of object type ids: the direction of an association.
struct AssociationPair: Sendable, Hashable {
    var from: String
    var to: String
}

/// A record as the association graph knows it: object type id and record id.
struct RecordKey: Sendable, Hashable {
    var objectTypeId: String
    var id: Int

    init(_ objectTypeId: String, _ id: Int) {
        self.objectTypeId = objectTypeId
        self.id = id
    }

    init(_ type: ObjectType, _ id: Int) {
        self.init(type.objectTypeId, id)
    }
}
