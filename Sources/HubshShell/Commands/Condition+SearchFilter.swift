import HubSpotAPI
import HubshLanguage

extension WhereExpression {
    /// HubSpot's filter groups for this expression (an OR of ANDs), values resolved; HubSpot's limits
    /// are checked before the groups are built (their number can grow quickly).
    func filterGroups(_ context: ShellContext) async throws -> [[SearchFilter]] {
        let count = disjunctiveGroupCount
        if count > SearchQuery.maxGroups {
            throw Diagnostic("this condition makes \(count) or-ed groups; HubSpot allows at most \(SearchQuery.maxGroups)", at: range)
        }
        var groups: [[SearchFilter]] = []
        for group in disjunctiveNormalForm() {
            if group.count > SearchQuery.maxFiltersPerGroup, let last = group.last {
                throw Diagnostic("\(group.count) and-ed conditions in one group; HubSpot allows at most \(SearchQuery.maxFiltersPerGroup)", at: last.range)
            }
            var filters: [SearchFilter] = []
            for condition in group { filters.append(try await condition.filter(context)) }
            groups.append(filters)
        }
        let total = groups.reduce(0) { $0 + $1.count }
        if total > SearchQuery.maxFilters {
            throw Diagnostic("\(total) conditions in all; HubSpot allows at most \(SearchQuery.maxFilters)", at: range)
        }
        return groups
    }
}

extension Condition {
    /// The HubSpot filter this condition stands for.
    func filter(_ context: ShellContext) async throws -> SearchFilter {
        let name = property
        switch test {
        case .compare(let comparison, let value):
            let op: SearchFilter.Operator = switch comparison {
            case .equal: .EQ
            case .notEqual: .NEQ
            case .less: .LT
            case .lessOrEqual: .LTE
            case .greater: .GT
            case .greaterOrEqual: .GTE
            }
            return SearchFilter(name, op, try await context.text(value))
        case .oneOf(let values):
            return SearchFilter(name, .IN, values: try await texts(values, context))
        case .noneOf(let values):
            return SearchFilter(name, .NOT_IN, values: try await texts(values, context))
        case .between(let low, let high):
            return SearchFilter(name, .BETWEEN, try await context.text(low), highValue: try await context.text(high))
        case .contains(let value):
            return SearchFilter(name, .CONTAINS_TOKEN, try await context.text(value))
        case .notContains(let value):
            return SearchFilter(name, .NOT_CONTAINS_TOKEN, try await context.text(value))
        case .exists:
            return SearchFilter(name, .HAS_PROPERTY)
        case .notExists:
            return SearchFilter(name, .NOT_HAS_PROPERTY)
        }
    }

    private func texts(_ values: [Value], _ context: ShellContext) async throws -> [String] {
        var texts: [String] = []
        for value in values { texts.append(try await context.text(value)) }
        return texts
    }
}
