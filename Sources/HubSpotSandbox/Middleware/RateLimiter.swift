import DequeModule
import NIOConcurrencyHelpers

/// HubSpot's rate limits as the emulator enforces them (hubspot-api.md §8): a rolling 10-second window
/// per token, a daily count per account (reset at midnight in the account's time zone), and 5 searches
/// per second per account.
public final class RateLimiter: Sendable {
    /// What a request may do, and the headroom left to report.
    enum Decision: Equatable {
        case allowed(remaining: Int, dailyRemaining: Int)
        case limited(RateLimitPolicy)
        case unlimited
    }

    private struct State {
        var windows: [String: Deque<Int64>] = [:]
        var searches: Deque<Int64> = []
        var day: Int64 = 0
        var dailyCount = 0
    }

    let tier: RateLimitTier
    private let utcOffsetMilliseconds: Int64
    private let clock: @Sendable () -> Timestamp
    private let state = NIOLockedValueBox(State())
    /// The length of the burst window.
    static let windowMilliseconds: Int64 = 10_000

    init(tier: RateLimitTier, utcOffsetMilliseconds: Int, clock: @escaping @Sendable () -> Timestamp = { Timestamp.now() }) {
        self.tier = tier
        self.utcOffsetMilliseconds = Int64(utcOffsetMilliseconds)
        self.clock = clock
    }

    /// Counts a request of `token` at `now` (by default, the limiter's clock) and decides it. Search has
    /// its own per-second limit and is exempt from the 10-second window (hubspot-api.md §2.6); both count
    /// toward the daily limit.
    func admit(token: String, isSearch: Bool, now: Timestamp? = nil) -> Decision {
        guard let burst = tier.perTenSeconds, let daily = tier.perDay else { return .unlimited }
        let ms = (now ?? clock()).milliseconds
        return state.withLockedValue { s in
            let day = (ms + utcOffsetMilliseconds) / 86_400_000
            if day != s.day { s.day = day; s.dailyCount = 0 }
            if s.dailyCount >= daily { return .limited(.daily) }
            if isSearch, let perSecond = tier.searchPerSecond {
                while let first = s.searches.first, first <= ms - 1000 { s.searches.removeFirst() }
                if s.searches.count >= perSecond { return .limited(.secondly) }
                s.searches.append(ms)
                s.dailyCount += 1
                return .allowed(remaining: burst, dailyRemaining: daily - s.dailyCount)
            }
            var window = s.windows[token] ?? []
            while let first = window.first, first <= ms - RateLimiter.windowMilliseconds { window.removeFirst() }
            if window.count >= burst {
                s.windows[token] = window
                return .limited(.tenSecondlyRolling)
            }
            window.append(ms)
            s.windows[token] = window
            s.dailyCount += 1
            return .allowed(remaining: burst - window.count, dailyRemaining: daily - s.dailyCount)
        }
    }

    /// Requests counted today, for the daily-usage endpoint.
    var dailyUsage: Int { state.withLockedValue { $0.dailyCount } }
}
