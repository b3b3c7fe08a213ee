import HubshLanguage
import JSONValue

/// `count [by PROP]`: how many values the stream holds (one number), or how many per value of PROP
/// (as `group PROP`). Right after a search (`search … | count`) HubSpot's own count of the matches
/// answers, from one call, instead of reading every page.
struct CountCommand: AggregatingCommand {
    static let signature = CommandSignature(
        ["count"], family: .local, summary: "Count the values of the stream, or the values per value of a property.",
        clauses: [byClause],
        input: .values, output: .values,
        examples: [Example("search contacts where lifecyclestage = lead | count", "how many leads there are (one call to HubSpot)", .lines("579")),
                   Example("search deals | count by dealstage", "deals per stage, the largest first", .atLeast(2, each: #""count":"#))])

    static let byClause = Clause("by", "count per value of this property, with labels for options (as group PROP)", .propertyList)

    /// The property to count by; nil counts the whole stream.
    let by: String?
    let byRange: SourceRange?
    let objectType: String?
    /// The search straight before it, when nothing else is between them: its total is the count.
    var searchTotal: SearchCommand?

    init(_ bound: BoundCommand) throws(Diagnostic) {
        if let (names, range) = bound.names(Self.byClause) {
            guard names.count == 1 else { throw Diagnostic("count by takes one property (group PROP for more measures)", at: range) }
            by = names[0]
            byRange = range
        } else {
            by = nil
            byRange = nil
        }
        objectType = bound.objectType
    }

    var readsProperties: [String]? { by.map { [$0] } }
    var measuresAsked: [(Aggregator.Function, Value)] { [] }
    var keyAsked: (String, SourceRange)? { by.flatMap { name in byRange.map { (name, $0) } } }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        if let by {
            return ValueStream(try await Aggregation.run(key: by, asked: [], counts: true, objectType: objectType, input: input, context: context))
        }
        if let search = searchTotal, let total = try await search.total(in: context) {
            return ValueStream([.int(total)])
        }
        var count = 0
        for try await _ in input { count += 1 }
        return ValueStream([.int(count)])
    }
}
