import NIOConcurrencyHelpers

/// A search read as many disjoint `hs_object_id` ranges at once, under the account's 5 searches per
/// second, and handed on in ascending id order — what one keyset cursor would give, only up to as
/// many times faster as searches fit in one round trip.
///
/// The ranges come in windows (see `SearchRangeSplitter`): a window's probes run in parallel, each
/// followed at once by the page after it, and the next window is probed once the last probe is in; the
/// window holding the rest of what was counted has one-page ranges, read by their probes alone. At
/// most two windows are held (the one being handed on and the next), so memory stays bounded whatever
/// the search's size. The records come out range by range, each range once it is read. Dropping the
/// stream cancels whatever is still being read.
final class ParallelSearch: Sendable {
    /// The most ranges read at once; more would only wait at the rate limiter.
    static let readerCap = 16
    /// Ranges per window before a search round trip has been measured.
    static let initialReaders = 10

    let reader: SearchReader
    let keyset: SearchContinuation
    /// The most ranges per window: the caller's number, or `readerCap`.
    let readers: Int
    private let tasks = TaskRegistry()

    init(reader: SearchReader, keyset: SearchContinuation, readers: Int) {
        self.reader = reader
        self.keyset = keyset
        self.readers = max(1, readers)
    }

    deinit { tasks.cancelAll() }

    /// The value of one of the search's tasks; a reader that is cancelled while waiting (the stream
    /// was dropped) cancels it.
    static func value<T: Sendable>(of task: Task<T, any Error>) async throws -> T {
        try await withTaskCancellationHandler { try await task.value } onCancel: { task.cancel() }
    }

    /// Starts reading the window of ranges after `base`, sized for at most `budget` records.
    ///
    /// Every probe but the window's last asks for the page after it as soon as it answers — that page
    /// is the rest of its range unless records moved — so the search limit is spent on pages while the
    /// last probe, which the next window waits for, is still out.
    func window(after base: RecordKey, budget: Int?) -> Task<SearchWindow, any Error> {
        let reader = reader
        let keyset = keyset
        let cap = readers
        let tasks = tasks
        return tasks.start {
            let readers = await reader.client.limiter.suggestedSearchInFlight(cap: cap) ?? min(cap, ParallelSearch.initialReaders)
            let (rangeSize, count) = SearchRangeSplitter.plan(readers: readers, budget: budget, pageSize: reader.pageSize)
            let offsets = SearchRangeSplitter.offsets(ranges: count, rangeSize: rangeSize, pageSize: reader.pageSize)
            let past = keyset.query(reader.query, after: base.text)
            let probes = offsets.map { offset in tasks.start { try await reader.probe(past, offset: offset) } }
            // One-page ranges are read by their probes alone.
            let followUps = rangeSize <= reader.pageSize ? [] : probes.dropLast().map { probe in
                tasks.start { try await reader.followUp(of: ParallelSearch.value(of: probe), keyset: keyset) }
            }
            var answers: [SearchRangeSplitter.Probe] = []
            do {
                for probe in probes { answers.append(try await ParallelSearch.value(of: probe)) }
            } catch {
                for task in probes { task.cancel() }
                for task in followUps { task.cancel() }
                throw error
            }
            let (ranges, next) = SearchRangeSplitter.ranges(from: answers, rangeSize: rangeSize, pageSize: reader.pageSize)
            reader.client.logger.trace("search \(reader.objectType): \(ranges.count) ranges after hs_object_id \(base)")
            let reads = ranges.map { range in
                let followUp = range.probe < followUps.count ? followUps[range.probe] : nil
                return tasks.start {
                    var range = range
                    if let followUp, let page = try await ParallelSearch.value(of: followUp), !range.complete {
                        range.absorb(page.records, more: page.more)
                    }
                    return try await reader.read(range, keyset: keyset)
                }
            }
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
    /// A probe of a window: a page at `offset` of the search past the window's base.
    func probe(_ past: SearchQuery, offset: Int) async throws -> SearchRangeSplitter.Probe {
        let page = try await client.searchPage(objectType, past, limit: pageSize, after: offset == 0 ? nil : String(offset))
        return SearchRangeSplitter.Probe(records: page.results, more: page.after != nil)
    }

    /// The page after a full probe with more behind it (by keyset), which a range of two pages less one
    /// needs next; nil when the probe ends the results.
    func followUp(of probe: SearchRangeSplitter.Probe, keyset: SearchContinuation) async throws -> SearchRangeSplitter.Probe? {
        guard probe.more, probe.records.count >= pageSize, let last = probe.records.last else { return nil }
        let page = try await client.searchPage(objectType, keyset.query(query, after: RecordKey(of: last).text), limit: pageSize)
        return SearchRangeSplitter.Probe(records: page.results, more: page.after != nil)
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
