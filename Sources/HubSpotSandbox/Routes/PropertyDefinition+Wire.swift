import JSONValue

extension PropertyDefinition {
    /// The `Property` JSON an answer carries: `json`, with `archivedAt` for an archived definition (the
    /// time it was archived is its last update).
    var answerJSON: JSONValue {
        guard archived, case .object(var object) = json else { return json }
        object["archivedAt"] = object["updatedAt"]
        return .object(object)
    }
}
