import NIOConcurrencyHelpers

/// A search read as many disjoint `hs_object_id` ranges at once, under the account's 5 searches per
/// second, and handed on in ascending id order — what one keyset cursor would give, only up to as
/// many times faster as searches fit in one round trip.
///
/// The ranges come in windows (see `SearchRangeSplitter`): a window's probes run in parallel, then every
/// range of it reads its remaining page while the next window is probed. At most two windows are held
/// (the one being handed on and the next), so memory stays bounded whatever the search's size. The
/// records come out range by range, each range once it is read. Dropping the stream cancels whatever
/// is still being read.
final class ParallelSearch: Sendable {
    /// The most ranges read at once; more would only wait at the rate limiter.
    static let readerCap = 16
    /// Ranges per window before a search round trip has been measured.
    static let initialReaders = 10

    let reader: SearchReader
    let keyset: SearchContinuation
    /// The most ranges per window: the caller's number, or `readerCap`.
    let readers: Int
    let rangeSize: Int
    private let tasks = TaskRegistry()

    init(reader: SearchReader, keyset: SearchContinuation, readers: Int) {
        self.reader = reader
        self.keyset = keyset
        self.readers = max(1, readers)
        rangeSize = SearchRangeSplitter.rangeSize(pageSize: reader.pageSize)
    }

    deinit { tasks.cancelAll() }

    /// The value of one of the search's tasks; a reader that is cancelled while waiting (the stream
    /// was dropped) cancels it.
    static func value<T: Sendable>(of task: Task<T, any Error>) async throws -> T {
        try await withTaskCancellationHandler { try await task.value } onCancel: { task.cancel() }
    }

    /// Starts reading the window of ranges after `base`, sized for at most `budget` records.
    func window(after base: RecordKey, budget: Int?) -> Task<SearchWindow, any Error> {
        let reader = reader
        let keyset = keyset
        let cap = readers
        let rangeSize = rangeSize
        let tasks = tasks
        return tasks.start {
            let readers = await reader.client.limiter.suggestedSearchInFlight(cap: cap) ?? min(cap, ParallelSearch.initialReaders)
            let count = SearchRangeSplitter.rangeCount(readers: readers, budget: budget, rangeSize: rangeSize)
            let offsets = SearchRangeSplitter.offsets(ranges: count, rangeSize: rangeSize, pageSize: reader.pageSize)
            let probes = try await reader.probes(after: base, offsets: offsets, keyset: keyset)
            let (ranges, next) = SearchRangeSplitter.ranges(from: probes, rangeSize: rangeSize, pageSize: reader.pageSize)
            reader.client.logger.trace("search \(reader.objectType): \(ranges.count) ranges after hs_object_id \(base)")
            let reads = ranges.map { range in tasks.start { try await reader.read(range, keyset: keyset) } }
            return SearchWindow(ranges: reads, next: next, planned: SearchRangeSplitter.planned(ranges))
        }
    }
}

/// One window of a parallel search: its ranges being read, in order, and where the next one starts.
struct SearchWindow: Sendable {
    let ranges: [Task<[CRMRecord], any Error>]
    /// The id the next window starts after; nil when this window reaches the end of the results.
    let next: RecordKey?
    /// About how many records the window holds.
    let planned: Int
}

/// Where a parallel search stands: the window being handed on, its next range, the window after it
/// once started, and how many of the records expected no window has planned yet.
struct ParallelPosition: Sendable {
    let run: ParallelSearch
    var window: Task<SearchWindow, any Error>
    var range = 0
    var following: Task<SearchWindow, any Error>?
    var unplanned: Int

    init(run: ParallelSearch, window: Task<SearchWindow, any Error>, unplanned: Int) {
        self.run = run
        self.window = window
        self.unplanned = unplanned
    }
}

/// The unstructured tasks of one parallel search, cancelled together when the search is dropped. A
/// task is forgotten when it ends, so what it read is freed once handed on.
final class TaskRegistry: Sendable {
    private struct State {
        var cancelled = false
        var next = 0
        var cancels: [Int: @Sendable () -> Void] = [:]
        /// Tasks that ended before their cancel was added.
        var ended: Set<Int> = []
    }

    private let state = NIOLockedValueBox(State())

    /// Starts `work`, to be cancelled with the others until it ends.
    func start<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) -> Task<T, any Error> {
        let id = state.withLockedValue { state -> Int in
            state.next += 1
            return state.next
        }
        let task = Task {
            defer { self.ended(id) }
            return try await work()
        }
        let late = state.withLockedValue { state -> Bool in
            if state.cancelled { return true }
            if state.ended.remove(id) == nil { state.cancels[id] = { task.cancel() } }
            return false
        }
        if late { task.cancel() }
        return task
    }

    private func ended(_ id: Int) {
        state.withLockedValue { state in
            if state.cancels.removeValue(forKey: id) == nil { state.ended.insert(id) }
        }
    }

    func cancelAll() {
        let cancels = state.withLockedValue { state -> [@Sendable () -> Void] in
            state.cancelled = true
            defer { state.cancels = [:] }
            return Array(state.cancels.values)
        }
        for cancel in cancels { cancel() }
    }
}

extension SearchReader {
    /// The probes of a window: a page at each offset of the search past `base`, all at once.
    func probes(after base: RecordKey, offsets: [Int], keyset: SearchContinuation) async throws -> [SearchRangeSplitter.Probe] {
        let past = keyset.query(query, after: base.text)
        let client = client
        let objectType = objectType
        let pageSize = pageSize
        return try await withThrowingTaskGroup(of: (Int, SearchRangeSplitter.Probe).self) { group in
            for (index, offset) in offsets.enumerated() {
                group.addTask {
                    let page = try await client.searchPage(objectType, past, limit: pageSize, after: offset == 0 ? nil : String(offset))
                    return (index, SearchRangeSplitter.Probe(records: page.results, more: page.after != nil))
                }
            }
            var probes = [SearchRangeSplitter.Probe?](repeating: nil, count: offsets.count)
            for try await (index, probe) in group { probes[index] = probe }
            return probes.compactMap { $0 }
        }
    }

    /// The rest of a range, by keyset.
    func read(_ range: SearchRange, keyset: SearchContinuation) async throws -> [CRMRecord] {
        var range = range
        while let request = range.nextRequest(pageSize: pageSize) {
            let page = try await client.searchPage(objectType, keyset.query(query, after: request.after.text), limit: request.limit)
            range.absorb(page.results, more: page.after != nil)
        }
        return range.records
    }
}
