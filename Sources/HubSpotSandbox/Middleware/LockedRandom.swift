import NIOConcurrencyHelpers

/// A SplitMix64 generator behind a lock: the same seed gives the same sequence of draws, whichever
/// thread draws.
final class LockedRandom: Sendable {
    private let state: NIOLockedValueBox<UInt64>

    init(seed: UInt64) {
        state = NIOLockedValueBox(seed)
    }

    /// The next 64 random bits.
    func next() -> UInt64 {
        state.withLockedValue { s in
            s &+= 0x9E37_79B9_7F4A_7C15
            var z = s
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// A uniform draw in [0, 1).
    func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}
