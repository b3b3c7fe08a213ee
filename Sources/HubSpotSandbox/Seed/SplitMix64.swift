/// SplitMix64 (Steele, Lea, Flood 2014): a tiny, fast generator whose output depends only on its seed,
/// so the demo account is the same on every machine and every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < p
    }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T {
        items[Int(next() % UInt64(items.count))]
    }

    /// One element of `items`, each drawn with its relative `weight`.
    mutating func pick<T>(weighted items: [(T, Int)]) -> T {
        var roll = Int(next() % UInt64(items.reduce(0) { $0 + $1.1 }))
        for (item, weight) in items {
            if roll < weight { return item }
            roll -= weight
        }
        return items[items.count - 1].0
    }

    /// `count` distinct elements of `items` (fewer when it has fewer), in the order of `items`.
    mutating func sample<T>(_ items: [T], count: Int) -> [T] {
        var chosen = Set<Int>()
        while chosen.count < min(count, items.count) { chosen.insert(Int(next() % UInt64(items.count))) }
        return chosen.sorted().map { items[$0] }
    }
}
