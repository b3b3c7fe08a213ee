import JSONValue

/// One search filter (hubspot-api.md §2.6).
public struct SearchFilter: Sendable, Hashable {
    /// HubSpot's filter operators.
    public enum Operator: String, Sendable, Hashable, CaseIterable {
        case EQ, NEQ, LT, LTE, GT, GTE, BETWEEN, IN, NOT_IN, HAS_PROPERTY, NOT_HAS_PROPERTY, CONTAINS_TOKEN, NOT_CONTAINS_TOKEN
    }

    public var propertyName: String
    public var `operator`: Operator
    /// `value` for comparisons (the low end of `BETWEEN`).
    public var value: String?
    /// The high end of `BETWEEN`.
    public var highValue: String?
    /// The list of `IN` and `NOT_IN`.
    public var values: [String]

    public init(_ propertyName: String, _ op: Operator, _ value: String? = nil, highValue: String? = nil, values: [String] = []) {
        self.propertyName = propertyName
        self.operator = op
        self.value = value
        self.highValue = highValue
        self.values = values
    }

    var json: JSONValue {
        var object: JSONObject = ["propertyName": .string(propertyName), "operator": .string(`operator`.rawValue)]
        if let value { object["value"] = .string(value) }
        if let highValue { object["highValue"] = .string(highValue) }
        if `operator` == .IN || `operator` == .NOT_IN { object["values"] = .array(values.map(JSONValue.string)) }
        return .object(object)
    }
}

/// A search: free text, filter groups (filters inside a group are ANDed, groups ORed), one sort,
/// and the properties to return.
public struct SearchQuery: Sendable, Hashable {
    /// HubSpot's limits (hubspot-api.md §2.6): checked before any request.
    public static let maxGroups = 5
    public static let maxFiltersPerGroup = 6
    public static let maxFilters = 18
    public static let maxPageSize = 200
    /// No single query yields more than this many results.
    public static let resultWindow = 10_000
    /// A request body over this many characters is refused by HubSpot.
    public static let maxBodyCharacters = 3_000

    public enum Direction: String, Sendable, Hashable { case ASCENDING, DESCENDING }

    public var text: String?
    public var filterGroups: [[SearchFilter]]
    /// Only one sort is honoured by HubSpot.
    public var sort: (property: String, direction: Direction)?
    public var properties: [String]

    public init(text: String? = nil, filterGroups: [[SearchFilter]] = [], sort: (property: String, direction: Direction)? = nil,
                properties: [String] = []) {
        self.text = text
        self.filterGroups = filterGroups
        self.sort = sort
        self.properties = properties
    }

    public static func == (a: SearchQuery, b: SearchQuery) -> Bool {
        a.text == b.text && a.filterGroups == b.filterGroups && a.sort?.property == b.sort?.property
            && a.sort?.direction == b.sort?.direction && a.properties == b.properties
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(filterGroups)
        hasher.combine(sort?.property)
        hasher.combine(properties)
    }

    /// Refuses a query HubSpot would refuse, with a message that says which limit and by how much.
    public func validate() throws(HubSpotAPIError) {
        if filterGroups.count > SearchQuery.maxGroups {
            throw HubSpotAPIError(.invalidRequest, "\(filterGroups.count) filter groups (or-ed parts); HubSpot allows at most \(SearchQuery.maxGroups)")
        }
        for (index, group) in filterGroups.enumerated() where group.count > SearchQuery.maxFiltersPerGroup {
            throw HubSpotAPIError(.invalidRequest, "filter group \(index + 1) has \(group.count) filters (and-ed conditions); HubSpot allows at most \(SearchQuery.maxFiltersPerGroup) per group")
        }
        let total = filterGroups.reduce(0) { $0 + $1.count }
        if total > SearchQuery.maxFilters {
            throw HubSpotAPIError(.invalidRequest, "\(total) filters in all; HubSpot allows at most \(SearchQuery.maxFilters)")
        }
    }

    /// The request body for one page.
    func body(limit: Int, after: String?) -> JSONValue {
        var body: JSONObject = [:]
        if let text, !text.isEmpty { body["query"] = .string(text) }
        if !filterGroups.isEmpty {
            body["filterGroups"] = .array(filterGroups.map { ["filters": .array($0.map(\.json))] })
        }
        if let sort { body["sorts"] = [["propertyName": .string(sort.property), "direction": .string(sort.direction.rawValue)]] }
        if !properties.isEmpty { body["properties"] = .array(properties.map(JSONValue.string)) }
        body["limit"] = .int(limit)
        if let after { body["after"] = .string(after) }
        return .object(body)
    }
}
