/// A test of the record at one position of the `SearchTable`, compiled once per search request.
typealias RecordTest = (Int) -> Bool

/// Turns the filters of a search request into record tests, checking and preparing every operand once
/// (hubspot-api.md §2.6 for the semantics).
///
/// Choices where the reference is silent:
/// - A record without the property matches no operator except `NOT_HAS_PROPERTY` and the negations
///   `NEQ`, `NOT_IN`, `NOT_CONTAINS_TOKEN`, which it does match (HubSpot's search index treats a
///   negation as "not this value", which an empty property satisfies; UNCONFIRMED).
/// - A property that does not exist is not an error: no record has a value for it, as list and read
///   ignore unknown property names (§2.1); whether HubSpot answers 400 instead is UNCONFIRMED.
/// - An operand that is not a number (number property) or not a date (date property) is a 400.
struct SearchFilterCompiler {
    let type: ObjectType
    let catalog: PropertyCatalog
    let table: SearchTable
    /// Ids of `type` records associated with record `id` of the type named by the reference; `nil`
    /// when no such type exists.
    let associatedIds: (_ typeReference: String, _ id: Int) -> Set<Int>?

    /// The test of a whole request's filter groups; `nil` when there are none (every record matches).
    func compile(_ groups: [[SearchFilter]]) throws(HubSpotError) -> RecordTest? {
        guard !groups.isEmpty else { return nil }
        var compiled: [[RecordTest]] = []
        for group in groups {
            var tests: [RecordTest] = []
            for filter in group { tests.append(try compile(filter)) }
            compiled.append(tests)
        }
        if compiled.count == 1, compiled[0].count == 1 { return compiled[0][0] }
        return { position in compiled.contains { group in group.allSatisfy { $0(position) } } }
    }

    /// The test of one filter.
    func compile(_ filter: SearchFilter) throws(HubSpotError) -> RecordTest {
        let associationPrefix = "associations."
        if filter.propertyName.hasPrefix(associationPrefix) {
            return try association(filter, String(filter.propertyName.dropFirst(associationPrefix.count)))
        }
        let source = FieldSource(filter.propertyName, type)
        let field = FieldReader(source, in: table)
        switch filter.op {
        case .hasProperty: return field.has
        case .notHasProperty:
            let has = field.has
            return { !has($0) }
        case .containsToken:
            let (text, pattern) = (field.text, TokenPattern(filter.value))
            return { position in text(position).map(pattern.matches) ?? false }
        case .notContainsToken:
            let (text, pattern) = (field.text, TokenPattern(filter.value))
            return { position in text(position).map { !pattern.matches($0) } ?? true }
        default: break
        }
        switch FieldKind(source, catalog[filter.propertyName]) {
        case .number:
            let operands = try operands(filter) { text throws(HubSpotError) in
                guard let number = Double(text.trimmingSpaces) else {
                    throw HubSpotError.validation("\"\(text)\" is not a number, and \(filter.propertyName) is a number property.")
                }
                return number
            }
            return Self.test(filter.op, operands, read: field.number, equal: ==, order: Self.order)
        case .time:
            let operands = try operands(filter) { text throws(HubSpotError) in
                guard let time = Timestamp(parsing: text) else {
                    throw HubSpotError.validation(
                        "\"\(text)\" is not a date; \(filter.propertyName) takes epoch milliseconds or an ISO-8601 date.")
                }
                return time.milliseconds
            }
            return Self.test(filter.op, operands, read: field.time, equal: ==, order: Self.order)
        case .text:
            // IN / NOT_IN values on string properties must be lowercase (hubspot-api.md §2.6): they are
            // compared as given with the lower-cased value, so "Ann" never matches. Other operands ignore case.
            let membership = filter.op == .isIn || filter.op == .notIn
            let operands = try operands(filter) { text in membership ? Array(text.utf8) : SearchText.lowered(text) }
            return Self.test(filter.op, operands, read: field.text,
                             equal: { SearchText.compare(folding: $0, to: $1) == 0 },
                             order: { SearchText.compare(folding: $0, to: $1) })
        case .enumeration(let multiple):
            // Enumeration values are case-sensitive (§2.6); a multi-select value holds options joined by ";".
            let operands = try operands(filter) { text in Array(text.utf8) }
            let equal: (String, [UInt8]) -> Bool = multiple
                ? { value, operand in value.split(separator: ";").contains { $0.utf8.elementsEqual(operand) } }
                : { value, operand in value.utf8.elementsEqual(operand) }
            return Self.test(filter.op, operands, read: field.text, equal: equal, order: { SearchText.compareExact($0, to: $1) })
        }
    }

    /// The operands of a comparison filter, converted: `[value]`, `[value, highValue]` for `BETWEEN`,
    /// or `values` for `IN` / `NOT_IN`.
    private func operands<O>(_ filter: SearchFilter, _ convert: (String) throws(HubSpotError) -> O) throws(HubSpotError) -> [O] {
        let texts: [String] = switch filter.op {
        case .between: [filter.value, filter.highValue]
        case .isIn, .notIn: filter.values
        default: [filter.value]
        }
        var operands: [O] = []
        operands.reserveCapacity(texts.count)
        for text in texts { operands.append(try convert(text)) }
        return operands
    }

    /// -1, 0 or 1 for two comparable values.
    private static func order<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a == b ? 0 : 1) }

    /// The test of a comparison operator over values read by `read` (`nil` when missing) against
    /// prepared operands.
    private static func test<V, O>(
        _ op: SearchOperator, _ operands: [O], read: @escaping (Int) -> V?,
        equal: @escaping (V, O) -> Bool, order: @escaping (V, O) -> Int
    ) -> RecordTest {
        let first = operands[0]
        switch op {
        case .eq: return { position in read(position).map { equal($0, first) } ?? false }
        case .neq: return { position in read(position).map { !equal($0, first) } ?? true }
        case .lt: return { position in read(position).map { order($0, first) < 0 } ?? false }
        case .lte: return { position in read(position).map { order($0, first) <= 0 } ?? false }
        case .gt: return { position in read(position).map { order($0, first) > 0 } ?? false }
        case .gte: return { position in read(position).map { order($0, first) >= 0 } ?? false }
        case .between:
            let high = operands[1]
            return { position in read(position).map { order($0, first) >= 0 && order($0, high) <= 0 } ?? false }
        case .isIn: return { position in read(position).map { value in operands.contains { equal(value, $0) } } ?? false }
        case .notIn: return { position in read(position).map { value in !operands.contains { equal(value, $0) } } ?? true }
        case .hasProperty, .notHasProperty, .containsToken, .notContainsToken:
            preconditionFailure("\(op.rawValue) is compiled without operands")
        }
    }

    /// A filter on the pseudo-property `associations.{type}` (e.g. `associations.contact`, value a
    /// record id): `EQ` / `IN` keep the records associated with one of the ids, `NEQ` / `NOT_IN` the
    /// others. Other operators are refused (the reference documents only `EQ`; HubSpot's answer to the
    /// rest is UNCONFIRMED). An unknown type, like an unknown property, matches nothing.
    private func association(_ filter: SearchFilter, _ target: String) throws(HubSpotError) -> RecordTest {
        let ids: [String]
        switch filter.op {
        case .eq, .neq: ids = [filter.value]
        case .isIn, .notIn: ids = filter.values
        default:
            throw HubSpotError.validation(
                "\(filter.propertyName) can be filtered with EQ, NEQ, IN or NOT_IN only, not \(filter.op.rawValue).")
        }
        var associated = Set<Int>()
        for id in ids {
            guard let number = Int(id.trimmingSpaces), let found = associatedIds(target, number) else { continue }
            associated.formUnion(found)
        }
        let records = table.records
        if filter.op == .eq || filter.op == .isIn { return { associated.contains(records[$0].id) } }
        return { !associated.contains(records[$0].id) }
    }
}
