/// One range of a search read in parallel: the records from its first id up to (not including) the
/// next range's first id, read by keyset from wherever its first page ended.
struct SearchRange: Sendable {
    /// The records read so far, in ascending `hs_object_id` order.
    private(set) var records: [CRMRecord] = []
    /// The first id of the next range; nil when this range runs on to the end of the results.
    let upper: RecordKey?
    /// How many records the range held when it was planned: its last page is sized to end just past it.
    let expected: Int
    /// The window's probe the range starts at: that probe's follow-up page continues it.
    let probe: Int
    /// Whether nothing is left to read.
    private(set) var complete = false
    /// The highest id read: reading goes on past it.
    private(set) var last: RecordKey?

    init(upper: RecordKey?, expected: Int, probe: Int = 0) {
        self.upper = upper
        self.expected = expected
        self.probe = probe
    }

    /// A range whose records are all known already (`probe` read them).
    static func read(_ records: [CRMRecord], probe: Int = 0) -> SearchRange {
        var range = SearchRange(upper: nil, expected: records.count, probe: probe)
        range.absorb(records, more: false)
        return range
    }

    /// The next page to ask for (ids past `after`, at most `limit`), or nil once the range is read. A
    /// bounded range asks for one record past what it expects: an unchanged range then ends on the next
    /// range's first id, without an empty call.
    func nextRequest(pageSize: Int) -> (after: RecordKey, limit: Int)? {
        guard !complete, let last else { return nil }
        guard upper != nil else { return (last, pageSize) }
        return (last, min(pageSize, max(1, expected - records.count + 1)))
    }

    /// Takes a page of records in ascending id order; an id at or past `upper` ends the range, and so
    /// does a page after which HubSpot has nothing more (`more` false).
    mutating func absorb(_ page: [CRMRecord], more: Bool) {
        for record in page {
            let key = RecordKey(of: record)
            if let last, key <= last { continue }
            if let upper, key >= upper {
                complete = true
                return
            }
            records.append(record)
            last = key
        }
        if !more || page.isEmpty { complete = true }
    }
}
