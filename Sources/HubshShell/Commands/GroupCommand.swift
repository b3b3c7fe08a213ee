import HubshLanguage
import JSONValue

/// `group PROP [--count] [--sum P] [--avg P] [--min P] [--max P]`: one row per value of PROP with the
/// group's count and measures, worked out locally as the stream goes by (memory for the groups only).
/// Numbers add by the property's type, and an enumeration's values come with their labels.
struct GroupCommand: AggregatingCommand {
    static let signature = CommandSignature(
        ["group"], family: .local, summary: "Count, sum, average, min and max per value of a property (streamed; labels for options).",
        positionals: [property], options: [count] + measures.map(\.option),
        input: .values, output: .values,
        examples: [
            Example("search deals | group dealstage --sum amount", "how many deals per stage, and their total amount",
                    .first(#"{"dealstage":"closedwon","label":"Closed won","sum_amount":26451900"#)),
            Example("search contacts | group lifecyclestage", "contacts per lifecycle stage, with each stage's label",
                    .first(#"{"lifecyclestage":"lead","label":"Lead","count":579}"#)),
            Example("open orders.csv | group country --avg total --max total", "the average and largest order per country",
                    .lines(#"{"country":"DE","avg_total":20,"max_total":30}"#, #"{"country":"AT","avg_total":5,"max_total":5}"#)),
        ])

    static let property = Parameter("property", "the property or field whose values make the groups", role: .field)
    static let count = Option("count", "count each group's values (shown when no other measure is asked)")
    /// `--sum P`, `--avg P`, `--min P`, `--max P`: the option that asks for each measure.
    static let measures: [(function: Aggregator.Function, option: Option)] = [
        (.sum, Option("sum", "add up a number property per group (a comma list for several)", value: "PROP", role: .field)),
        (.avg, Option("avg", "average a number property per group (values without it are left out)", value: "PROP", role: .field)),
        (.min, Option("min", "the smallest value per group (numbers, dates, else text)", value: "PROP", role: .field)),
        (.max, Option("max", "the largest value per group", value: "PROP", role: .field)),
    ]

    let key: String
    let keyRange: SourceRange
    let asked: [(Aggregator.Function, Value)]
    let counts: Bool
    let objectType: String?

    init(_ bound: BoundCommand) throws(Diagnostic) {
        guard let value = bound[Self.property], let name = value.literalText else {
            throw Diagnostic("group needs a property name: \(Self.signature.usage)", at: bound[Self.property]?.range ?? bound.syntax.range)
        }
        key = name
        keyRange = value.range
        asked = Self.measures.compactMap { function, option in bound[option].map { (function, $0) } }
        counts = bound.has(Self.count) || asked.isEmpty
        objectType = bound.objectType
    }

    var readsProperties: [String]? { Aggregation.names(key: key, asked) }
    var measuresAsked: [(Aggregator.Function, Value)] { asked }
    var keyAsked: (String, SourceRange)? { (key, keyRange) }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        ValueStream(try await Aggregation.run(key: key, asked: asked, counts: counts, objectType: objectType, input: input, context: context))
    }
}
