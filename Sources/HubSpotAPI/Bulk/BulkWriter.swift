import DequeModule

/// Runs a bulk job: takes a stream of inputs, sends them in batches of 100 with as many batch calls at
/// once as the rate limit and the measured latency call for (all under the token's rate limiter; see
/// `ConcurrencyController`), and yields exactly one result per input, in input order. Inputs are read
/// only as fast as results are consumed, so memory stays bounded by the batches in flight (twice the
/// count in flight, at most), whatever the job's size.
public struct BulkWriter: Sendable {
    public let client: HubSpotClient
    public let operation: BulkOperation
    /// How many batch calls are in flight; one per writer, shared by the jobs it runs.
    public let concurrency: ConcurrencyController
    /// Inputs per batch call (HubSpot's maximum is 100).
    public var batchSize: Int
    /// Encodes property values per their definitions before sending (dates, booleans, options…).
    public var encoder: PropertyValueEncoder?

    /// A writer whose calls in flight follow the rate limit and latency, up to `maxConcurrency`.
    public init(client: HubSpotClient, operation: BulkOperation, maxConcurrency: Int = ConcurrencyController.defaultCap,
                batchSize: Int = HubSpotClient.batchLimit, encoder: PropertyValueEncoder? = nil) {
        self.init(client: client, operation: operation, concurrency: ConcurrencyController(cap: maxConcurrency), batchSize: batchSize,
                  encoder: encoder)
    }

    /// A writer with its own controller (`ConcurrencyController(cap: 4, adaptive: false)` keeps 4 in flight).
    public init(client: HubSpotClient, operation: BulkOperation, concurrency: ConcurrencyController,
                batchSize: Int = HubSpotClient.batchLimit, encoder: PropertyValueEncoder? = nil) {
        self.client = client
        self.operation = operation
        self.concurrency = concurrency
        self.batchSize = min(max(1, batchSize), HubSpotClient.batchLimit)
        self.encoder = encoder
    }

    /// The results of writing `inputs`. If the input stream fails, the results of every input read
    /// before the failure are still delivered, then the failure is thrown.
    public func results<Inputs: AsyncSequence>(for inputs: Inputs) -> BulkResults<Inputs> where Inputs.Element == BulkInput {
        BulkResults(inputs: inputs, writer: self)
    }

    /// The results of writing an array of inputs.
    public func results(for inputs: [BulkInput]) -> BulkResults<AsyncArray<BulkInput>> {
        results(for: AsyncArray(inputs))
    }
}

/// The results of a bulk job, in input order.
public struct BulkResults<Inputs: AsyncSequence>: AsyncSequence where Inputs.Element == BulkInput {
    public typealias Element = BulkResult
    let inputs: Inputs
    let writer: BulkWriter

    public func makeAsyncIterator() -> Iterator {
        Iterator(upstream: inputs.makeAsyncIterator(), writer: writer)
    }

    public struct Iterator: AsyncIteratorProtocol {
        var upstream: Inputs.AsyncIterator
        let batch: BulkBatch
        let gate: ConcurrencyController
        let batchSize: Int
        var started: Deque<Task<[BulkResult], Never>> = []
        var ready: [BulkResult] = []
        var readyIndex = 0
        var nextIndex = 0
        var upstreamDone = false
        var upstreamError: (any Error)?

        init(upstream: Inputs.AsyncIterator, writer: BulkWriter) {
            self.upstream = upstream
            batch = BulkBatch(client: writer.client, operation: writer.operation, encoder: writer.encoder)
            gate = writer.concurrency
            batchSize = writer.batchSize
        }

        public mutating func next() async throws -> BulkResult? {
            while readyIndex >= ready.count {
                await startBatches()
                guard let head = started.popFirst() else {
                    if let error = upstreamError {
                        upstreamError = nil
                        throw error
                    }
                    return nil
                }
                ready = await withTaskCancellationHandler { await head.value } onCancel: { head.cancel() }
                readyIndex = 0
            }
            defer { readyIndex += 1 }
            return ready[readyIndex]
        }

        /// Reads inputs and starts batches until the window is full or the inputs end. The window —
        /// batches started and not yet handed out — is twice the count in flight, so a slow batch at
        /// the head does not idle the others.
        private mutating func startBatches() async {
            while !upstreamDone, started.count < 2 * (await gate.limit) {
                var chunk: [(index: Int, input: BulkInput)] = []
                do {
                    while chunk.count < batchSize, let input = try await upstream.next() {
                        chunk.append((nextIndex, input))
                        nextIndex += 1
                    }
                    if chunk.count < batchSize { upstreamDone = true }
                } catch {
                    upstreamError = error
                    upstreamDone = true
                }
                guard !chunk.isEmpty else { continue }
                let batch = batch
                let gate = gate
                let inputs = chunk
                started.append(Task {
                    await gate.enter()
                    let results = await batch.run(inputs)
                    let limiter = batch.client.limiter
                    let suggestion = await limiter.suggestedInFlight(cap: gate.cap)
                    if let count = await gate.leave(suggestion: suggestion) {
                        let latency = await limiter.burstLatency.map { " at a \(Int($0 * 1000)) ms round trip" } ?? ""
                        batch.client.logger.debug("bulk \(batch.operation.verb): \(count) batch calls in flight\(latency)")
                    }
                    return results
                })
            }
        }
    }
}

/// An array as an `AsyncSequence`, for jobs whose inputs are already in memory.
public struct AsyncArray<Element: Sendable>: AsyncSequence, Sendable {
    let elements: [Element]
    public init(_ elements: [Element]) { self.elements = elements }
    public func makeAsyncIterator() -> IndexingIterator<[Element]>.Async { IndexingIterator<[Element]>.Async(elements.makeIterator()) }
}

extension IndexingIterator {
    /// A plain iterator driven from async code.
    public struct Async: AsyncIteratorProtocol {
        var base: IndexingIterator<Elements>
        init(_ base: IndexingIterator<Elements>) { self.base = base }
        public mutating func next() async -> Elements.Element? { base.next() }
    }
}

extension BulkResults: Sendable where Inputs: Sendable {}
