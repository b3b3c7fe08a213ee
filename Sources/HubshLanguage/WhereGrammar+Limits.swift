/// Bounds on the OR of ANDs a `where` clause becomes: how many groups, how many conditions in one group,
/// how many conditions in all (HubSpot's search has such limits; the caller supplies the numbers).
public struct DisjunctiveLimits: Sendable, Hashable {
    /// The most groups (or-ed parts).
    public var groups: Int
    /// The most conditions in one group (and-ed conditions).
    public var conditionsPerGroup: Int
    /// The most conditions over all groups.
    public var conditions: Int

    /// Limits of `groups` groups, `conditionsPerGroup` per group and `conditions` in all.
    public init(groups: Int, conditionsPerGroup: Int, conditions: Int) {
        self.groups = groups
        self.conditionsPerGroup = conditionsPerGroup
        self.conditions = conditions
    }
}

/// Why an expression does not fit ``DisjunctiveLimits``, with the first condition past the limit (where
/// the message should point).
public enum DisjunctiveOverflow: Error, Sendable, Hashable {
    /// More groups than allowed; the condition is in the first group too many.
    case groups(at: Condition)
    /// A group with more conditions than allowed; the condition is the first one too many in it.
    case conditionsPerGroup(at: Condition)
    /// More conditions in all than allowed; the condition is the first one too many.
    case conditions(at: Condition)

    /// The condition the problem shows at.
    public var condition: Condition {
        switch self {
        case .groups(let condition), .conditionsPerGroup(let condition), .conditions(let condition): condition
        }
    }
}

/// How large the normal form of an expression is, computed without building it (each count saturates
/// at `Int.max`).
public struct DisjunctiveSize: Sendable, Hashable {
    /// The number of groups.
    public var groups: Int
    /// The number of conditions in the largest group.
    public var largestGroup: Int
    /// The number of conditions over all groups.
    public var conditions: Int
}

extension WhereExpression {
    /// The expression as an OR of ANDs within `limits`; it stops at the first group or condition past a
    /// limit, so the work stays proportional to the expression however many groups it would make.
    public func disjunctiveNormalForm(within limits: DisjunctiveLimits) throws(DisjunctiveOverflow) -> [[Condition]] {
        var steps = 0
        return try disjunctiveNormalForm(within: limits, steps: &steps)
    }

    /// ``disjunctiveNormalForm(within:)``, counting in `steps` each condition it places (tests bound the
    /// count by the expression's size).
    func disjunctiveNormalForm(within limits: DisjunctiveLimits, steps: inout Int) throws(DisjunctiveOverflow) -> [[Condition]] {
        let groups = try boundedGroups(limits, steps: &steps)
        var total = 0
        for group in groups {
            for condition in group {
                total += 1
                if total > limits.conditions { throw .conditions(at: condition) }
            }
        }
        return groups
    }

    /// The groups of this expression, each within the limits. Every group of a part of the expression
    /// ends up in (or inside) a group of the whole, so a part past a limit means the whole is too.
    private func boundedGroups(_ limits: DisjunctiveLimits, steps: inout Int) throws(DisjunctiveOverflow) -> [[Condition]] {
        switch self {
        case .condition(let condition):
            steps += 1
            if limits.conditionsPerGroup < 1 { throw .conditionsPerGroup(at: condition) }
            if limits.groups < 1 { throw .groups(at: condition) }
            return [[condition]]
        case .or(let terms):
            var groups: [[Condition]] = []
            for term in terms {
                for group in try term.boundedGroups(limits, steps: &steps) {
                    if groups.count == limits.groups, let first = group.first { throw .groups(at: first) }
                    groups.append(group)
                }
            }
            return groups
        case .and(let terms):
            var groups: [[Condition]] = [[]]
            for term in terms {
                let termGroups = try term.boundedGroups(limits, steps: &steps)
                if groups.count * termGroups.count > limits.groups, let first = termGroups.last?.first {
                    throw .groups(at: first)
                }
                var combined: [[Condition]] = []
                for group in groups {
                    for termGroup in termGroups {
                        if group.count + termGroup.count > limits.conditionsPerGroup {
                            throw .conditionsPerGroup(at: termGroup[limits.conditionsPerGroup - group.count])
                        }
                        steps += group.count + termGroup.count
                        combined.append(group + termGroup)
                    }
                }
                groups = combined
            }
            return groups
        }
    }

    /// The size of ``disjunctiveNormalForm()`` without building it, in one pass over the expression.
    public var disjunctiveSize: DisjunctiveSize {
        switch self {
        case .condition:
            return DisjunctiveSize(groups: 1, largestGroup: 1, conditions: 1)
        case .or(let terms):
            var size = DisjunctiveSize(groups: 0, largestGroup: 0, conditions: 0)
            for term in terms.map(\.disjunctiveSize) {
                size.groups = Self.add(size.groups, term.groups)
                size.largestGroup = max(size.largestGroup, term.largestGroup)
                size.conditions = Self.add(size.conditions, term.conditions)
            }
            return size
        case .and(let terms):
            // Each group takes one group of every term: the product of the counts; a condition of a term's
            // group appears once for every choice among the other terms.
            var size = DisjunctiveSize(groups: 1, largestGroup: 0, conditions: 0)
            for term in terms.map(\.disjunctiveSize) {
                size.conditions = Self.add(Self.multiply(size.conditions, term.groups), Self.multiply(term.conditions, size.groups))
                size.groups = Self.multiply(size.groups, term.groups)
                size.largestGroup = Self.add(size.largestGroup, term.largestGroup)
            }
            return size
        }
    }

    private static func add(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }

    private static func multiply(_ a: Int, _ b: Int) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? Int.max : product
    }
}
