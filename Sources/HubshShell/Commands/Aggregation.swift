import Foundation
import HubshLanguage
import JSONValue

/// A command that reads only some properties of its input and yields rows of its own: a search
/// straight before it asks HubSpot for just those (its default properties may lack them).
protocol AggregatingCommand: ShellCommand {
    /// The properties it reads, as written; nil when not known before it runs (a variable).
    var readsProperties: [String]? { get }
    /// The measures it works out, for the check before running: each function, property and where it is written.
    var measuresAsked: [(Aggregator.Function, Value)] { get }
    /// The property that makes the groups and where it is written; nil for one group.
    var keyAsked: (String, SourceRange)? { get }
}

/// Runs an ``Aggregator`` over a stream for the aggregating commands (`group`, `count by`, `sum`,
/// `avg`, `min`, `max`): the measures' property names resolved (a comma list each), typed by the
/// schema cache, refused before the stream is read when a sum or average names a property that is not
/// a number; then one row per group, told to the terminal as a table of its own.
enum Aggregation {
    /// The property names of one measure's list (`amount, hs_arr`): trimmed, empty ones left out.
    static func split(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The property names a list of measures names literally; nil when one is a variable.
    static func names(key: String?, _ asked: [(Aggregator.Function, Value)]) -> [String]? {
        var names = key.map { [$0] } ?? []
        for (_, value) in asked {
            guard let text = value.literalText else { return nil }
            for name in split(text) where !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// The rows of `input` aggregated by `key` (nil: the whole stream as one group).
    static func run(key: String?, asked: [(Aggregator.Function, Value)], counts: Bool, objectType: String?,
                    input: ValueStream, context: ShellContext) async throws -> [JSONValue] {
        var named: [(Aggregator.Function, String, SourceRange)] = []
        // The measures in the order they are written (`--max total --sum total`): their columns come so,
        // and the first one orders the groups when no count is shown.
        let written = asked.enumerated().sorted { ($0.element.1.range.start, $0.offset) < ($1.element.1.range.start, $1.offset) }.map(\.element)
        for (function, value) in written {
            for name in split(try await context.text(value)) { named.append((function, name, value.range)) }
        }
        let facts = await AggregateFacts.load(objectType, key: key, in: context)
        var aggregator = Aggregator(key: key, measures: try facts.measures(named))
        for try await value in input {
            do throws(Aggregator.NotANumber) {
                try aggregator.add(value)
            } catch let problem {
                let range = named.first { $0.0 == problem.measure.function && $0.1 == problem.measure.property }?.2 ?? asked.first?.1.range ?? .at(0)
                let which = problem.id.map { " (record \($0))" } ?? context.inputLines.line(of: value).map { " (line \($0))" } ?? ""
                throw Diagnostic("\(problem.measure.function.rawValue) takes numbers, and \(problem.measure.property) holds '\(problem.text)'\(which)", at: range)
            }
        }
        let rows = aggregator.rows(counts: counts, label: facts.labels == nil ? nil : { facts.label(of: $0) })
        var columns: [String] = []
        var types: [String: String] = [:]
        if let key {
            columns.append(key)
            types[key] = facts.types[key]
            if facts.labels != nil { columns.append(aggregator.labelColumn) }
        }
        if counts {
            columns.append("count")
            types["count"] = "number"
        }
        for measure in aggregator.measures {
            columns.append(measure.column)
            types[measure.column] = measure.function == .sum || measure.function == .avg ? "number" : facts.types[measure.property]
        }
        // An average shows 2 decimals at a terminal (`79845.23`); JSON keeps every digit.
        let decimals = Dictionary(aggregator.measures.filter { $0.function == .avg }.map { ($0.column, 2) }) { first, _ in first }
        context.resultHint.update { shape in
            shape.objectType = nil
            shape.columns = columns
            shape.types = types
            shape.decimals = decimals
        }
        return rows
    }
}
