import JSONValue

extension SandboxStore {
    /// The v3 `associations` member of a record answer: requested type name → `{results:[{id,type}]}`.
    func embeddedAssociations(of type: ObjectType, id: Int, to targets: [ObjectType]) -> JSONObject {
        [:]
    }

    /// Checks inline `associations` of a create before anything is stored.
    func checkInlineAssociations(_ associations: [JSONValue], from type: ObjectType) throws(HubSpotError) {
    }

    /// Applies inline `associations` of a create (`[{to:{id}, types:[{associationCategory, associationTypeId}]}]`).
    func applyInlineAssociations(_ associations: [JSONValue], from type: ObjectType, id: Int) throws(HubSpotError) {
    }

    /// Moves every association of a merged-away record to the record it was merged into.
    func moveAssociations(of type: ObjectType, from oldId: Int, to newId: Int) {
    }

    /// Forgets every association of a record that is deleted for good.
    func removeAssociations(of type: ObjectType, id: Int) {
    }
}

extension SandboxStore {
    /// Associates two records with the HubSpot-defined unlabeled type (both directions).
    func associateDefault(_ fromType: ObjectType, _ fromId: Int, _ toType: ObjectType, _ toId: Int) throws(HubSpotError) {
    }

    /// Associates two records with the given association type ids of the pair (the inverse types are
    /// kept in sync).
    func associate(_ fromType: ObjectType, _ fromId: Int, _ toType: ObjectType, _ toId: Int, typeIds: [Int]) throws(HubSpotError) {
    }

    /// The ids of `type` records associated with the record `targetId` of `targetType` (for the search
    /// pseudo-property `associations.{type}`).
    func associatedIds(of type: ObjectType, to targetType: ObjectType, id targetId: Int) -> Set<Int> {
        []
    }

    /// Defines the association types between a new custom object and another type (both directions);
    /// returns the forward and inverse type ids.
    @discardableResult
    func defineCustomAssociation(from: ObjectType, to: ObjectType, name: String?) -> (forward: Int, inverse: Int) {
        (0, 0)
    }
}
