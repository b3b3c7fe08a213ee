import HubSpotAPI
/// What the writes of the running statement did to their inputs: how a statement's outcome (success,
/// partial failure, failure) is known. It also notes whether the statement talked to HubSpot and the
/// correlation ids of HubSpot's errors, for the operation log.
public actor StatementTally {
    public private(set) var succeeded = 0
    public private(set) var failed = 0
    /// Records read from HubSpot (for the progress line).
    public private(set) var read = 0
    /// Records a search matched when it started but did not read (changed or archived meanwhile), and
    /// how many it matched.
    public private(set) var unread = 0
    public private(set) var matched = 0
    /// Inputs whose outcome is unknown (HubSpot may have applied them), and the file they went to.
    public private(set) var ambiguous = 0
    public private(set) var ambiguousFile: String?
    /// The object types the statement's writes changed.
    public private(set) var written: Set<String> = []
    /// The batch writers' controllers, for the count of calls in flight.
    private var writers: [ConcurrencyController] = []
    /// How many records the statement's search said it matches when it started (up to its limit).
    public private(set) var searchTotal: Int?
    /// Whether the statement asked for a HubSpot client.
    public private(set) var talksToHubSpot = false
    /// HubSpot's correlation ids of the failed writes, in order.
    public private(set) var correlationIds: [String] = []
    /// The statement's text, for the journal.
    public private(set) var statement = ""
    /// The journal operations the statement's writes started.
    public private(set) var journalOps: [Int] = []
    /// Inputs not written because their record changed since it was read (`--if-unchanged`).
    public private(set) var skipped = 0
    /// Hints for the person, said when the statement ends (a search `contains` that found nothing).
    public private(set) var hints: [String] = []
    /// What a job HubSpot runs on its side is doing now (`import 7: PROCESSING`), for the progress line.
    public private(set) var phase: String?

    public init() {}

    func record(succeeded ok: Bool) {
        if ok { succeeded += 1 } else { failed += 1 }
    }

    /// Records inputs that did and did not get what they asked for.
    func record(succeeded ok: Int, failed notOK: Int) {
        succeeded += ok
        failed += notOK
    }

    /// Records one write result, keeping the correlation id of a failure.
    func record(succeeded ok: Bool, correlationId: String?) {
        record(succeeded: ok)
        if let correlationId { correlationIds.append(correlationId) }
    }

    /// Counts records read from HubSpot.
    func noteRead(_ count: Int = 1) { read += count }

    /// Notes that a search read `count` records fewer than the `matched` it counted at its start.
    func noteUnread(_ count: Int, of matched: Int) {
        unread += count
        self.matched += matched
    }

    /// Notes an input whose write may or may not have been applied.
    func noteAmbiguous(file: String?) {
        ambiguous += 1
        ambiguousFile = file
    }

    /// Notes that the statement writes records of `objectType`.
    func noteWritten(_ objectType: String) { written.insert(objectType) }

    /// Follows a writer's calls in flight.
    func watch(_ controller: ConcurrencyController) { writers.append(controller) }

    /// Batch calls in flight now, or nil when the statement writes nothing in batches.
    func inFlight() async -> Int? {
        guard !writers.isEmpty else { return nil }
        var count = 0
        for writer in writers { count += await writer.inFlight }
        return count
    }

    /// Notes an input skipped because its record changed since it was read.
    func noteSkipped() { skipped += 1 }

    /// Notes a hint to say when the statement ends (once, however often noted).
    func noteHint(_ hint: String) {
        if !hints.contains(hint) { hints.append(hint) }
    }

    /// Notes what the statement's HubSpot job is doing now (nil: nothing to say).
    func notePhase(_ text: String?) { phase = text }

    /// Notes what a search counted when it started.
    func noteSearchTotal(_ total: Int) { searchTotal = total }

    /// Notes that the statement talked to HubSpot.
    func markHubSpot() { talksToHubSpot = true }

    /// Notes a journal operation the statement started.
    func noteJournal(op: Int) { journalOps.append(op) }

    func reset(statement: String = "") {
        self.statement = statement
        journalOps = []
        succeeded = 0
        failed = 0
        read = 0
        unread = 0
        ambiguous = 0
        skipped = 0
        ambiguousFile = nil
        writers = []
        written = []
        matched = 0
        searchTotal = nil
        talksToHubSpot = false
        correlationIds = []
        hints = []
        phase = nil
    }
}
