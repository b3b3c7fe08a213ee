@testable import HubSpotAPI
import JSONValue
import Testing

/// The range splitter and a range's reading, as pure functions over an in-memory result set that
/// answers the way HubSpot's search does (ascending ids past a key, from an offset, a page at a time).
struct SearchRangeSplitterTests {
    /// A search's matches, by id; `search` answers like HubSpot sorted by ascending `hs_object_id`.
    final class Matches {
        var ids: [Int]
        private(set) var calls = 0
        init(_ ids: [Int]) { self.ids = ids.sorted() }

        func search(after key: Int, offset: Int, limit: Int) -> SearchRangeSplitter.Probe {
            calls += 1
            let past = ids.filter { $0 > key }
            let page = past.dropFirst(offset).prefix(limit)
            return SearchRangeSplitter.Probe(records: page.map(record), more: offset + limit < past.count)
        }
    }

    static func record(_ id: Int) -> CRMRecord {
        // A record literal always has an id.
        try! CRMRecord(["id": .string(String(id)), "properties": ["hs_object_id": .string(String(id))]])
    }

    static func ids(_ records: [CRMRecord]) -> [Int] { records.compactMap { Int($0.id) } }

    /// What reading every window gives: each range in order, after `change` (run between a window's
    /// probes and the reading of its ranges, as another writer might) has had its way.
    static func export(_ matches: Matches, readers: Int, pageSize: Int = 200,
                       change: (Matches) -> Void = { _ in }) -> (ids: [Int], ranges: [SearchRange]) {
        var base: Int? = 0
        var output: [Int] = []
        var all: [SearchRange] = []
        // As the search does: windows sized to the records expected and not yet planned, then full ones.
        var unplanned = matches.ids.count
        var first = true
        while let after = base {
            let (rangeSize, count) = SearchRangeSplitter.plan(readers: readers, budget: first || unplanned > 0 ? unplanned : nil, pageSize: pageSize)
            first = false
            let offsets = SearchRangeSplitter.offsets(ranges: count, rangeSize: rangeSize, pageSize: pageSize)
            let probes = offsets.map { matches.search(after: after, offset: $0, limit: pageSize) }
            let (ranges, next) = SearchRangeSplitter.ranges(from: probes, rangeSize: rangeSize, pageSize: pageSize)
            unplanned -= SearchRangeSplitter.planned(ranges)
            change(matches)
            for var range in ranges {
                while let request = range.nextRequest(pageSize: pageSize) {
                    let page = matches.search(after: Int(request.after.text) ?? 0, offset: 0, limit: request.limit)
                    range.absorb(page.records, more: page.more)
                }
                output += ids(range.records)
                all.append(range)
            }
            base = next.flatMap { Int($0.text) }
        }
        return (output, all)
    }

    /// Ranges are disjoint and ordered: each holds ids from its first up to (not including) the next's first.
    static func expectDisjoint(_ ranges: [SearchRange]) {
        for (range, following) in zip(ranges, ranges.dropFirst()) {
            guard let last = ids(range.records).last, let next = ids(following.records).first else { continue }
            #expect(last < next)
            if let upper = range.upper { #expect(Int(upper.text).map { last < $0 && $0 <= next } == true) }
        }
    }

    static let spreads: [(String, [Int])] = [
        ("evenly spread", Array(1...12_000)),
        ("sparse", (1...5_000).map { $0 * 1_000_003 }),
        ("skewed: nearly all in one corner", Array(1...9_000) + (1...300).map { 50_000_000_000 + $0 * 97_000_001 }),
        ("skewed: a dense tail", (1...100).map { $0 * 10_000_000 } + Array(2_000_000_000...2_000_006_000)),
        ("one record", [42]),
        ("a tiny span", Array(7...9)),
        ("exactly one range", Array(1...399)),
        ("exactly one window", Array(1...(15 * 399 + 200))),
        ("none", []),
    ]

    @Test(arguments: spreads.map(\.0))
    func everyMatchComesOutOnceInAscendingOrder(_ name: String) {
        let ids = Self.spreads.first { $0.0 == name }?.1 ?? []
        for readers in [1, 2, 16] {
            let matches = Matches(ids)
            let (output, ranges) = Self.export(matches, readers: readers)
            #expect(output == ids.sorted(), "\(name), \(readers) readers")
            Self.expectDisjoint(ranges)
            // Every call but the last of each window's ranges is a full page: splitting costs no extra calls.
            let pages = (ids.count + 199) / 200
            let windows = ids.count / (max(1, readers - 1) * 399) + 1
            #expect(matches.calls <= pages + windows + 1, "\(name), \(readers) readers: \(matches.calls) calls")
        }
    }

    /// However the ids are spread, every range but a window's last holds the same number of records:
    /// one dense stretch of ids never leaves one range with most of the work.
    /// (Two-page ranges hold 399, the last window's one-page ranges 199.)
    @Test(arguments: [6_000, 9_000])
    func rangesHoldEqualCountsHoweverSkewedTheIds(dense: Int) {
        let skewed = Array(1...dense) + [900_000_000_000]
        let (_, ranges) = Self.export(Matches(skewed), readers: 16)
        let bounded = ranges.filter { $0.upper != nil }
        #expect(bounded.count >= 14)
        #expect(bounded.allSatisfy { $0.records.count == 399 || $0.records.count == 199 }, "\(bounded.map(\.records.count))")
    }

    /// Two-page ranges while more is expected than a window holds; the window holding the rest has
    /// one-page ranges, whose probes are all its calls.
    @Test(arguments: [(11, 19_800, 399, 11), (11, nil, 399, 11), (11, 4_389, 199, 23), (11, 3_040, 199, 16), (16, 1, 199, 1)] as [(Int, Int?, Int, Int)])
    func theWindowHoldingTheRestHasOnePageRanges(readers: Int, budget: Int?, size: Int, count: Int) {
        let plan = SearchRangeSplitter.plan(readers: readers, budget: budget, pageSize: 200)
        #expect(plan.rangeSize == size)
        #expect(plan.count == count)
    }

    @Test func theLastWindowCostsOneCallPerPage() {
        let matches = Matches(Array(1...3_040))
        let (ids, _) = Self.export(matches, readers: 11)
        #expect(ids == Array(1...3_040))
        #expect(matches.calls == 16, "one probe per 199 records, no page after one")
    }

    /// Records that vanish or appear between a window's probes and the reading of its ranges (another
    /// writer, or the pipeline's own delete) never make a range skip or repeat one that stays.
    @Test(arguments: [0, 1, 2, 3])
    func changesWhileReadingSkipNothingThatStays(seed: Int) {
        let original = Array(stride(from: 10, through: 90_000, by: 10))
        let matches = Matches(original)
        var removed: Set<Int> = []
        var round = 0
        let (output, ranges) = Self.export(matches, readers: 8) { matches in
            round += 1
            // Drop every seventh id of a stretch and add ids between others.
            let stretch = matches.ids.filter { $0 % 7_000 < 1_200 && ($0 / 10 + seed + round) % 7 == 0 }
            removed.formUnion(stretch)
            let added = (0..<40).map { 5 + (round * 977 + $0 * 2_003 + seed) % 9_000 * 10 }
            matches.ids = Set(matches.ids).subtracting(stretch).union(added).sorted()
        }
        Self.expectDisjoint(ranges)
        #expect(output == Array(Set(output)).sorted(), "each record once, in ascending order")
        let kept = Set(original).subtracting(removed)
        #expect(kept.isSubset(of: Set(output)))
    }

    @Test func aProbeBehindThePreviousOpensNoRange() {
        let probes = [[10, 11, 12], [5, 6, 7], [20, 21, 22]].map {
            SearchRangeSplitter.Probe(records: $0.map(Self.record), more: true)
        }
        let (ranges, next) = SearchRangeSplitter.ranges(from: probes, rangeSize: 5, pageSize: 3)
        #expect(ranges.count == 2)
        #expect(ranges.first?.upper == RecordKey("20"))
        #expect(ranges.first.map { Self.ids($0.records) } == [10, 11, 12])
        #expect(ranges.map(\.probe) == [0, 2], "each range names the probe whose follow-up page continues it")
        #expect(next == RecordKey("22"))
    }

    @Test func anEmptyProbeEndsTheWindowAndTheRangeBeforeReadsOn() {
        let probes = [SearchRangeSplitter.Probe(records: [1, 2, 3].map(Self.record), more: true), SearchRangeSplitter.Probe(records: [], more: false)]
        let (ranges, next) = SearchRangeSplitter.ranges(from: probes, rangeSize: 5, pageSize: 3)
        #expect(next == nil)
        #expect(ranges.count == 1)
        #expect(ranges.first?.upper == nil)
        #expect(ranges.first?.nextRequest(pageSize: 3)?.after == RecordKey("3"))
        #expect(SearchRangeSplitter.ranges(from: [SearchRangeSplitter.Probe(records: [], more: false)], rangeSize: 5, pageSize: 3).ranges.isEmpty)
    }

    @Test func probesStayInsideTheTenThousandWindow() {
        let offsets = SearchRangeSplitter.offsets(ranges: 1_000, rangeSize: 399, pageSize: 200)
        #expect(offsets.first == 0)
        #expect(offsets.allSatisfy { $0 + 200 < SearchQuery.resultWindow })
        #expect(offsets.count == 25)
        #expect(SearchRangeSplitter.offsets(ranges: 3, rangeSize: 399, pageSize: 200) == [0, 399, 798])
    }

    @Test(arguments: [("9", "10", true), ("10", "9", false), ("0010", "10", false), ("123456789012", "99999999999", false)])
    func idsCompareAsNumbers(_ a: String, _ b: String, _ less: Bool) {
        #expect((RecordKey(a) < RecordKey(b)) == less)
    }
}
