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
