import NIOConcurrencyHelpers

/// Keeps calls within HubSpot's rate limits for one token: the ten-second burst window, whose size it
/// learns from the `X-HubSpot-RateLimit-*` headers, and the separate search limit of 5 per second
/// (hubspot-api.md §8). Callers wait here instead of meeting a 429.
public actor RateLimiter {
    /// The starting budget before HubSpot's headers say more: the lowest tier's burst (100 per 10 s)
    /// and search's 5 per second.
    public struct Policy: Sendable {
        public var burst: Int
        public var burstInterval: Duration
        public var searchPerSecond: Int
        public var burstMargin: Duration
        public var searchMargin: Duration
        /// How soon after sending HubSpot is taken to have counted a burst call: its token is anchored at
        /// the answer or this long after sending, whichever comes first. nil anchors every token at its
        /// answer, exact whatever the delays but a round trip slower per window (docs/client.md).
        public var countedWithin: Duration?

        public init(burst: Int = 100, burstInterval: Duration = .seconds(10), searchPerSecond: Int = 5,
                    burstMargin: Duration = .milliseconds(50), searchMargin: Duration = .milliseconds(50),
                    countedWithin: Duration? = .milliseconds(500)) {
            self.burst = burst
            self.burstInterval = burstInterval
            self.searchPerSecond = searchPerSecond
            self.burstMargin = burstMargin
            self.searchMargin = searchMargin
            self.countedWithin = countedWithin
        }

        /// No waiting at all (for tests that want to meet HubSpot's 429s).
        public static let unlimited = Policy(burst: Int.max / 2, searchPerSecond: Int.max / 2)
    }

    private var burst: SlidingWindow
    private var search: SlidingWindow
    /// Whether the burst size came from HubSpot's headers (then it is kept in step with them).
    private var learnedLimit = false
    /// How soon after sending a burst call counts (`Policy.countedWithin`); nil once a burst 429 showed
    /// that a call can arrive later than that (a slow network or a loaded machine): from then on every
    /// token is anchored at its answer.
    public private(set) var countedWithin: Duration?
    /// Whether the burst window is enforced: an account whose answers carry no rate-limit headers
    /// imposes none (HubSpot sends them on every answer it counts), and only its 429s are followed.
    public private(set) var burstEnforced = true
    /// The round trip of burst calls, smoothed (seconds), once one has been measured.
    public private(set) var burstLatency: Double?
    /// The round trip of search calls, smoothed (seconds), once one has been measured.
    public private(set) var searchLatency: Double?
    private let clock = ContinuousClock()
    /// The last `X-HubSpot-RateLimit-Remaining` seen, for logs and `connection test`.
    public private(set) var lastRemaining: Int?
    public private(set) var lastMax: Int?
    /// How many times callers had to wait, and 429s seen: for benchmarks and tests.
    public private(set) var waits = 0
    public private(set) var rejections = 0

    public init(policy: Policy = Policy()) {
        burst = SlidingWindow(limit: policy.burst, interval: policy.burstInterval, margin: policy.burstMargin)
        search = SlidingWindow(limit: policy.searchPerSecond, interval: .seconds(1), margin: policy.searchMargin)
        countedWithin = policy.countedWithin
    }

    /// A spent token: which budget, its ticket there, and when the call went.
    public struct Permit: Sendable {
        let budget: HubSpotRequest.Budget
        let ticket: SlidingWindow.Ticket
        let sent: ContinuousClock.Instant
    }

    /// Waits until a call of this budget may go, and counts it.
    public func acquire(_ budget: HubSpotRequest.Budget) async throws -> Permit {
        var waited = false
        while true {
            let now = clock.now
            switch budget == .search ? search.spend(at: now) : burst.spend(at: now) {
            case .success(let ticket):
                return Permit(budget: budget, ticket: ticket, sent: now)
            case .failure(let wait):
                if !waited { waits += 1; waited = true }
                try await Task.sleep(until: wait.until, clock: clock)
            }
        }
    }

    /// The call of `permit` is over (answered or failed): its round trip joins the budget's smoothed
    /// latency, and a burst token is anchored where HubSpot counted the call at the latest: at the answer,
    /// or `countedWithin` after sending when the answer came later (the rest of a slow answer is HubSpot
    /// at work on a call it counted on arrival). (Search tokens stay anchored at sending, with their
    /// margin: anchoring them later would cost part of a round trip in every second.)
    public func finished(_ permit: Permit) {
        let now = clock.now
        let seconds = (now - permit.sent).inSeconds
        func smoothed(_ latency: Double?) -> Double { latency.map { $0 * 0.7 + seconds * 0.3 } ?? seconds }
        guard permit.budget == .burst else {
            searchLatency = smoothed(searchLatency)
            return
        }
        burst.settle(permit.ticket, at: RateLimiter.anchor(sent: permit.sent, answered: now, countedWithin: countedWithin))
        burstLatency = smoothed(burstLatency)
    }

    /// When a burst call sent at `sent` and answered at `answered` was counted at the latest.
    static func anchor(sent: ContinuousClock.Instant, answered: ContinuousClock.Instant, countedWithin: Duration?) -> ContinuousClock.Instant {
        countedWithin.map { min(answered, sent + $0) } ?? answered
    }

    /// How many burst calls to keep in flight to use the window at the measured round trip: calls
    /// allowed per second × latency, with a quarter's headroom and one for the gap between an answer and
    /// the next call; `cap` where the window is not enforced; nil before a round trip was measured.
    public func suggestedInFlight(cap: Int) -> Int? {
        guard let latency = burstLatency else { return nil }
        guard burstEnforced else { return cap }
        return RateLimiter.inFlight(perSecond: Double(burst.limit) / max(burst.interval.inSeconds, 0.001), latency: latency, cap: cap)
    }

    /// How many searches to keep in flight to use the search limit at the measured round trip (the
    /// same sum as `suggestedInFlight`), up to `cap`; nil before a search round trip was measured.
    public func suggestedSearchInFlight(cap: Int) -> Int? {
        guard let latency = searchLatency else { return nil }
        return RateLimiter.inFlight(perSecond: Double(search.limit) / max(search.interval.inSeconds, 0.001), latency: latency, cap: cap)
    }

    /// Calls per second × latency with a quarter's headroom, plus one, within 1…`cap`.
    static func inFlight(perSecond: Double, latency: Double, cap: Int) -> Int {
        let wanted = (perSecond * latency * 1.25).rounded(.up) + 1
        return max(1, min(cap, wanted >= Double(cap) ? cap : Int(wanted)))
    }

    /// Learns from an answer: the burst window's size, length and use (search answers carry no headers),
    /// and a 429, after which the window counts as full.
    public func observe(_ response: HubSpotResponse, budget: HubSpotRequest.Budget) {
        let now = clock.now
        if response.status == 429 {
            rejections += 1
            if budget == .search {
                search.exhaust(at: now)
            } else {
                burst.exhaust(at: now)
                countedWithin = nil
            }
        }
        guard let max = response.headers["x-hubspot-ratelimit-max"].flatMap(Int.init), max > 0 else {
            // A counted answer without the headers: this account imposes no burst limit (a sandbox
            // without a tier). Keep to the starting budget only until that is known.
            if budget == .burst, !learnedLimit, (200..<300).contains(response.status) {
                burst.limit = Int.max / 2
                burstEnforced = false
            }
            return
        }
        lastMax = max
        burstEnforced = true
        if !learnedLimit || burst.limit != max {
            burst.limit = max
            learnedLimit = true
        }
        if let ms = response.headers["x-hubspot-ratelimit-interval-milliseconds"].flatMap(Int.init), ms > 0 {
            burst.interval = .milliseconds(ms)
        }
        if let remaining = response.headers["x-hubspot-ratelimit-remaining"].flatMap(Int.init) {
            lastRemaining = remaining
            burst.observe(used: max - remaining, at: now)
        }
    }

    /// The burst calls left now, as this limiter counts them.
    public var burstAvailable: Int { burst.available(at: clock.now) }

    private static let registry = NIOLockedValueBox([String: RateLimiter]())

    /// The one limiter of a token in this process: every client of the same token shares its budget.
    public static func shared(for token: AccessToken, policy: Policy = Policy()) -> RateLimiter {
        registry.withLockedValue { limiters in
            if let limiter = limiters[token.secret] { return limiter }
            let limiter = RateLimiter(policy: policy)
            limiters[token.secret] = limiter
            return limiter
        }
    }
}

/// Spends a rate-limit token before each attempt and feeds every answer back to the limiter.
public struct RateLimitMiddleware: HubSpotMiddleware {
    public let limiter: RateLimiter

    public init(limiter: RateLimiter) { self.limiter = limiter }

    public func handle(_ request: HubSpotRequest, context: RequestContext, next: NextHandler) async throws -> HubSpotResponse {
        let permit: RateLimiter.Permit
        do {
            permit = try await limiter.acquire(request.budget)
        } catch {
            throw HubSpotAPIError(.invalidRequest, "cancelled while waiting for the rate limit", location: request.location)
        }
        do {
            let response = try await next(request, context)
            await limiter.finished(permit)
            await limiter.observe(response, budget: request.budget)
            return response
        } catch {
            await limiter.finished(permit)
            throw error
        }
    }
}
