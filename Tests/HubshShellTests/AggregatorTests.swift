import Foundation
@testable import HubshShell
import JSONValue
import Testing

/// The aggregator alone: groups, counts, decimal sums, averages, typed minima and maxima, labels.
struct AggregatorTests {
    static let deals: [JSONValue] = [
        ["id": "1", "properties": ["dealstage": "won", "amount": "0.1", "closedate": "2025-03-01T00:00:00Z", "dealname": "b"]],
        ["id": "2", "properties": ["dealstage": "won", "amount": "0.2", "closedate": "2024-12-31T23:59:59Z", "dealname": "A"]],
        ["id": "3", "properties": ["dealstage": "lost", "amount": "", "closedate": nil, "dealname": "c"]],
        ["id": "4", "properties": ["dealstage": "won", "amount": "1e3", "closedate": "1700000000000", "dealname": "d"]],
        ["id": "5", "properties": ["amount": "7"]],
    ]

    static func rows(key: String?, _ measures: [Aggregator.Measure], counts: Bool = true,
                     label: ((String) -> String?)? = nil) throws -> [JSONValue] {
        var aggregator = Aggregator(key: key, measures: measures)
        for value in deals { try aggregator.add(value) }
        return aggregator.rows(counts: counts, label: label)
    }

    @Test func groupsCountTheLargestFirstAndValuesWithoutTheKeyLast() throws {
        let rows = try Self.rows(key: "dealstage", [])
        #expect(rows == [["dealstage": "won", "count": 3], ["dealstage": "lost", "count": 1], ["dealstage": nil, "count": 1]])
    }

    @Test func sumsAreDecimalAndAveragesLeaveOutEmptyValues() throws {
        let rows = try Self.rows(key: "dealstage", [Aggregator.Measure(function: .sum, property: "amount", kind: .number),
                                                    Aggregator.Measure(function: .avg, property: "amount", kind: .number)], counts: false)
        #expect(rows[0]["sum_amount"] == .double(1000.3))
        #expect(abs((rows[0]["avg_amount"]?.doubleValue ?? 0) - 333.433_333_333) < 1e-6)
        #expect(rows[1] == ["dealstage": "lost", "sum_amount": 0, "avg_amount": nil], "an empty amount is no value")
        let whole = try Self.rows(key: nil, [Aggregator.Measure(function: .sum, property: "amount", kind: .number)], counts: false)
        #expect(whole == [["sum_amount": .double(1007.3)]])
    }

    @Test(arguments: [
        (Aggregator.ValueKind.date, "closedate", JSONValue.string("1700000000000"), JSONValue.string("2025-03-01T00:00:00Z")),
        (.number, "amount", 0.1, 1000),
        (.text, "dealname", "A", "d"),
        (.untyped, "amount", 0.1, 1000),
        (.untyped, "dealname", "A", "d"),
    ])
    func minAndMaxOrderByTheKind(kind: Aggregator.ValueKind, property: String, least: JSONValue, most: JSONValue) throws {
        let rows = try Self.rows(key: nil, [Aggregator.Measure(function: .min, property: property, kind: kind),
                                            Aggregator.Measure(function: .max, property: property, kind: kind)], counts: false)
        #expect(rows == [["min_\(property)": least, "max_\(property)": most]])
    }

    /// A file's column (untyped) is a number column only when every value in it is a number.
    @Test func anUntypedColumnWithTextKeepsItsMinimumAsText() throws {
        var aggregator = Aggregator(key: nil, measures: [Aggregator.Measure(function: .max, property: "total")])
        for total in ["9", "10", "n/a"] { try aggregator.add(["total": .string(total)]) }
        #expect(aggregator.rows(counts: false) == [["max_total": "n/a"]])
    }

    /// Without a count the groups come by the first measure shown, largest first; the records without
    /// the key still last.
    @Test func withoutACountTheFirstMeasureOrdersTheGroups() throws {
        let values: [JSONValue] = [["stage": "a", "amount": "1"], ["stage": "a", "amount": "2"], ["stage": "a", "amount": "3"],
                                   ["stage": "b", "amount": "50"], ["stage": "c"], ["amount": "900"]]
        var aggregator = Aggregator(key: "stage", measures: [Aggregator.Measure(function: .sum, property: "amount", kind: .number)])
        for value in values { try aggregator.add(value) }
        #expect(aggregator.rows(counts: false).map { $0["stage"] } == ["b", "a", "c", .null] as [JSONValue?])
        #expect(aggregator.rows(counts: true).map { $0["stage"] } == ["a", "b", "c", .null] as [JSONValue?], "with the count shown, by the count")
        var latest = Aggregator(key: "stage", measures: [Aggregator.Measure(function: .max, property: "when", kind: .date)])
        for value: JSONValue in [["stage": "old", "when": "2024-01-01"], ["stage": "old", "when": "2024-02-01"], ["stage": "new", "when": "2025-01-01"]] {
            try latest.add(value)
        }
        #expect(latest.rows(counts: false).map { $0["stage"] } == ["new", "old"], "the latest first")
    }

    @Test func labelsGoBesideTheKey() throws {
        let rows = try Self.rows(key: "dealstage", [], label: { $0 == "won" ? "Closed won" : nil })
        #expect(rows.first == ["dealstage": "won", "label": "Closed won", "count": 3])
        #expect(rows.last == ["dealstage": nil, "label": nil, "count": 1])
    }

    @Test func aSumOfTextSaysWhichRecord() {
        var aggregator = Aggregator(key: nil, measures: [Aggregator.Measure(function: .sum, property: "dealname")])
        #expect(throws: Aggregator.NotANumber(measure: Aggregator.Measure(function: .sum, property: "dealname"), text: "b", id: "1")) {
            try aggregator.add(Self.deals[0])
        }
    }

    @Test func anEmptyStreamIsOneEmptyGroupWithoutAKeyAndNoRowsWithOne() throws {
        let measures = [Aggregator.Measure(function: .sum, property: "amount"), Aggregator.Measure(function: .max, property: "amount")]
        #expect(Aggregator(key: nil, measures: measures).rows(counts: true) == [["count": 0, "sum_amount": 0, "max_amount": nil]])
        #expect(Aggregator(key: "dealstage", measures: measures).rows(counts: true) == [])
    }

    @Test func memoryHoldsTheGroupsNotTheValues() throws {
        var aggregator = Aggregator(key: "stage", measures: [Aggregator.Measure(function: .sum, property: "n", kind: .number)])
        for index in 0..<20_000 { try aggregator.add(["stage": .string("s\(index % 3)"), "n": .int(index)]) }
        #expect(aggregator.groups.count == 3)
        #expect(aggregator.rows(counts: true).compactMap { $0["sum_n"]?.intValue }.reduce(0, +) == 19_999 * 20_000 / 2)
    }

    @Test(arguments: [("a;b", "Alpha; b"), ("a", "Alpha"), ("z", nil)])
    func aMultiSelectValueIsLabelledPartByPart(value: String, label: String?) {
        let facts = AggregateFacts(labels: ["a": "Alpha"])
        #expect(facts.label(of: value) == label)
    }
}
