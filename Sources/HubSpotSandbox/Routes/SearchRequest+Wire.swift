import JSONValue

// The search API's request body (hubspot-api.md §2.6) decoded into a `SearchRequest`. Every limit is
// enforced here, before any record is looked at. HubSpot's wording of these 400 messages is not
// documented: ours say what was wrong.

extension SearchRequest {
    /// Parses `body` (whose size in bytes is `bodySize`) or throws the 400 HubSpot would answer.
    init(parsing body: JSONValue, bodySize: Int) throws(HubSpotError) {
        guard bodySize <= SearchLimits.maxBodyCharacters else {
            throw HubSpotError.validation(
                "The search request body has \(bodySize) characters; the maximum is \(SearchLimits.maxBodyCharacters).")
        }
        guard let object = body.objectValue else { throw HubSpotError.validation("The search request must be a JSON object.") }
        query = try SearchRequest.text(object["query"], "query")
        filterGroups = try SearchRequest.groups(object["filterGroups"])
        sort = try SearchRequest.sort(object["sorts"])
        properties = try SearchRequest.properties(object["properties"])
        limit = try SearchRequest.limit(object["limit"])
        after = try SearchRequest.after(object["after"])
        // HubSpot never serves results past the 10,000th and refuses to page there (hubspot-api.md §2.6).
        guard after + limit <= SearchLimits.resultWindow else {
            throw HubSpotError.validation(
                "A search can page through the first \(SearchLimits.resultWindow) results only: after (\(after)) plus limit (\(limit)) is \(after + limit).")
        }
    }

    /// A scalar member as text; `nil` when absent or null.
    private static func text(_ value: JSONValue?, _ name: String) throws(HubSpotError) -> String? {
        guard let value, !value.isNull else { return nil }
        guard let text = value.scalarText else { throw HubSpotError.validation("\(name) must be a string.") }
        return text
    }

    /// `filterGroups`, with the group and filter counts checked first.
    private static func groups(_ value: JSONValue?) throws(HubSpotError) -> [[SearchFilter]] {
        guard let value, !value.isNull else { return [] }
        guard let groups = value.arrayValue else { throw HubSpotError.validation("filterGroups must be an array of filter groups.") }
        guard groups.count <= SearchLimits.maxFilterGroups else {
            throw HubSpotError.validation(
                "A search can have at most \(SearchLimits.maxFilterGroups) filter groups; this one has \(groups.count).")
        }
        var rawGroups: [[JSONValue]] = []
        for (index, group) in groups.enumerated() {
            let member = group["filters"] ?? .null
            guard group.objectValue != nil, let filters = member.isNull ? [] : member.arrayValue else {
                throw HubSpotError.validation("filterGroups[\(index)] must be an object with a filters array.")
            }
            guard filters.count <= SearchLimits.maxFiltersPerGroup else {
                throw HubSpotError.validation(
                    "A filter group can have at most \(SearchLimits.maxFiltersPerGroup) filters; filterGroups[\(index)] has \(filters.count).")
            }
            rawGroups.append(filters)
        }
        let total = rawGroups.reduce(0) { $0 + $1.count }
        guard total <= SearchLimits.maxFilters else {
            throw HubSpotError.validation(
                "A search can have at most \(SearchLimits.maxFilters) filters in all its groups; this one has \(total).")
        }
        var parsed: [[SearchFilter]] = []
        for (g, filters) in rawGroups.enumerated() {
            var group: [SearchFilter] = []
            for (f, filter) in filters.enumerated() { group.append(try SearchRequest.filter(filter, at: "filterGroups[\(g)].filters[\(f)]")) }
            parsed.append(group)
        }
        return parsed
    }

    /// One filter; `place` names it in messages (`filterGroups[0].filters[1]`).
    private static func filter(_ value: JSONValue, at place: String) throws(HubSpotError) -> SearchFilter {
        guard let name = value["propertyName"]?.stringValue, !name.isEmpty else {
            throw HubSpotError.validation("\(place) needs a propertyName.")
        }
        guard let raw = value["operator"]?.stringValue else {
            throw HubSpotError.validation("\(place) (\(name)) needs an operator, one of: \(SearchOperator.list).")
        }
        guard let op = SearchOperator(rawValue: raw) else {
            throw HubSpotError.validation("\(place) (\(name)): \"\(raw)\" is not a search operator. Use one of: \(SearchOperator.list).")
        }
        var filter = SearchFilter(propertyName: name, op: op)
        let value1 = value["value"]?.scalarText
        switch op {
        case .hasProperty, .notHasProperty:
            break
        case .between:
            guard let low = value1, let high = value["highValue"]?.scalarText else {
                throw HubSpotError.validation("\(place) (\(name)): operator BETWEEN needs both a value and a highValue.")
            }
            filter.value = low
            filter.highValue = high
        case .isIn, .notIn:
            let values = (value["values"]?.arrayValue ?? []).compactMap(\.scalarText)
            guard !values.isEmpty else {
                throw HubSpotError.validation("\(place) (\(name)): operator \(raw) needs a non-empty values array.")
            }
            filter.values = values
        default:
            guard let operand = value1 else { throw HubSpotError.validation("\(place) (\(name)): operator \(raw) needs a value.") }
            filter.value = operand
        }
        return filter
    }

    /// The first rule of `sorts`, either `{propertyName, direction}` or a string `"name"` / `"-name"`
    /// (the spec types sorts as strings [S]; the docs send objects [D]; both are accepted). Every rule
    /// is checked, the first is used: HubSpot honours one.
    private static func sort(_ value: JSONValue?) throws(HubSpotError) -> SearchSort? {
        guard let value, !value.isNull else { return nil }
        guard let rules = value.arrayValue else { throw HubSpotError.validation("sorts must be an array.") }
        var sorts: [SearchSort] = []
        for (index, rule) in rules.enumerated() {
            if let text = rule.stringValue {
                let descending = text.hasPrefix("-")
                let name = descending ? String(text.dropFirst()) : text
                guard !name.isEmpty else { throw HubSpotError.validation("sorts[\(index)] names no property.") }
                sorts.append(SearchSort(propertyName: name, descending: descending))
                continue
            }
            guard let name = rule["propertyName"]?.stringValue, !name.isEmpty else {
                throw HubSpotError.validation("sorts[\(index)] needs a propertyName.")
            }
            let direction = rule["direction"]?.stringValue ?? "ASCENDING"
            guard direction == "ASCENDING" || direction == "DESCENDING" else {
                throw HubSpotError.validation("sorts[\(index)]: \"\(direction)\" is not a direction. Use ASCENDING or DESCENDING.")
            }
            sorts.append(SearchSort(propertyName: name, descending: direction == "DESCENDING"))
        }
        return sorts.first
    }

    /// `properties`: an array of names (a comma-separated string is accepted too).
    private static func properties(_ value: JSONValue?) throws(HubSpotError) -> [String]? {
        guard let value, !value.isNull else { return nil }
        if let text = value.stringValue { return text.split(separator: ",").map { $0.trimmingSpaces } }
        guard let names = value.arrayValue else { throw HubSpotError.validation("properties must be an array of property names.") }
        return names.compactMap(\.stringValue)
    }

    /// `limit`: 0…200, default 10. Above 200 we answer 400: the reference gives 200 as the maximum
    /// [S][D] without saying whether HubSpot refuses or caps, and refusing shows a client its mistake.
    private static func limit(_ value: JSONValue?) throws(HubSpotError) -> Int {
        guard let value, !value.isNull else { return SearchLimits.defaultPageSize }
        guard let limit = value.intValue ?? value.stringValue.flatMap({ Int($0.trimmingSpaces) }),
            (0...SearchLimits.maxPageSize).contains(limit)
        else {
            throw HubSpotError.validation(
                "limit must be a whole number from 0 to \(SearchLimits.maxPageSize); got \(value.scalarText ?? value.jsonString).")
        }
        return limit
    }

    /// `after`: the offset of the page, an integer sent as a string (a number is accepted too).
    private static func after(_ value: JSONValue?) throws(HubSpotError) -> Int {
        guard let value, !value.isNull, value != "" else { return 0 }
        guard let after = value.intValue ?? value.stringValue.flatMap({ Int($0.trimmingSpaces) }), after >= 0 else {
            throw HubSpotError.validation(
                "after must be the offset of the page as a whole number, such as \"20\"; got \(value.scalarText ?? value.jsonString).")
        }
        return after
    }
}
