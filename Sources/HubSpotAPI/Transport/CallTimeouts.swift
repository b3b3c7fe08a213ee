/// How long one attempt of each kind of call may take before it counts as unanswered. HubSpot
/// answers a read in well under a second and a batch write of 100 in a few; a call held far longer
/// is lost, and waiting a minute for it would hold back every batch queued behind it. An unanswered
/// read is retried; an unanswered create is settled as ambiguous (the bulk writer reads it back).
public struct CallTimeouts: Sendable, Hashable {
    /// Reads by id, lists, batch reads, and the account and schema endpoints.
    public var read: Duration
    public var search: Duration
    /// Single-record writes.
    public var write: Duration
    /// Batch create, update, upsert, archive and association writes of up to 100 inputs.
    public var batchWrite: Duration

    public init(read: Duration = .seconds(15), search: Duration = .seconds(15), write: Duration = .seconds(15),
                batchWrite: Duration = .seconds(20)) {
        self.read = read
        self.search = search
        self.write = write
        self.batchWrite = batchWrite
    }

    /// The time for `request`, by its kind.
    public func timeout(for request: HubSpotRequest) -> Duration {
        if request.budget == .search { return search }
        if request.method == .GET || request.path.hasSuffix("/batch/read") { return read }
        return request.path.contains("/batch/") ? batchWrite : write
    }
}
