import DequeModule

/// A budget of `limit` calls in any `interval`, as HubSpot counts them (a rolling window, hubspot-api.md
/// §8). It is a token bucket whose tokens come back one by one, an interval after each was spent —
/// the exact shape of a rolling window, so a run that follows it meets no 429.
struct SlidingWindow: Sendable {
    var limit: Int
    var interval: Duration
    /// Extra wait before a token comes back: HubSpot counts a call when it arrives, a little after it
    /// left here, and the arrival times jitter.
    var margin: Duration
    private(set) var spent: Deque<ContinuousClock.Instant> = []

    init(limit: Int, interval: Duration, margin: Duration) {
        self.limit = limit
        self.interval = interval
        self.margin = margin
    }

    /// Spends a token at `now` and returns nil, or returns when the next token comes back.
    mutating func spend(at now: ContinuousClock.Instant) -> ContinuousClock.Instant? {
        prune(now)
        if spent.count < limit {
            spent.append(now)
            return nil
        }
        return spent[spent.count - limit] + interval + margin
    }

    /// Tokens left at `now`.
    mutating func available(at now: ContinuousClock.Instant) -> Int {
        prune(now)
        return max(0, limit - spent.count)
    }

    /// Takes HubSpot's word that `used` calls are in its window (others may share the token): marks
    /// the difference as spent now.
    mutating func observe(used: Int, at now: ContinuousClock.Instant) {
        prune(now)
        var missing = min(used, limit) - spent.count
        while missing > 0 {
            spent.append(now)
            missing -= 1
        }
    }

    /// HubSpot said the window is full: treat every token as spent until the oldest comes back.
    /// (Bounded, so a limiter that was told to impose no limit stays that way.)
    mutating func exhaust(at now: ContinuousClock.Instant) {
        observe(used: min(limit, 1_000), at: now)
    }

    private mutating func prune(_ now: ContinuousClock.Instant) {
        while let first = spent.first, first + interval + margin <= now { spent.removeFirst() }
    }
}
