import HubSpotAPI
import HubshLanguage

extension WhereExpression {
    /// HubSpot's search limits on filters (hubspot-api.md §2.6), as bounds on the normal form.
    static let searchLimits = DisjunctiveLimits(groups: SearchQuery.maxGroups, conditionsPerGroup: SearchQuery.maxFiltersPerGroup,
                                                conditions: SearchQuery.maxFilters)

    /// The expression as HubSpot's filter groups (an OR of ANDs) of conditions, refused when it passes
    /// HubSpot's filter limits. Called when the statement is planned, so a too-wide `where` stops the
    /// script before anything runs; the work stops at the first condition past a limit.
    func searchFilterGroups() throws(Diagnostic) -> [[Condition]] {
        do {
            return try disjunctiveNormalForm(within: Self.searchLimits)
        } catch {
            let size = disjunctiveSize
            let message = switch error {
            case .groups:
                "this where clause makes \(Self.count(size.groups)) or-ed groups; HubSpot's search allows at most \(SearchQuery.maxGroups) filter groups"
            case .conditionsPerGroup:
                "\(Self.count(size.largestGroup)) and-ed conditions in one group; HubSpot's search allows at most \(SearchQuery.maxFiltersPerGroup) filters per group"
            case .conditions:
                "this where clause makes \(Self.count(size.conditions)) filters in all; HubSpot's search allows at most \(SearchQuery.maxFilters)"
            }
            throw Diagnostic(message, at: error.condition.range)
        }
    }

    /// A count for a message; a count too large to hold (nested groups multiply) is "too many".
    private static func count(_ value: Int) -> String {
        value == Int.max ? "too many" : String(value)
    }
}

extension [[Condition]] {
    /// HubSpot's filter groups for these groups of conditions, values resolved.
    func searchFilters(_ context: ShellContext) async throws -> [[SearchFilter]] {
        var groups: [[SearchFilter]] = []
        for group in self {
            var filters: [SearchFilter] = []
            for condition in group { filters.append(try await condition.filter(context)) }
            groups.append(filters)
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
