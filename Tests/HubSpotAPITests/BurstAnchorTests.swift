import Testing

@testable import HubSpotAPI

/// Where a burst token is anchored: HubSpot counts a call when it arrives, at most half its round trip
/// after it left, so the token comes back an interval after the middle of the round trip — not after
/// the answer, which would cost the rest of a slow answer in every window.
struct BurstAnchorTests {
    static let start = ContinuousClock.now

    @Test(arguments: [(0, 0), (100, 50), (1_500, 750), (3_001, 1_500)])
    func aTokenIsAnchoredHalfItsRoundTripAfterSending(_ roundTrip: Int, _ anchoredAfter: Int) {
        let answered = Self.start + .milliseconds(roundTrip)
        let anchor = RateLimiter.anchor(sent: Self.start, answered: answered)
        #expect(anchor - Self.start >= .milliseconds(anchoredAfter))
        #expect(anchor - Self.start < .milliseconds(anchoredAfter + 1))
    }

    /// A window of one call per 10 s (with its 50 ms margin): a call answered after 1.5 s frees the
    /// window 10.8 s after it was sent, not 11.55 s.
    @Test func aSlowAnswerFreesTheWindowAnIntervalAfterTheMiddleOfItsRoundTrip() throws {
        var window = SlidingWindow(limit: 1, interval: .seconds(10), margin: .milliseconds(50))
        let ticket = try window.spend(at: Self.start).get()
        let answered = Self.start + .milliseconds(1_500)
        window.settle(ticket, at: RateLimiter.anchor(sent: Self.start, answered: answered))

        guard case .failure(let wait) = window.spend(at: answered) else {
            Issue.record("the window is full until the token comes back")
            return
        }
        #expect(wait.until == Self.start + .milliseconds(10_800))
        #expect(window.available(at: Self.start + .milliseconds(10_799)) == 0)
        #expect(window.available(at: Self.start + .milliseconds(10_801)) == 1)
        #expect((try? window.spend(at: Self.start + .milliseconds(10_801)).get()) != nil)
    }
}
