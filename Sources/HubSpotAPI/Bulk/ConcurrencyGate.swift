import DequeModule

/// Lets at most `limit` tasks through at once; the rest wait in arrival order.
actor ConcurrencyGate {
    private let limit: Int
    private var running = 0
    private var waiting: Deque<CheckedContinuation<Void, Never>> = []

    init(limit: Int) { self.limit = max(1, limit) }

    func enter() async {
        if running < limit {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if let next = waiting.popFirst() {
            next.resume()
        } else {
            running -= 1
        }
    }

    /// Runs `body` inside the gate.
    func run<T: Sendable>(_ body: @Sendable () async -> T) async -> T {
        await enter()
        let value = await body()
        leave()
        return value
    }
}
