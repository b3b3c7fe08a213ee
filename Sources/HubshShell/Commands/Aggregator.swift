import Foundation
import HubSpotAPI
import HubshLanguage
import JSONValue

/// Running counts, sums, averages, minima and maxima of a stream, per value of one field (or over the
/// whole stream): what `group`, `count by`, `sum`, `avg`, `min` and `max` share. It keeps one set of
/// totals per group, never the values, so memory grows with the number of groups only. Sums are kept
/// as decimals (`0.1 + 0.2` is `0.3`); values without the field (missing, null, empty) are left out of
/// every measure but still counted in their group.
struct Aggregator: Sendable {
    /// What is worked out of a property's values.
    enum Function: String, Sendable, CaseIterable {
        case sum, avg, min, max
    }

    /// How a property's values add and order: by its HubSpot type when the schema cache knows it.
    enum ValueKind: Sendable, Equatable {
        /// A `number` property: decimals.
        case number
        /// A `date` or `datetime` property: ordered by the moment they name.
        case date
        /// Any other HubSpot type: text, ordered ignoring case.
        case text
        /// No type known (a file's field): numbers where the text is one, else text.
        case untyped

        /// The kind of a HubSpot property type (`number`, `datetime`, `enumeration`, …).
        init(hubSpotType: String?) {
            switch hubSpotType {
            case nil: self = .untyped
            case "number": self = .number
            case "date", "datetime": self = .date
            default: self = .text
            }
        }
    }

    /// One measure asked for: a function of a property.
    struct Measure: Sendable, Equatable {
        var function: Function
        var property: String
        var kind: ValueKind = .untyped

        /// Its output field: `sum_amount`.
        var column: String { "\(function.rawValue)_\(property)" }
    }

    /// A value that a sum or an average cannot add.
    struct NotANumber: Error, Equatable {
        var measure: Measure
        var text: String
        /// The record's id, when it has one.
        var id: String?
    }

    /// The totals of one group.
    struct Totals: Sendable {
        var count = 0
        var running: [Running]
    }

    /// One measure's running state within a group.
    struct Running: Sendable {
        var sum = Decimal(0)
        /// How many values the sum holds.
        var added = 0
        var least: JSONValue?
        var most: JSONValue?
        /// Whether every value seen is a number: an untyped minimum or maximum then comes out as one.
        var allNumbers = true
    }

    /// The field whose values make the groups; nil: the whole stream is one group.
    let key: String?
    let measures: [Measure]
    /// The groups by their key's text (nil: the values without the field), in order of first appearance.
    private(set) var groups: [String?: Totals] = [:]
    private var order: [String?] = []

    init(key: String?, measures: [Measure]) {
        self.key = key
        self.measures = measures
    }

    /// Adds one value of the stream to its group.
    mutating func add(_ value: JSONValue) throws(NotANumber) {
        let groupKey = key.flatMap { RecordField.text($0, in: value) }
        var totals = groups[groupKey] ?? {
            order.append(groupKey)
            return Totals(running: Array(repeating: Running(), count: measures.count))
        }()
        totals.count += 1
        for (index, measure) in measures.enumerated() {
            guard let field = RecordField.value(measure.property, in: value), let text = RecordField.text(measure.property, in: value) else { continue }
            switch measure.function {
            case .sum, .avg:
                guard let number = Self.decimal(text) else {
                    throw NotANumber(measure: measure, text: text, id: value["id"]?.scalarText)
                }
                totals.running[index].sum += number
                totals.running[index].added += 1
            case .min, .max:
                if measure.kind == .untyped, ComparableText.number(text) == nil { totals.running[index].allNumbers = false }
                if measure.function == .min {
                    if let least = totals.running[index].least, Self.order(least, field, kind: measure.kind) <= 0 { continue }
                    totals.running[index].least = field
                } else {
                    if let most = totals.running[index].most, Self.order(most, field, kind: measure.kind) >= 0 { continue }
                    totals.running[index].most = field
                }
            }
        }
        groups[groupKey] = totals
    }

    /// One row per group, ordered by the first number shown, largest first: the count when `counts`,
    /// else the first measure (ties by count, then by the key; values without the key last). Each row
    /// holds the key's value, its label when `label` knows one, the count when `counts`, and each measure.
    func rows(counts: Bool, label: ((String) -> String?)? = nil) -> [JSONValue] {
        let ranked = counts ? nil : measures.indices.first
        let ordered = order.sorted { a, b in
            // The records without the key make the last group, whatever its numbers.
            if (a == nil) != (b == nil) { return b == nil }
            if let ranked, let p = groups[a]?.running[ranked], let q = groups[b]?.running[ranked] {
                let (x, y) = (value(of: measures[ranked], p), value(of: measures[ranked], q))
                switch (x.isNull, y.isNull) {
                case (false, true): return true
                case (true, false): return false
                case (false, false):
                    let kind: ValueKind = measures[ranked].function == .sum || measures[ranked].function == .avg ? .number : measures[ranked].kind
                    let order = Self.order(x, y, kind: kind)
                    if order != 0 { return order > 0 }
                case (true, true): break
                }
            }
            let (x, y) = (groups[a]?.count ?? 0, groups[b]?.count ?? 0)
            if x != y { return x > y }
            switch (a, b) {
            case (nil, _): return false
            case (_, nil): return true
            case (let a?, let b?): return ComparableText(a).order(ComparableText(b)) < 0
            }
        }
        // With no values at all, the whole stream is still one (empty) group.
        let keys: [String?] = key == nil && ordered.isEmpty ? [nil] : ordered
        return keys.map { groupKey in
            let totals = groups[groupKey] ?? Totals(running: Array(repeating: Running(), count: measures.count))
            var row: JSONObject = [:]
            if let key {
                row[key] = groupKey.map(JSONValue.string) ?? .null
                if let label { row[labelColumn] = groupKey.flatMap(label).map(JSONValue.string) ?? .null }
            }
            if counts { row["count"] = .int(totals.count) }
            for (index, measure) in measures.enumerated() { row[measure.column] = value(of: measure, totals.running[index]) }
            return .object(row)
        }
    }

    /// The field a key's label goes in: `label`, unless the key is itself called so.
    var labelColumn: String { key == "label" ? "label_label" : "label" }

    /// A measure's result: a number for a sum (0 when nothing was added) or an average, the value
    /// itself for a minimum or maximum (a number property's as a number); null when there was none.
    private func value(of measure: Measure, _ running: Running) -> JSONValue {
        switch measure.function {
        case .sum:
            return Self.json(running.sum)
        case .avg:
            guard running.added > 0 else { return .null }
            return Self.json(running.sum / Decimal(running.added))
        case .min, .max:
            guard let found = measure.function == .min ? running.least : running.most else { return .null }
            // A number property's value, or a file's column that held only numbers, comes out as a number.
            let numeric = measure.kind == .number || (measure.kind == .untyped && running.allNumbers)
            if numeric, let text = found.scalarText, let number = Self.decimal(text) { return Self.json(number) }
            return found
        }
    }

    /// -1, 0 or 1: how `a` orders before `b` as values of a property of `kind`.
    static func order(_ a: JSONValue, _ b: JSONValue, kind: ValueKind) -> Int {
        let (x, y) = (a.scalarText ?? a.jsonString, b.scalarText ?? b.jsonString)
        switch kind {
        case .number:
            if let p = decimal(x), let q = decimal(y) { return p < q ? -1 : (p == q ? 0 : 1) }
        case .date:
            if let p = moment(x), let q = moment(y) { return p < q ? -1 : (p == q ? 0 : 1) }
        case .text:
            let (p, q) = (x.lowercased(), y.lowercased())
            return p < q ? -1 : (p == q ? 0 : 1)
        case .untyped:
            break
        }
        return ComparableText(x).order(ComparableText(y))
    }

    /// The decimal `text` writes (`12`, `-3.5`, `1e6`); nil when it is not a number.
    static func decimal(_ text: String) -> Decimal? {
        guard ValueFacts.isNumber(text) else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// The first millisecond a date's text names (a day, a time, epoch milliseconds), in UTC.
    static func moment(_ text: String) -> Int64? {
        DateText(text)?.utcMilliseconds
    }

    /// A decimal as JSON: a whole number as an integer, else a double.
    static func json(_ number: Decimal) -> JSONValue {
        let text = number.description
        if let whole = Int(text) { return .int(whole) }
        guard let double = Double(text) else { return .string(text) }
        if double.rounded() == double, abs(double) < 9.0e15 { return .int(Int(double)) }
        return .double(double)
    }
}
