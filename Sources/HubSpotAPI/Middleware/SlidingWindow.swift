/// A budget of `limit` calls in any `interval`, as HubSpot counts them (a rolling window, hubspot-api.md
/// §8). It is a token bucket whose tokens come back one by one, an interval after each was spent —
/// the exact shape of a rolling window, so a run that follows it meets no 429.
///
/// HubSpot counts a call when it arrives, somewhere between when it left and when its answer came
/// back. A token can be re-anchored at the answer (`settle`), which makes the window exact whatever
/// the network's or the machine's jitter, at the cost of one round trip per window.
struct SlidingWindow: Sendable {
    /// Identifies one spent token.
    typealias Ticket = UInt64

    var limit: Int
    var interval: Duration
    /// Extra wait before a token comes back.
    var margin: Duration
    private var spent: [Ticket: ContinuousClock.Instant] = [:]
    private var nextTicket: Ticket = 0

    init(limit: Int, interval: Duration, margin: Duration) {
        self.limit = limit
        self.interval = interval
        self.margin = margin
    }

    /// Spends a token at `now` and returns its ticket, or returns when the next token comes back.
    mutating func spend(at now: ContinuousClock.Instant) -> Result<Ticket, Wait> {
        prune(now)
        if spent.count < limit { return .success(add(now)) }
        // The window frees up when all but `limit - 1` of the spent tokens are back.
        let times = spent.values.sorted()
        return .failure(Wait(until: times[spent.count - limit] + interval + margin))
    }

    /// Anchors a token at `now` (its answer came back), if it is still out.
    mutating func settle(_ ticket: Ticket, at now: ContinuousClock.Instant) {
        if spent[ticket] != nil { spent[ticket] = now }
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
        for _ in 0..<max(0, min(used, limit) - spent.count) { _ = add(now) }
    }

    /// HubSpot said the window is full: treat every token as spent until the oldest comes back.
    /// (Bounded, so a limiter that was told to impose no limit stays that way.)
    mutating func exhaust(at now: ContinuousClock.Instant) {
        observe(used: min(limit, 1_000), at: now)
    }

    private mutating func add(_ now: ContinuousClock.Instant) -> Ticket {
        nextTicket += 1
        spent[nextTicket] = now
        return nextTicket
    }

    private mutating func prune(_ now: ContinuousClock.Instant) {
        let cutoff = now - interval - margin
        if spent.values.contains(where: { $0 <= cutoff }) { spent = spent.filter { $0.value > cutoff } }
    }

    /// When to ask again.
    struct Wait: Error {
        let until: ContinuousClock.Instant
    }
}
