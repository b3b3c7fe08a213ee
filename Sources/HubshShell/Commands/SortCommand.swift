import HubshLanguage
import JSONValue

/// `sort FIELD [asc|desc]`: orders the stream by a field. It must read the whole stream first.
/// Numbers order numerically and come before text, which orders ignoring case; values without the
/// field come last in either direction; equal values keep their order.
struct SortCommand: ShellCommand {
    static let signature = CommandSignature(
        ["sort"], family: .local, summary: "Order the values by a field (numbers numerically, missing values last).",
        positionals: [
            fieldParameter,
            directionParameter,
        ],
        input: .values, output: .values,
        examples: [
            Example("search deals | sort amount desc", "the largest deals first", .first(#""amount":"600000""#)),
            Example("open leads.csv | sort lastname", "leads by last name, A to Z", .lines(#"{"email":"ann@acme.com","firstname":"Ann","lastname":"Lee","country":"DE"}"#, #"{"email":"ann@acme.com","firstname":"Ann","lastname":"Lee","country":"DE"}"#, #"{"email":"bob@acme.com","firstname":"Bob","lastname":"Ray","country":"AT"}"#)),
        ])

    static let fieldParameter = Parameter("field", "the field or property to order by", role: .field)
    static let directionParameter = Parameter("direction", "asc (the default) or desc", required: false, role: .choice(["asc", "desc"]))

    let field: String
    let descending: Bool

    init(_ bound: BoundCommand) throws(Diagnostic) {
        guard let field = bound[Self.fieldParameter], let name = field.literalText else {
            throw Diagnostic("sort needs a field name: sort FIELD [asc|desc]", at: bound[Self.fieldParameter]?.range ?? bound.syntax.range)
        }
        self.field = name
        guard let direction = bound[Self.directionParameter] else { descending = false; return }
        switch direction.literalText?.lowercased() {
        case "asc", "ascending": descending = false
        case "desc", "descending": descending = true
        default:
            throw Diagnostic("sort direction is asc or desc, not \(direction)", at: direction.range,
                             suggestion: direction.literalText.flatMap { Suggest.didYouMean($0, in: ["desc", "asc"]) })
        }
    }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        var keyed: [(key: ComparableText?, value: JSONValue)] = []
        for try await value in input { keyed.append((RecordField.text(field, in: value).map(ComparableText.init), value)) }
        let descending = descending
        // Indices break ties, so equal keys keep their order whatever the sort algorithm.
        let order = keyed.indices.sorted { a, b in
            switch (keyed[a].key, keyed[b].key) {
            case (nil, nil): return a < b
            case (nil, _): return false
            case (_, nil): return true
            case (let x?, let y?):
                let comparison = Self.compare(x, y)
                if comparison == 0 { return a < b }
                return descending ? comparison > 0 : comparison < 0
            }
        }
        return ValueStream(order.map { keyed[$0].value })
    }

    /// A total order: numbers before text, numbers numerically, text ignoring case.
    static func compare(_ x: ComparableText, _ y: ComparableText) -> Int {
        switch (x.number, y.number) {
        case (_?, nil): return -1
        case (nil, _?): return 1
        default: return x.order(y)
        }
    }
}
