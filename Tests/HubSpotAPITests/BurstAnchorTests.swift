import Testing

@testable import HubSpotAPI

/// Where a burst token is anchored: HubSpot counts a call when it arrives, and a call arrives within
/// half a second of leaving (the rest of a slow answer is HubSpot at work on a counted call), so the
/// token comes back an interval after the answer or half a second after sending, whichever is first —
/// not always after the answer, which would cost the rest of a slow answer in every window.
struct BurstAnchorTests {
    static let start = ContinuousClock.now

    @Test(arguments: [(0, 0), (100, 100), (499, 499), (1_500, 500), (3_000, 500)])
    func aTokenIsAnchoredAtTheAnswerOrHalfASecondAfterSending(_ roundTrip: Int, _ anchoredAfter: Int) {
        let answered = Self.start + .milliseconds(roundTrip)
        let anchor = RateLimiter.anchor(sent: Self.start, answered: answered, countedWithin: .milliseconds(500))
        #expect(anchor == Self.start + .milliseconds(anchoredAfter))
    }

    @Test func withoutAnAllowanceEveryTokenIsAnchoredAtItsAnswer() {
        let answered = Self.start + .milliseconds(1_500)
        #expect(RateLimiter.anchor(sent: Self.start, answered: answered, countedWithin: nil) == answered)
    }

    /// A window of one call per 10 s (with its 50 ms margin): a call answered after 1.5 s frees the
    /// window 10.55 s after it was sent, not 11.55 s.
    @Test func aSlowAnswerFreesTheWindowAnIntervalAfterItsArrival() throws {
        var window = SlidingWindow(limit: 1, interval: .seconds(10), margin: .milliseconds(50))
        let ticket = try window.spend(at: Self.start).get()
        let answered = Self.start + .milliseconds(1_500)
        window.settle(ticket, at: RateLimiter.anchor(sent: Self.start, answered: answered, countedWithin: .milliseconds(500)))

        guard case .failure(let wait) = window.spend(at: answered) else {
            Issue.record("the window is full until the token comes back")
            return
        }
        #expect(wait.until == Self.start + .milliseconds(10_550))
        #expect(window.available(at: Self.start + .milliseconds(10_549)) == 0)
        #expect(window.available(at: Self.start + .milliseconds(10_551)) == 1)
    }
}
