/// Every record of a list or a search as a stream: pages fetched ahead, and search carried past
/// HubSpot's 10,000-result window.
extension HubSpotClient {
    /// All records of an object type (`GET …/objects/{type}`, 100 per page).
    public func records(_ objectType: String, properties: [String] = [], associations: [String] = [],
                        archived: Bool = false) -> PagedStream<CRMRecord, String> {
        let client = self
        // The cursor is HubSpot's `after`; the first page has none ("").
        return PagedStream(start: "") { after in
            let page = try await client.listPage(objectType, limit: 100, after: after.isEmpty ? nil : after, properties: properties,
                                                 associations: associations, archived: archived)
            return (page.results, page.after.flatMap { $0.isEmpty ? nil : $0 })
        }
    }

    /// Every match of a search, up to `limit` when given.
    ///
    /// Pages are read by keyset whenever the results are ordered by `hs_object_id` (the default) and
    /// every filter group has room for one more filter: each page after the first asks for
    /// `hs_object_id > last` instead of an offset. So records that stop matching, or vanish, while the
    /// stream is read (a `search … | delete`) never make it skip others, and the stream goes on past
    /// HubSpot's 10,000-result window. Otherwise pages are read by offset, which is exact only while
    /// the result set does not change: with `stable` (the reader feeds a write that may change it) the
    /// ids are read first, in the query's order (ids only, at most 10,000), then the records by batch
    /// read. A search that cannot be continued past 10,000 fails at once and says why — it never stops
    /// silently at 10,000. `observeTotal` gets HubSpot's count of matches from the first page, so a
    /// reader can check at the end that it saw them all.
    ///
    /// A keyset search in ascending order with more to read than a few pages is read as disjoint
    /// `hs_object_id` ranges at once (`ParallelSearch`), as many as searches fit in one round trip under
    /// the account's search limit, at most `readers` (1 keeps one cursor); the records still come out
    /// in ascending `hs_object_id` order, each once.
    public func search(_ objectType: String, _ query: SearchQuery, limit: Int? = nil, pageSize: Int = SearchQuery.maxPageSize,
                       stable: Bool = false, readers: Int? = nil, observeTotal: (@Sendable (Int) async -> Void)? = nil)
        throws(HubSpotAPIError) -> PagedStream<CRMRecord, SearchCursor> {
        try query.validate()
        var planned = query
        let keyset = SearchContinuation(query)
        if planned.sort == nil { planned.sort = ("hs_object_id", .ASCENDING) }
        let reader = SearchReader(client: self, objectType: objectType, query: planned, keyset: keyset, limit: limit,
                                  pageSize: min(max(pageSize, 1), SearchQuery.maxPageSize), observeTotal: observeTotal,
                                  readers: readers ?? ParallelSearch.readerCap, requested: query)
        if keyset == nil, stable {
            return PagedStream(start: SearchCursor()) { cursor in try await reader.snapshotPage(cursor) }
        }
        return PagedStream(start: SearchCursor()) { cursor in try await reader.page(cursor) }
    }
}

/// Where a search stream stands: the offset inside the query (offset paging), the last
/// `hs_object_id` read (keyset paging), the ids still to read (a snapshot), or the ranges being read
/// in parallel.
public struct SearchCursor: Sendable {
    var after: String?
    var lowerBound: String?
    var delivered = 0
    var snapshot: ArraySlice<String>?
    var parallel: ParallelPosition?
}

/// Reads the pages of one search.
struct SearchReader: Sendable {
    let client: HubSpotClient
    let objectType: String
    let query: SearchQuery
    /// How the search pages by `hs_object_id`; nil when it must page by offset.
    let keyset: SearchContinuation?
    let limit: Int?
    let pageSize: Int
    let observeTotal: (@Sendable (Int) async -> Void)?
    /// The most ranges read at once; 1 keeps one cursor.
    var readers = 1
    /// The query as asked (before the default sort), to say why a search keeps one cursor.
    var requested: SearchQuery?

    var location: String { "POST \(client.version.objects)/\(objectType)/search" }

    /// The page at `cursor`, and the cursor after it.
    func page(_ cursor: SearchCursor) async throws -> (elements: [CRMRecord], next: SearchCursor?) {
        if let position = cursor.parallel { return try await parallelPage(cursor, position) }
        let remaining = limit.map { $0 - cursor.delivered } ?? Int.max
        guard remaining > 0 else { return ([], nil) }
        let resumed = cursor.lowerBound.flatMap { bound in keyset?.query(query, after: bound) } ?? query
        // HubSpot refuses a page reaching past the window (after + limit > 10,000).
        let offset = Int(cursor.after ?? "0") ?? 0
        let size = min(pageSize, remaining, SearchQuery.resultWindow - offset)
        let page = try await client.searchPage(objectType, resumed, limit: size, after: cursor.after)
        if cursor.delivered == 0 { try await first(page, remaining: remaining) }
        let results = Array(page.results.prefix(remaining))
        var next = cursor
        next.delivered += results.count
        guard !results.isEmpty, next.delivered < (limit ?? Int.max), let after = page.after else { return (results, nil) }
        if let keyset, let last = results.last {
            next.lowerBound = keyset.key(of: last)
            let expected = min(page.total ?? 0, limit ?? Int.max) - next.delivered
            if cursor.delivered == 0, let run = parallelRun(expected: expected) {
                next.parallel = ParallelPosition(run: run, window: run.window(after: RecordKey(of: last), budget: expected), unplanned: expected)
            }
        } else {
            guard Int(after) ?? 0 < SearchQuery.resultWindow else { return (results, nil) }
            next.after = after
        }
        return (results, next)
    }

    /// The next range of a parallel search, in order. The next window starts as soon as this one is
    /// planned, while records are expected past it; else once this one is read, if HubSpot has more.
    private func parallelPage(_ cursor: SearchCursor, _ position: ParallelPosition) async throws -> (elements: [CRMRecord], next: SearchCursor?) {
        let remaining = limit.map { $0 - cursor.delivered }
        guard remaining ?? 1 > 0 else { return ([], nil) }
        var position = position
        var next = cursor
        let window = try await ParallelSearch.value(of: position.window)
        if position.range == 0, position.following == nil, let base = window.next {
            position.unplanned -= window.planned
            if position.unplanned > 0 { position.following = position.run.window(after: base, budget: position.unplanned) }
        }
        guard position.range < window.ranges.count else {
            guard let following = position.following ?? window.next.map({ position.run.window(after: $0, budget: remaining) }) else {
                return ([], nil)
            }
            next.parallel = ParallelPosition(run: position.run, window: following, unplanned: max(position.unplanned, 0))
            return ([], next)
        }
        let records = try await ParallelSearch.value(of: window.ranges[position.range])
        position.range += 1
        let results = Array(records.prefix(remaining ?? Int.max))
        next.delivered += results.count
        next.parallel = position
        return (results, next.delivered < (limit ?? Int.max) ? next : nil)
    }

    /// Whether the rest of a keyset search is read as ranges in parallel (and why not, in the debug log).
    private func parallelRun(expected toRead: Int) -> ParallelSearch? {
        guard let keyset else { return nil }
        let rangeSize = SearchRangeSplitter.rangeSize(pageSize: pageSize)
        let reason: String
        if keyset.direction == .DESCENDING {
            reason = "it is sorted by descending hs_object_id"
        } else if readers < 2 {
            reason = "one reader was asked for"
        } else if toRead <= 2 * rangeSize {
            reason = "\(max(toRead, 0)) more records fit a few pages"
        } else {
            client.logger.debug("search \(objectType): \(toRead) more records read as hs_object_id ranges in parallel (up to \(readers) at once), in ascending hs_object_id order")
            return ParallelSearch(reader: self, keyset: keyset, readers: readers)
        }
        client.logger.debug("search \(objectType): one cursor, because \(reason)")
        return nil
    }

    /// A page of a snapshot: the first call reads every matching id by offset (nothing is written
    /// before it ends, so the offsets hold); each call then reads the next 100 records by id.
    func snapshotPage(_ cursor: SearchCursor) async throws -> (elements: [CRMRecord], next: SearchCursor?) {
        var ids: ArraySlice<String>
        if let snapshot = cursor.snapshot { ids = snapshot } else { ids = try await matchingIds() }
        let chunk = Array(ids.prefix(HubSpotClient.batchLimit))
        ids = ids.dropFirst(chunk.count)
        guard !chunk.isEmpty else { return ([], nil) }
        let found = try await client.batchRead(objectType, ids: chunk, properties: query.properties).results
        let byId = Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var next = cursor
        next.snapshot = ids
        // A record archived since its id was read is missing here; the reader's count says so.
        return (chunk.compactMap { byId[$0] }, ids.isEmpty ? nil : next)
    }

    /// Every id the query matches, in its order, up to the limit.
    private func matchingIds() async throws -> ArraySlice<String> {
        var idQuery = query
        idQuery.properties = ["hs_object_id"]
        let reader = SearchReader(client: client, objectType: objectType, query: idQuery, keyset: nil, limit: limit,
                                  pageSize: SearchQuery.maxPageSize, observeTotal: observeTotal, requested: requested)
        var ids: [String] = []
        var cursor: SearchCursor? = SearchCursor()
        while let current = cursor {
            let (records, next) = try await reader.page(current)
            ids += records.map(\.id)
            cursor = next
        }
        return ids[...]
    }

    /// Checks the first page: the count of matches is passed on, and a query that matches more than
    /// one query can return, and cannot be continued, is refused.
    private func first(_ page: Page<CRMRecord>, remaining: Int) async throws(HubSpotAPIError) {
        if keyset == nil, let requested {
            client.logger.debug("search \(objectType): one cursor, because \(SearchContinuation.oneCursor(requested))")
        }
        guard let total = page.total else { return }
        await observeTotal?(total)
        if keyset == nil, total > SearchQuery.resultWindow, remaining > SearchQuery.resultWindow {
            throw HubSpotAPIError(.invalidRequest, "the search matches \(total) records, but HubSpot returns at most \(SearchQuery.resultWindow) for one query and \(SearchContinuation.refusal(query)); narrow the filter, drop the sort, or add `limit`",
                                  location: location)
        }
    }
}

/// Keyset paging on `hs_object_id`: possible only when results are ordered by it and every filter
/// group has room for one more filter.
struct SearchContinuation: Sendable {
    let direction: SearchQuery.Direction

    init?(_ query: SearchQuery) {
        if let sort = query.sort, sort.property != "hs_object_id" { return nil }
        guard SearchContinuation.room(query) else { return nil }
        direction = query.sort?.direction ?? .ASCENDING
    }

    /// The query restricted to records past `key`.
    func query(_ query: SearchQuery, after key: String) -> SearchQuery {
        let filter = SearchFilter("hs_object_id", direction == .ASCENDING ? .GT : .LT, key)
        var query = query
        query.filterGroups = query.filterGroups.isEmpty ? [[filter]] : query.filterGroups.map { $0 + [filter] }
        return query
    }

    func key(of record: CRMRecord) -> String { record[property: "hs_object_id"] ?? record.id }

    static func room(_ query: SearchQuery) -> Bool {
        let groups = query.filterGroups
        let total = groups.reduce(0) { $0 + $1.count }
        return groups.allSatisfy { $0.count < SearchQuery.maxFiltersPerGroup } && total + max(groups.count, 1) <= SearchQuery.maxFilters
    }

    /// Why a query is read with one cursor by offset, in words (for the debug log).
    static func oneCursor(_ query: SearchQuery) -> String {
        if let sort = query.sort, sort.property != "hs_object_id" {
            return "it sorts by \(sort.property) (ranges and keyset paging need hs_object_id order)"
        }
        return "its filters leave no room for one more in every group (\(SearchQuery.maxFiltersPerGroup) per group, \(SearchQuery.maxFilters) in all)"
    }

    /// Why a query cannot be continued, in words.
    static func refusal(_ query: SearchQuery) -> String {
        if let sort = query.sort, sort.property != "hs_object_id" {
            return "hubsh can only continue past that when results are sorted by hs_object_id (this search sorts by \(sort.property))"
        }
        return "continuing past that needs one more filter in every group, which would break HubSpot's filter limits (\(SearchQuery.maxFiltersPerGroup) per group, \(SearchQuery.maxFilters) in all)"
    }
}
