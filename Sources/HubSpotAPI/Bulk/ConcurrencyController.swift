import DequeModule

/// How many batch calls a bulk job keeps in flight. Fixed, it is a plain gate. Adaptive, it follows
/// what the job can use: after each call it asks the token's rate limiter, which knows the burst
/// window HubSpot reports and the round trips it measures (in flight ≈ calls allowed per second ×
/// latency), so the count grows when HubSpot slows down and shrinks when it speeds up — never past
/// `cap`. Tasks beyond the count wait in arrival order.
public actor ConcurrencyController {
    /// The most calls ever kept in flight: at HubSpot's highest burst limit (190 per 10 s) and a
    /// round trip of 2.5 s, 19 calls per second × 2.5 s × a quarter's headroom is 60; more would only
    /// wait at the rate limiter, holding inputs in memory.
    public static let defaultCap = 64
    /// How many calls go at first, before a round trip has been measured: enough that a slow account
    /// does not spend its first round trips on a trickle, and well within the limiter's starting budget.
    public static let initial = 16

    /// The upper bound: the user's number, or `defaultCap`.
    public let cap: Int
    /// Whether the count follows the rate limiter's suggestion (`set concurrency auto`).
    public let adaptive: Bool
    /// How many calls may be in flight now.
    public private(set) var limit: Int
    public private(set) var inFlight = 0
    /// The highest `inFlight` reached, for benchmarks and tests.
    public private(set) var peak = 0
    private var waiting: Deque<CheckedContinuation<Void, Never>> = []
    /// The count last returned by `leave`.
    private var reported: Int

    /// A fixed gate of `cap` calls, or (adaptive) one that starts at `initial` and follows the limiter up to `cap`.
    public init(cap: Int = ConcurrencyController.defaultCap, adaptive: Bool = true, initial: Int = ConcurrencyController.initial) {
        self.cap = max(1, cap)
        self.adaptive = adaptive
        limit = adaptive ? min(self.cap, max(1, initial)) : self.cap
        reported = limit
    }

    /// A gate that keeps `count` calls in flight, whatever the latency.
    public static func fixed(_ count: Int) -> ConcurrencyController { ConcurrencyController(cap: count, adaptive: false) }

    /// Waits for a free place.
    public func enter() async {
        if inFlight < limit, waiting.isEmpty {
            take()
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// A call is over; with `suggestion` (the limiter's in-flight target) the count moves to it.
    /// Returns the new count when it moved by a quarter or more since the last one returned (for a log
    /// line that follows the trend without one line per batch).
    @discardableResult
    public func leave(suggestion: Int? = nil) -> Int? {
        inFlight -= 1
        var changed: Int?
        if adaptive, let suggestion {
            limit = min(max(1, suggestion), cap)
            if abs(limit - reported) * 4 >= reported, limit != reported {
                reported = limit
                changed = limit
            }
        }
        while inFlight < limit, let next = waiting.popFirst() {
            take()
            next.resume()
        }
        return changed
    }

    private func take() {
        inFlight += 1
        peak = max(peak, inFlight)
    }
}
