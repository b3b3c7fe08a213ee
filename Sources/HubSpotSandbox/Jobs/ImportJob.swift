import JSONValue

/// An import of the Imports API (docs/sandbox.md, "Exports and imports"): its rows are written when
/// it starts; its state goes STARTED (the start's answer), PROCESSING, then DONE — or FAILED when no
/// row could be written — one step per status read.
struct ImportJob: Sendable {
    let id: Int
    let name: String
    let createdAt: Timestamp
    /// The request as sent, echoed in every answer; never read here.
    let request: JSONValue
    let objectTypeId: String
    var totalRows = 0
    var created = 0
    var updated = 0
    /// The rows refused, by line.
    var errors: [ImportError] = []
    /// The state the last answer gave.
    var state = "STARTED"
    /// Status reads so far.
    var reads = 0

    /// The state the next read answers, counting it.
    mutating func nextState() -> String {
        reads += 1
        state = reads < 2 ? "PROCESSING" : created + updated == 0 && !errors.isEmpty ? "FAILED" : "DONE"
        return state
    }
}
