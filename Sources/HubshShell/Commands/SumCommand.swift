import HubshLanguage
import JSONValue

/// `sum PROP`: one value over the whole stream (as `group`'s `--sum`, without groups).
struct SumCommand: AggregatingCommand {
    static let signature = CommandSignature(
        ["sum"], family: .local, summary: "Add up a number property over the stream.",
        positionals: [Parameter("property", "the property or field (a comma list for several)", role: .field)],
        input: .values, output: .values,
        examples: [Example("search deals where dealstage = closedwon | sum amount", "the total amount won", .lines("26451900")),
                   Example("open orders.csv | sum total", "over a file's column", .lines("45"))])

    let measure: SingleMeasure

    init(_ bound: BoundCommand) throws(Diagnostic) { measure = try SingleMeasure(.sum, bound) }

    var readsProperties: [String]? { Aggregation.names(key: nil, measuresAsked) }
    var measuresAsked: [(Aggregator.Function, Value)] { [(measure.function, measure.property)] }
    var keyAsked: (String, SourceRange)? { nil }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        try await measure.run(input, in: context)
    }
}
