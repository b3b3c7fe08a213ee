import JSONValue

/// An import of the Imports API (docs/sandbox.md, "Exports and imports"): its rows are written when
/// it starts; its state goes STARTED (the start's answer), PROCESSING, then DONE — or FAILED when no
/// row could be written — one step per status read.
struct ImportJob: Sendable {
    let id: Int
    let name: String
    let createdAt: Timestamp
    let request: JSONValue
    let objectTypeId: String
    var totalRows = 0
    var created = 0
    var updated = 0
    /// `PublicImportError`s, one per row refused.
    var errors: [JSONValue] = []
    /// Status reads so far.
    var reads = 0

    /// The state the next read answers, counting it.
    mutating func nextState() -> String {
        reads += 1
        if reads < 2 { return "PROCESSING" }
        return created + updated == 0 && !errors.isEmpty ? "FAILED" : "DONE"
    }

    /// `PublicImportResponse` in `state`.
    func response(_ state: String) -> JSONValue {
        ["id": .string(String(id)), "state": .string(state), "importName": .string(name), "importSource": "API",
         "createdAt": .string(createdAt.iso8601), "updatedAt": .string(Timestamp.now().iso8601),
         "mappedObjectTypeIds": [.string(objectTypeId)], "optOutImport": false, "importRequestJson": request,
         "metadata": ["counters": ["TOTAL_ROWS": .int(totalRows), "CREATED_OBJECTS": .int(created), "UPDATED_OBJECTS": .int(updated),
                                   "ERRORS": .int(errors.count)],
                      "fileIds": [.string(String(id))], "objectLists": []]]
    }
}
