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

    /// Every match of a search, up to `limit` when given. HubSpot stops a query at 10,000 results; this
    /// stream sorts on `hs_object_id` and continues with `hs_object_id > last` added to every filter
    /// group. When that cannot apply (another sort, or no room left in HubSpot's filter limits) and
    /// more than 10,000 match, it fails at once and says why — it never stops silently at 10,000.
    public func search(_ objectType: String, _ query: SearchQuery, limit: Int? = nil,
                       pageSize: Int = SearchQuery.maxPageSize) throws(HubSpotAPIError) -> PagedStream<CRMRecord, SearchCursor> {
        try query.validate()
        var query = query
        let continuation = SearchContinuation(query)
        if query.sort == nil { query.sort = ("hs_object_id", .ASCENDING) }
        let client = self
        let planned = query
        return PagedStream(start: SearchCursor()) { cursor in
            let remaining = limit.map { $0 - cursor.delivered } ?? Int.max
            guard remaining > 0 else { return ([], nil) }
            let resumed = cursor.lowerBound.map { continuation!.query(planned, after: $0) } ?? planned
            // HubSpot refuses a page reaching past the window (after + limit > 10,000).
            let size = min(pageSize, remaining, SearchQuery.resultWindow - (Int(cursor.after ?? "0") ?? 0))
            let page = try await client.searchPage(objectType, resumed, limit: size, after: cursor.after)
            if cursor.delivered == 0, let total = page.total, total > SearchQuery.resultWindow, remaining > SearchQuery.resultWindow,
               let reason = continuation == nil ? SearchContinuation.refusal(planned) : nil {
                throw HubSpotAPIError(.invalidRequest, "the search matches \(total) records, but HubSpot returns at most \(SearchQuery.resultWindow) for one query and \(reason); narrow the filter, drop the sort, or add `limit`",
                                      location: "POST \(client.version.objects)/\(objectType)/search")
            }
            let results = Array(page.results.prefix(remaining))
            var next = cursor
            next.delivered += results.count
            guard !results.isEmpty, next.delivered < (limit ?? Int.max) else { return (results, nil) }
            // Where this query stands, and whether matches remain beyond HubSpot's window.
            let reached = (Int(cursor.after ?? "0") ?? 0) + page.results.count
            let beyondWindow = page.after.map { Int($0) ?? 0 >= SearchQuery.resultWindow }
                ?? (reached >= SearchQuery.resultWindow && (page.total ?? 0) > reached)
            if let after = page.after, !beyondWindow {
                next.after = after
            } else if beyondWindow, let continuation, let last = results.last {
                next.after = nil
                next.lowerBound = continuation.key(of: last)
            } else {
                return (results, nil)
            }
            return (results, next)
        }
    }
}

/// Where a search stream stands: the page offset inside the current query, and the last
/// `hs_object_id` of the queries before it.
public struct SearchCursor: Sendable {
    var after: String?
    var lowerBound: String?
    var delivered = 0
}

/// How a search continues past 10,000: keyset paging on `hs_object_id`, possible only when results
/// are ordered by it and every filter group has room for one more filter.
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

    /// Why a query cannot be continued, in words.
    static func refusal(_ query: SearchQuery) -> String {
        if let sort = query.sort, sort.property != "hs_object_id" {
            return "hubsh can only continue past that when results are sorted by hs_object_id (this search sorts by \(sort.property))"
        }
        return "continuing past that needs one more filter in every group, which would break HubSpot's filter limits (\(SearchQuery.maxFiltersPerGroup) per group, \(SearchQuery.maxFilters) in all)"
    }
}
