/// What a `where` clause expects next, after the arguments written so far (``WhereParser/expectation(after:)``):
/// what completion offers at the cursor, in the parser's own vocabulary.
public enum WhereExpectation: Sendable, Hashable {
    /// A condition: a property name (or `(`).
    case property
    /// An operator after `property`.
    case `operator`(property: String)
    /// After `property not`: `in`, `contains` or `exists`.
    case negatedOperator(property: String)
    /// A value for `property`.
    case value(property: String)
    /// The `and` between the two values of `between`.
    case betweenAnd(property: String)
    /// The `(` that opens an `in` list.
    case list(property: String)
    /// `,` or `)` after a value of an `in` list.
    case listSeparator(property: String)
    /// A complete clause so far: `and`, `or` (`)` inside a group), or whatever follows the clause.
    case connective(insideGroup: Bool)
    /// The clause ended before the end of the arguments, at this index: the command's other arguments follow.
    case ended(at: Int)

    /// The operator words of the grammar (after a property).
    public static let operatorWords = ["in", "not", "between", "contains", "exists"]

    /// The words of the grammar that fit here (property names and values are the caller's to add).
    public var words: [String] {
        switch self {
        case .property, .value, .ended: []
        case .operator: ComparisonOperator.allCases.map(\.rawValue) + Self.operatorWords
        case .negatedOperator: ["in", "contains", "exists"]
        case .betweenAnd: ["and"]
        case .list: ["("]
        case .listSeparator: [",", ")"]
        case .connective(let insideGroup): ["and", "or"] + (insideGroup ? [")"] : [])
        }
    }
}
