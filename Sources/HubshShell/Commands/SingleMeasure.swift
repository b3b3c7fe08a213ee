import HubshLanguage
import JSONValue

/// What `sum`, `avg`, `min` and `max` share: one measure (or one per property of a comma list) over
/// the whole stream. One property yields the bare value (`search deals | sum amount` → `41250`), several
/// an object of them (`{"sum_amount": …, "sum_hs_arr": …}`).
struct SingleMeasure: Sendable {
    /// The PROP of `sum`, `avg`, `min` and `max`.
    static let property = Parameter("property", "the property or field (a comma list for several)", role: .field)

    /// The signature of `sum`, `avg`, `min` or `max`: PROP over the values piped in.
    static func signature(_ function: Aggregator.Function, summary: String, examples: [Example]) -> CommandSignature {
        CommandSignature([function.rawValue], family: .local, summary: summary, positionals: [property],
                         input: .values, output: .values, examples: examples)
    }

    let function: Aggregator.Function
    let property: Value
    let objectType: String?

    init(_ function: Aggregator.Function, _ bound: BoundCommand) throws(Diagnostic) {
        guard let property = bound[Self.property], property.literalText != nil || { if case .variable = property.kind { true } else { false } }() else {
            throw Diagnostic("\(function.rawValue) needs a property name: \(function.rawValue) PROP", at: bound.syntax.range)
        }
        self.function = function
        self.property = property
        objectType = bound.objectType
    }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        let rows = try await Aggregation.run(key: nil, asked: [(function, property)], counts: false, objectType: objectType,
                                             input: input, context: context)
        guard let row = rows.first?.objectValue else { return .empty }
        if row.count == 1, let only = row.values.first {
            let decimals = function == .avg ? ["value": 2] : [:]
            context.resultHint.update { shape in
                shape.columns = nil
                shape.decimals = decimals
            }
            return ValueStream([only])
        }
        return ValueStream([.object(row)])
    }
}

/// `sum`, `avg`, `min` and `max`: one measure over the whole stream; each declares its signature and
/// its function, and shares the rest.
protocol SingleMeasureCommand: AggregatingCommand {
    static var function: Aggregator.Function { get }
    var measure: SingleMeasure { get }
    init(measure: SingleMeasure)
}

extension SingleMeasureCommand {
    init(_ bound: BoundCommand) throws(Diagnostic) { self.init(measure: try SingleMeasure(Self.function, bound)) }

    var readsProperties: [String]? { Aggregation.names(key: nil, measuresAsked) }
    var measuresAsked: [(Aggregator.Function, Value)] { [(measure.function, measure.property)] }
    var keyAsked: (String, SourceRange)? { nil }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        try await measure.run(input, in: context)
    }
}
