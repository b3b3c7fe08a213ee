/// A `where` clause: conditions joined by `and` and `or`, possibly grouped with parentheses.
public indirect enum WhereExpression: Sendable, Hashable {
    /// One condition, e.g. `email contains acme.com`.
    case condition(Condition)
    /// All of these must hold (`and`); at least two, none of them itself an `and`.
    case and([WhereExpression])
    /// At least one of these must hold (`or`); at least two, none of them itself an `or`.
    case or([WhereExpression])

    /// From the first condition to the last (parentheses around the whole are not included).
    public var range: SourceRange {
        switch self {
        case .condition(let condition):
            return condition.range
        case .and(let terms), .or(let terms):
            guard let first = terms.first, let last = terms.last else { return .at(0) }
            return first.range.union(last.range)
        }
    }

    /// Every condition, left to right.
    public var conditions: [Condition] {
        switch self {
        case .condition(let condition): [condition]
        case .and(let terms), .or(let terms): terms.flatMap(\.conditions)
        }
    }

    /// The expression as an OR of ANDs, HubSpot's filter model: each inner array is one filter group.
    ///
    /// Grouping is distributed, so `(a or b) and c` becomes `[[a, c], [b, c]]`. The size can grow
    /// exponentially with nested groups; ``disjunctiveNormalForm(within:)`` stops at given limits.
    public func disjunctiveNormalForm() -> [[Condition]] {
        switch self {
        case .condition(let condition):
            return [[condition]]
        case .or(let terms):
            return terms.flatMap { $0.disjunctiveNormalForm() }
        case .and(let terms):
            var groups: [[Condition]] = [[]]
            for term in terms {
                let termGroups = term.disjunctiveNormalForm()
                if termGroups.count == 1 {
                    // Extend in place: copying each group per term would make a long `and` quadratic.
                    for index in groups.indices { groups[index].append(contentsOf: termGroups[0]) }
                } else {
                    groups = groups.flatMap { group in termGroups.map { group + $0 } }
                }
            }
            return groups
        }
    }

    /// How many groups ``disjunctiveNormalForm()`` would produce, computed without producing them
    /// (saturating at `Int.max`).
    public var disjunctiveGroupCount: Int {
        switch self {
        case .condition:
            return 1
        case .or(let terms):
            return terms.reduce(0) { total, term in
                let (sum, overflow) = total.addingReportingOverflow(term.disjunctiveGroupCount)
                return overflow ? Int.max : sum
            }
        case .and(let terms):
            return terms.reduce(1) { total, term in
                let (product, overflow) = total.multipliedReportingOverflow(by: term.disjunctiveGroupCount)
                return overflow ? Int.max : product
            }
        }
    }
}

/// One test of one property: `PROPERTY OPERATOR VALUE…`.
public struct Condition: Sendable, Hashable {
    /// The property's name as written.
    public var property: String
    /// Where the property's name was written.
    public var propertyRange: SourceRange
    /// What is tested.
    public var test: Test
    /// From the property to the last value.
    public var range: SourceRange

    /// A condition testing `property` with `test`.
    public init(property: String, propertyRange: SourceRange, test: Test, range: SourceRange) {
        self.property = property
        self.propertyRange = propertyRange
        self.test = test
        self.range = range
    }

    /// The test a condition applies to its property.
    public enum Test: Sendable, Hashable {
        /// `= != < <= > >=` and a value.
        case compare(ComparisonOperator, Value)
        /// `in (a, b, …)`: equal to one of the values.
        case oneOf([Value])
        /// `not in (a, b, …)`: equal to none of the values.
        case noneOf([Value])
        /// `between low and high` (inclusive).
        case between(Value, Value)
        /// `contains value`: HubSpot's token match (`*` is a wildcard there).
        case contains(Value)
        /// `not contains value`.
        case notContains(Value)
        /// `exists`: the property has a value.
        case exists
        /// `not exists`: the property has no value.
        case notExists
    }
}

/// A binary comparison in a `where` condition.
public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
    /// `=`.
    case equal = "="
    /// `!=`.
    case notEqual = "!="
    /// `<`.
    case less = "<"
    /// `<=`.
    case lessOrEqual = "<="
    /// `>`.
    case greater = ">"
    /// `>=`.
    case greaterOrEqual = ">="

    /// The comparison a symbol stands for, if it is one.
    public init?(_ symbol: Symbol) {
        self.init(rawValue: symbol.rawValue)
    }
}

extension Condition: CustomStringConvertible {
    /// The condition in canonical form, e.g. `amount between 1 and 5`.
    public var description: String {
        func list(_ values: [Value]) -> String { "(" + values.map(\.description).joined(separator: ", ") + ")" }
        let test: String = switch self.test {
        case .compare(let comparison, let value): "\(comparison.rawValue) \(value)"
        case .oneOf(let values): "in " + list(values)
        case .noneOf(let values): "not in " + list(values)
        case .between(let low, let high): "between \(low) and \(high)"
        case .contains(let value): "contains \(value)"
        case .notContains(let value): "not contains \(value)"
        case .exists: "exists"
        case .notExists: "not exists"
        }
        return property + " " + test
    }
}

extension WhereExpression: CustomStringConvertible {
    /// The expression in canonical form, with parentheses only where `or` sits inside `and`.
    public var description: String {
        switch self {
        case .condition(let condition):
            condition.description
        case .or(let terms):
            terms.map(\.description).joined(separator: " or ")
        case .and(let terms):
            terms.map { term in
                if case .or = term { return "(" + term.description + ")" }
                return term.description
            }.joined(separator: " and ")
        }
    }
}
