/// Splits what a search matches past some id into disjoint ranges of equal size, found by rank rather
/// than by id: a window of probes, each a full page at the offset where a range starts (all inside
/// HubSpot's 10,000-result window), gives every range its first id and its first page at once. So the
/// ranges hold the same number of records however the ids are spread, and finding them costs no call
/// that is not also a page of records.
enum SearchRangeSplitter {
    /// One probe's answer: the records from its offset on, ascending, and whether HubSpot has more.
    struct Probe: Sendable {
        var records: [CRMRecord]
        var more: Bool
    }

    /// The records a range holds for `pageSize`-record pages: two pages less one, so that its second
    /// page ends on the next range's first id.
    static func rangeSize(pageSize: Int) -> Int { max(1, 2 * pageSize - 1) }

    /// How a window is cut: `rangeCount` two-page ranges; but a window that holds every record still
    /// expected (`budget`, within `readers` two-page ranges) is cut into one-page ranges of `pageSize - 1`
    /// records (a probe's page ends on the next probe's first id), as many as the budget fills. Its
    /// probes are then all its calls: no page waits for a probe's answer, so the search ends one round
    /// trip after its last call went out, not two.
    static func plan(readers: Int, budget: Int?, pageSize: Int) -> (rangeSize: Int, count: Int) {
        let twoPage = rangeSize(pageSize: pageSize)
        let count = rangeCount(readers: readers, budget: budget, rangeSize: twoPage)
        guard let budget, pageSize > 1, budget <= max(1, readers) * twoPage else { return (twoPage, count) }
        let onePage = pageSize - 1
        return (onePage, max(1, (budget + onePage - 1) / onePage))
    }

    /// How many ranges a window opens: `readers`, but no more than `budget` records (those expected and
    /// not yet planned, when known) fill — probes past the end of the results would come back empty.
    static func rangeCount(readers: Int, budget: Int?, rangeSize: Int) -> Int {
        guard let budget else { return max(1, readers) }
        return max(1, min(readers, (budget + rangeSize - 1) / max(1, rangeSize)))
    }

    /// About how many records the ranges of a window hold: a bounded range its planned size, the others
    /// what they read so far.
    static func planned(_ ranges: [SearchRange]) -> Int {
        ranges.reduce(0) { $0 + ($1.upper == nil ? $1.records.count : max($1.records.count, $1.expected)) }
    }

    /// The offsets of at most `ranges` probes, one every `rangeSize` records, each page ending inside
    /// the window (where HubSpot still says whether more follow).
    static func offsets(ranges: Int, rangeSize: Int, pageSize: Int) -> [Int] {
        let fitting = max(0, SearchQuery.resultWindow - 1 - pageSize) / max(1, rangeSize) + 1
        return (0..<max(1, min(ranges, fitting))).map { $0 * rangeSize }
    }

    /// The ranges a window's probes (in offset order) open, in ascending order, and the id the next
    /// window starts after — nil when the last range runs on to the end of the results.
    ///
    /// A probe whose first id is not past the previous probe's (records vanished between the two
    /// answers) opens no range: the range before it reaches further. An empty probe ends the window
    /// (the results end there); its range before it reads on to the end.
    static func ranges(from probes: [Probe], rangeSize: Int, pageSize: Int) -> (ranges: [SearchRange], next: RecordKey?) {
        let starts = self.starts(of: probes)
        var ranges: [SearchRange] = []
        var next: RecordKey?
        for (position, start) in starts.enumerated() {
            let probe = probes[start.index]
            if position + 1 < starts.count {
                var range = SearchRange(upper: starts[position + 1].key, expected: rangeSize, probe: start.index)
                range.absorb(probe.records, more: probe.more)
                ranges.append(range)
            } else if start.index == probes.count - 1, probe.more, probe.records.count >= pageSize, let last = probe.records.last {
                // The window's last probe, full and with more after it: its page is its range, and the
                // next window takes over after it.
                ranges.append(.read(probe.records, probe: start.index))
                next = RecordKey(of: last)
            } else {
                var range = SearchRange(upper: nil, expected: rangeSize, probe: start.index)
                range.absorb(probe.records, more: probe.more)
                ranges.append(range)
            }
        }
        return (ranges, next)
    }

    /// The probes that open a range, in order, with their first ids.
    private static func starts(of probes: [Probe]) -> [(index: Int, key: RecordKey)] {
        var starts: [(index: Int, key: RecordKey)] = []
        for (index, probe) in probes.enumerated() {
            guard let first = probe.records.first else { break }
            let key = RecordKey(of: first)
            if let previous = starts.last, key <= previous.key { continue }
            starts.append((index, key))
        }
        return starts
    }
}
