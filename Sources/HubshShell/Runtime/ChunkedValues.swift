import HubSpotAPI
import JSONValue

/// Piped values (ids, unique values, inputs to journal) read in chunks of a batch call's size, each
/// chunk turned into values by one call, the values yielded in input order: how `get` and
/// `associations` stream, and how a journalled write reads what its records hold before sending.
///
/// Several chunks are in flight at once, as many as the gate allows (it follows the token's rate
/// limiter: calls allowed per second × the measured round trip, like the bulk writer's), and keys are
/// read ahead only while the window — chunks started and not yet handed on, twice the count in flight —
/// has room, so memory stays bounded. If a call or the keys fail, every value of the chunks before is
/// still handed on first.
struct ChunkedValues: AsyncSequence, Sendable {
    /// The most reads in flight when the session sets no concurrency: reads hold their answers until
    /// handed on, so fewer than a write's.
    static let readCap = 16

    let keys: ValueStream
    let gate: ConcurrencyController
    let limiter: RateLimiter?
    let chunkSize: Int
    /// Whether a piped value takes part (keys are strings; other values are passed over).
    let takes: @Sendable (JSONValue) -> Bool
    let expand: @Sendable ([JSONValue]) async throws -> [JSONValue]

    init(keys: ValueStream, gate: ConcurrencyController = .fixed(1), limiter: RateLimiter? = nil, chunkSize: Int = HubSpotClient.batchLimit,
         expand: @escaping @Sendable ([String]) async throws -> [JSONValue]) {
        self.init(values: keys, gate: gate, limiter: limiter, chunkSize: chunkSize, takes: { $0.stringValue != nil }) { chunk in
            try await expand(chunk.compactMap(\.stringValue))
        }
    }

    /// Chunks of whole values (a dry run's inputs) rather than keys.
    init(values: ValueStream, gate: ConcurrencyController = .fixed(1), limiter: RateLimiter? = nil, chunkSize: Int = HubSpotClient.batchLimit,
         takes: @escaping @Sendable (JSONValue) -> Bool = { _ in true }, expandValues: @escaping @Sendable ([JSONValue]) async throws -> [JSONValue]) {
        keys = values
        self.gate = gate
        self.limiter = limiter
        self.chunkSize = Swift.max(1, chunkSize)
        self.takes = takes
        expand = expandValues
    }

    /// Chunks read with as many calls in flight as the client's rate limit and round trip call for,
    /// up to the session's `concurrency` (else `readCap`).
    init(keys: ValueStream, client: HubSpotClient, context: ShellContext, chunkSize: Int = HubSpotClient.batchLimit,
         expand: @escaping @Sendable ([String]) async throws -> [JSONValue]) async {
        let cap = await context.session.settings.concurrency ?? ChunkedValues.readCap
        self.init(keys: keys, gate: ConcurrencyController(cap: cap), limiter: client.limiter, chunkSize: chunkSize, expand: expand)
    }

    /// Whole values turned into values a chunk at a time, with as many calls in flight as for keys.
    init(values: ValueStream, client: HubSpotClient, context: ShellContext, chunkSize: Int = HubSpotClient.batchLimit,
         expandValues: @escaping @Sendable ([JSONValue]) async throws -> [JSONValue]) async {
        let cap = await context.session.settings.concurrency ?? ChunkedValues.readCap
        self.init(values: values, gate: ConcurrencyController(cap: cap), limiter: client.limiter, chunkSize: chunkSize, expandValues: expandValues)
    }

    func makeAsyncIterator() -> Iterator { Iterator(keys: keys.makeAsyncIterator(), values: self) }

    struct Iterator: AsyncIteratorProtocol {
        var keys: ValueStream.Iterator
        let values: ChunkedValues
        var started: [Task<[JSONValue], any Error>] = []
        var ready: [JSONValue] = []
        var keysDone = false
        var keysError: (any Error)?

        init(keys: ValueStream.Iterator, values: ChunkedValues) {
            self.keys = keys
            self.values = values
        }

        mutating func next() async throws -> JSONValue? {
            while ready.isEmpty {
                await startChunks()
                guard !started.isEmpty else {
                    if let error = keysError {
                        keysError = nil
                        throw error
                    }
                    return nil
                }
                let head = started.removeFirst()
                do {
                    ready = try await withTaskCancellationHandler { try await head.value } onCancel: { head.cancel() }.reversed()
                } catch {
                    // The statement ends here: the reads after this one are no longer wanted.
                    for task in started { task.cancel() }
                    started = []
                    keysDone = true
                    throw error
                }
            }
            return ready.popLast()
        }

        /// Reads keys and starts chunks until the window is full or the keys end.
        private mutating func startChunks() async {
            while !keysDone, started.count < 2 * (await values.gate.limit) {
                var chunk: [JSONValue] = []
                do {
                    while chunk.count < values.chunkSize {
                        guard let key = try await keys.next() else {
                            keysDone = true
                            break
                        }
                        if values.takes(key) { chunk.append(key) }
                    }
                } catch {
                    keysError = error
                    keysDone = true
                }
                guard !chunk.isEmpty else { continue }
                let expand = values.expand
                let gate = values.gate
                let limiter = values.limiter
                let keys = chunk
                started.append(Task {
                    await gate.enter()
                    do {
                        let result = try await expand(keys)
                        await gate.leave(suggestion: await limiter?.suggestedInFlight(cap: gate.cap))
                        return result
                    } catch {
                        await gate.leave(suggestion: nil)
                        throw error
                    }
                })
            }
        }
    }
}
