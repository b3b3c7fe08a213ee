import DequeModule

/// HubSpot's search index lags writes (hubspot-api.md §2.6): search answers from the account as it was
/// `lag` ago, while reads by id, batch reads and lists see every write at once.
///
/// A table keeps, for each write of the last `lag`, the record as it was before that write (nothing for a
/// create). A record's state as search sees it is the one before its oldest remembered write; records
/// with no remembered write are seen as they are. Writes older than `lag` are forgotten on every write
/// and every search, so memory holds at most one lag's worth of writes.
struct SearchLagLog: Sendable {
    /// One write search has not seen yet.
    struct Change: Sendable {
        /// When it was made, on `clock`.
        var at: Int64
        var id: Int
        /// The record before the write; `nil` for a create.
        var before: StoredRecord?
    }

    /// How long a write takes to reach search, in milliseconds (more than 0).
    let lag: Int64
    /// Milliseconds on a clock that never goes back.
    let clock: SearchLagClock
    /// The writes of the last `lag`, oldest first.
    private(set) var changes: Deque<Change> = []

    init(lag: Int64, clock: SearchLagClock) {
        self.lag = lag
        self.clock = clock
    }

    /// Remembers a write of record `id`, which was `before` (nothing when it is new).
    mutating func record(_ id: Int, before: StoredRecord?) {
        let now = clock.milliseconds()
        forget(at: now)
        changes.append(Change(at: now, id: id, before: before))
    }

    /// What search does not see yet: record id → its state as search sees it (`nil`: not created yet).
    mutating func unseen() -> [Int: StoredRecord?] {
        forget(at: clock.milliseconds())
        var states: [Int: StoredRecord?] = [:]
        for change in changes where states.index(forKey: change.id) == nil { states[change.id] = .some(change.before) }
        return states
    }

    /// Drops the writes search sees by `now`.
    private mutating func forget(at now: Int64) {
        while let first = changes.first, first.at <= now - lag { changes.removeFirst() }
    }
}

/// The time the search lag is measured on: a monotonic clock in milliseconds, or one a test moves by hand.
public struct SearchLagClock: Sendable {
    /// The current time in milliseconds; it never goes back.
    public let milliseconds: @Sendable () -> Int64

    public init(milliseconds: @escaping @Sendable () -> Int64) {
        self.milliseconds = milliseconds
    }

    /// The system's monotonic clock (not the wall clock, which may jump).
    public static var monotonic: SearchLagClock {
        let clock = ContinuousClock()
        let start = clock.now
        return SearchLagClock {
            (clock.now - start).wholeMilliseconds
        }
    }
}

extension SearchTable {
    /// The table as search sees it: each record with an unseen write replaced by its earlier state (hidden
    /// when it was not created yet), in the records and in every column read.
    init(lagging table: RecordTable, unseen: [Int: StoredRecord?], column: @escaping (String) -> [String?]) {
        var records = table.records
        var earlier: [(position: Int, state: StoredRecord?)] = []
        for (id, state) in unseen {
            guard let position = table.position(of: id) else { continue }
            earlier.append((position, state))
            if let state {
                records[position] = state
            } else {
                records[position].archived = true
            }
        }
        self.init(records: records) { name in
            var values = column(name)
            for (position, state) in earlier { values[position] = state?.properties[name] }
            return values
        }
    }
}

extension Duration {
    /// The duration in whole milliseconds, rounded down.
    var wholeMilliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
