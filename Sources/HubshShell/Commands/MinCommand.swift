import HubshLanguage
import JSONValue

/// `min PROP`: one value over the whole stream (as `group`'s `--min`, without groups).
struct MinCommand: AggregatingCommand {
    static let signature = CommandSignature(
        ["min"], family: .local, summary: "The smallest value of a property in the stream (numbers, dates, else text).",
        positionals: [Parameter("property", "the property or field (a comma list for several)", role: .field)],
        input: .values, output: .values,
        examples: [Example("search deals | min closedate", "the earliest close date", .lines("2024-01-19T06:46:40.267Z")),
                   Example("open orders.csv | min total", "over a file's column", .lines("5"))])

    let measure: SingleMeasure

    init(_ bound: BoundCommand) throws(Diagnostic) { measure = try SingleMeasure(.min, bound) }

    var readsProperties: [String]? { Aggregation.names(key: nil, measuresAsked) }
    var measuresAsked: [(Aggregator.Function, Value)] { [(measure.function, measure.property)] }
    var keyAsked: (String, SourceRange)? { nil }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        try await measure.run(input, in: context)
    }
}
