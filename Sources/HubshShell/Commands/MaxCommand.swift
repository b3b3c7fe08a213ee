import HubshLanguage
import JSONValue

/// `max PROP`: one value over the whole stream (as `group`'s `--max`, without groups).
struct MaxCommand: AggregatingCommand {
    static let signature = CommandSignature(
        ["max"], family: .local, summary: "The largest value of a property in the stream (numbers, dates, else text).",
        positionals: [Parameter("property", "the property or field (a comma list for several)", role: .field)],
        input: .values, output: .values,
        examples: [Example("search deals | max amount", "the largest deal amount", .lines("600000")),
                   Example("open orders.csv | max total", "over a file's column", .lines("30"))])

    let measure: SingleMeasure

    init(_ bound: BoundCommand) throws(Diagnostic) { measure = try SingleMeasure(.max, bound) }

    var readsProperties: [String]? { Aggregation.names(key: nil, measuresAsked) }
    var measuresAsked: [(Aggregator.Function, Value)] { [(measure.function, measure.property)] }
    var keyAsked: (String, SourceRange)? { nil }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        try await measure.run(input, in: context)
    }
}
