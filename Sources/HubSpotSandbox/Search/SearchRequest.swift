/// The limits HubSpot puts on one search request (hubspot-api.md §2.6).
enum SearchLimits {
    /// Longest request body, in characters (we count bytes, which equals characters for ASCII bodies).
    static let maxBodyCharacters = 3_000
    /// Filter groups per request (the documented 5; the 2024 changelog's 5/10/25 and the spec's 6 differ).
    static let maxFilterGroups = 5
    /// Filters in one group.
    static let maxFiltersPerGroup = 6
    /// Filters across all groups.
    static let maxFilters = 18
    /// Page size when `limit` is not given.
    static let defaultPageSize = 10
    /// Largest page size.
    static let maxPageSize = 200
    /// No search pages past this many results.
    static let resultWindow = 10_000
}

/// A filter operator of the search API (hubspot-api.md §2.6).
enum SearchOperator: String, CaseIterable, Sendable {
    case eq = "EQ", neq = "NEQ", lt = "LT", lte = "LTE", gt = "GT", gte = "GTE", between = "BETWEEN"
    case isIn = "IN", notIn = "NOT_IN", hasProperty = "HAS_PROPERTY", notHasProperty = "NOT_HAS_PROPERTY"
    case containsToken = "CONTAINS_TOKEN", notContainsToken = "NOT_CONTAINS_TOKEN"

    /// The operators as a person reads them in an error message.
    static var list: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// One filter of a filter group, checked: the operands its operator needs are present.
struct SearchFilter: Sendable {
    var propertyName: String
    var op: SearchOperator
    /// The operand of the comparison operators, the low end of `BETWEEN`, the token of `CONTAINS_TOKEN`.
    var value: String = ""
    /// The high end of `BETWEEN`.
    var highValue: String = ""
    /// The operands of `IN` and `NOT_IN`.
    var values: [String] = []
}

/// The one sort rule HubSpot honours.
struct SearchSort: Sendable {
    var propertyName: String
    var descending: Bool
}

/// A parsed and checked `PublicObjectSearchRequest` (decoded from JSON in `SearchRequest+Wire.swift`, where
/// every limit is enforced before any record is looked at).
struct SearchRequest: Sendable {
    /// Free text, or `nil`.
    var query: String?
    /// Groups of filters: filters ANDed within a group, groups ORed; empty means every record.
    var filterGroups: [[SearchFilter]] = []
    /// The sort rule, or `nil` for creation order.
    var sort: SearchSort?
    /// Properties asked for, or `nil` for the type's search defaults.
    var properties: [String]?
    var limit = SearchLimits.defaultPageSize
    /// Offset of the first result of the page.
    var after = 0
}
