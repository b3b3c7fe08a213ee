/// One pass over a table for a compiled search: counts every live matching record and keeps the
/// positions of those on the requested page. Records are read in place, never copied; tests read
/// values by position.
struct SearchScan {
    /// The filter groups' test; `nil` matches every record.
    let filter: RecordTest?
    /// The free-text query; `nil` when none.
    let query: QueryPattern?
    /// Where the query properties are read.
    let querySources: QuerySources
    /// Offset of the page's first result.
    let after: Int
    let limit: Int

    /// Whether the live record at `position` matches the filters and the query.
    @inline(__always)
    private func matches(_ position: Int) -> Bool {
        (filter?(position) ?? true) && (query?.matches(position, querySources) ?? true)
    }

    /// The total and the page, in table order (creation order).
    func inTableOrder(_ records: [StoredRecord]) -> (total: Int, page: [Int]) {
        var total = 0
        var page: [Int] = []
        page.reserveCapacity(limit)
        let end = after + limit
        records.withUnsafeBufferPointer { buffer in
            for index in buffer.indices where buffer[index].id != 0 && !buffer[index].archived && matches(index) {
                if total >= after && total < end { page.append(index) }
                total += 1
            }
        }
        return (total, page)
    }

    /// The total and the page, in `order`.
    func sorted<Key>(_ records: [StoredRecord], by order: SearchOrder<Key>) -> (total: Int, page: [Int]) {
        var total = 0
        var top = TopRecords(capacity: after + limit, order: order)
        records.withUnsafeBufferPointer { buffer in
            for index in buffer.indices where buffer[index].id != 0 && !buffer[index].archived && matches(index) {
                total += 1
                top.offer(id: buffer[index].id, index: index)
            }
        }
        return (total, top.ranked().dropFirst(after).map(\.index))
    }
}
