import JSONValue
import Testing

@testable import HubSpotSandbox

/// One search operator at a time, over a small table of contacts with custom typed properties.
struct SearchOperatorTests {
    /// Defines `score` (number), `tier` (enumeration), `flavors` (multi-select), `renewal` (date) and
    /// `seen` (datetime), then stores five contacts named by `firstname`.
    static func seed(_ sandbox: Sandbox) async throws {
        let store = sandbox.store
        await store.searchTestsDefine("score", .number)
        await store.searchTestsDefine("tier", .enumeration, options: ["Gold", "gold", "Silver"])
        await store.searchTestsDefine("flavors", .enumeration, options: ["chocolate", "strawberry", "vanilla"], multiple: true)
        await store.searchTestsDefine("renewal", .date)
        await store.searchTestsDefine("seen", .datetime)
        try await store.searchTestsInsert("0-1", [
            ["firstname": "Ann", "lastname": "Smith", "email": "ann@hubspot.com", "score": "9", "tier": "Gold",
             "flavors": "chocolate;strawberry", "renewal": "2024-01-17", "seen": "2024-01-17T19:55:04.281Z"],
            ["firstname": "Bob", "lastname": "smith", "email": "bob@example.com", "score": "10", "tier": "gold",
             "flavors": "vanilla", "renewal": "2024-02-01", "seen": "2024-03-01T00:00:00.000Z"],
            ["firstname": "Cy", "lastname": "Jones", "email": "cy@hubspot.community", "score": "100", "tier": "Silver"],
            ["firstname": "Dee", "lastname": "Jones-Smith", "score": "10.0", "renewal": "2023-12-31"],
            ["firstname": "Eve"],
        ])
    }

    /// Runs one filter over the seeded table and returns the first names found.
    static func run(_ filter: JSONValue) async throws -> [String] {
        try await withSandbox { client, sandbox in
            try await seed(sandbox)
            let reply = try await searchContacts(client, oneFilter(filter))
            #expect(reply.status == 200, "\(reply.text)")
            #expect(reply.json["total"] == .int(firstNames(reply).count))
            return firstNames(reply)
        }
    }

    static let equality: [(String, String, String, [String])] = [
        ("lastname", "EQ", "SMITH", ["Ann", "Bob"]),
        ("lastname", "NEQ", "smith", ["Cy", "Dee", "Eve"]),
        ("tier", "EQ", "Gold", ["Ann"]),
        ("tier", "EQ", "GOLD", []),
        ("tier", "NEQ", "Gold", ["Bob", "Cy", "Dee", "Eve"]),
        ("score", "EQ", "10", ["Bob", "Dee"]),
        ("flavors", "EQ", "strawberry", ["Ann"]),
        ("flavors", "NEQ", "chocolate", ["Bob", "Cy", "Dee", "Eve"]),
        ("hs_object_id", "EQ", "10000000003", ["Cy"]),
    ]

    @Test(arguments: equality)
    func eqAndNeq(_ property: String, _ op: String, _ value: String, _ expected: [String]) async throws {
        #expect(try await Self.run(["propertyName": .string(property), "operator": .string(op), "value": .string(value)]) == expected)
    }

    static let ranges: [(String, String, String, [String])] = [
        ("score", "LT", "10", ["Ann"]),
        ("score", "LTE", "10", ["Ann", "Bob", "Dee"]),
        ("score", "GT", "9", ["Bob", "Cy", "Dee"]),
        ("score", "GTE", "100", ["Cy"]),
        ("lastname", "LT", "k", ["Cy", "Dee"]),
        ("lastname", "GTE", "SMITH", ["Ann", "Bob"]),
        ("renewal", "LT", "2024-01-17", ["Dee"]),
        ("renewal", "LTE", "1705449600000", ["Ann", "Dee"]),
        ("seen", "GT", "2024-01-17T19:55:04.281Z", ["Bob"]),
        ("seen", "GTE", "1705521304281", ["Ann", "Bob"]),
        ("seen", "LT", "2024-01-17T20:55:05+01:00", ["Ann"]),
    ]

    @Test(arguments: ranges)
    func ltLteGtGte(_ property: String, _ op: String, _ value: String, _ expected: [String]) async throws {
        #expect(try await Self.run(["propertyName": .string(property), "operator": .string(op), "value": .string(value)]) == expected)
    }

    static let betweens: [(String, String, String, [String])] = [
        ("score", "9", "10", ["Ann", "Bob", "Dee"]),
        ("score", "10", "99", ["Bob", "Dee"]),
        ("renewal", "2024-01-17", "1706745600000", ["Ann", "Bob"]),
        ("seen", "2024-01-01", "2024-02-01", ["Ann"]),
        ("firstname", "b", "CZ", ["Bob", "Cy"]),
    ]

    @Test(arguments: betweens)
    func betweenIsInclusive(_ property: String, _ low: String, _ high: String, _ expected: [String]) async throws {
        #expect(try await Self.run(["propertyName": .string(property), "operator": "BETWEEN",
                                    "value": .string(low), "highValue": .string(high)]) == expected)
    }

    static let memberships: [(String, String, [String], [String])] = [
        ("lastname", "IN", ["smith", "jones"], ["Ann", "Bob", "Cy"]),
        ("lastname", "IN", ["Smith"], []),
        ("lastname", "NOT_IN", ["smith"], ["Cy", "Dee", "Eve"]),
        ("tier", "IN", ["Gold", "Silver"], ["Ann", "Cy"]),
        ("flavors", "IN", ["vanilla", "strawberry"], ["Ann", "Bob"]),
        ("flavors", "NOT_IN", ["vanilla", "strawberry"], ["Cy", "Dee", "Eve"]),
        ("score", "IN", ["10", "100"], ["Bob", "Cy", "Dee"]),
    ]

    @Test(arguments: memberships)
    func inAndNotIn(_ property: String, _ op: String, _ values: [String], _ expected: [String]) async throws {
        #expect(try await Self.run(["propertyName": .string(property), "operator": .string(op),
                                    "values": .array(values.map(JSONValue.string))]) == expected)
    }

    static let presence: [(String, String, [String])] = [
        ("score", "HAS_PROPERTY", ["Ann", "Bob", "Cy", "Dee"]),
        ("score", "NOT_HAS_PROPERTY", ["Eve"]),
        ("createdate", "HAS_PROPERTY", ["Ann", "Bob", "Cy", "Dee", "Eve"]),
        ("nosuchproperty", "HAS_PROPERTY", []),
        ("nosuchproperty", "NOT_HAS_PROPERTY", ["Ann", "Bob", "Cy", "Dee", "Eve"]),
    ]

    @Test(arguments: presence)
    func hasPropertyAndNotHasProperty(_ property: String, _ op: String, _ expected: [String]) async throws {
        #expect(try await Self.run(["propertyName": .string(property), "operator": .string(op)]) == expected)
    }

    static let tokens: [(String, String, String, [String])] = [
        ("email", "CONTAINS_TOKEN", "*@hubspot.com", ["Ann"]),
        ("email", "CONTAINS_TOKEN", "HubSpot", ["Ann", "Cy"]),
        ("email", "CONTAINS_TOKEN", "hubspot.com", ["Ann"]),
        ("email", "CONTAINS_TOKEN", "spot", []),
        ("email", "CONTAINS_TOKEN", "*spot*", ["Ann", "Cy"]),
        ("lastname", "CONTAINS_TOKEN", "smi*", ["Ann", "Bob", "Dee"]),
        ("lastname", "CONTAINS_TOKEN", "smith", ["Ann", "Bob", "Dee"]),
        ("email", "NOT_CONTAINS_TOKEN", "hubspot", ["Bob", "Dee", "Eve"]),
    ]

    @Test(arguments: tokens)
    func containsTokenAndNotContainsToken(_ property: String, _ op: String, _ value: String, _ expected: [String]) async throws {
        #expect(try await Self.run(["propertyName": .string(property), "operator": .string(op), "value": .string(value)]) == expected)
    }

    @Test func numbersCompareNumericallyNotAsText() async throws {
        try await withSandbox { client, sandbox in
            try await Self.seed(sandbox)
            let below = try await searchContacts(client, oneFilter(["propertyName": "score", "operator": "LT", "value": "10"]))
            #expect(firstNames(below) == ["Ann"])
            let sorted = try await searchContacts(client, ["sorts": ["score"], "properties": ["firstname"],
                                                           "filterGroups": [["filters": [["propertyName": "score", "operator": "HAS_PROPERTY"]]]]])
            #expect(firstNames(sorted) == ["Ann", "Bob", "Dee", "Cy"])
        }
    }

    @Test func createDateFiltersTakeEpochMillisecondsOrIso() async throws {
        try await withSandbox { client, sandbox in
            try await Self.seed(sandbox)
            // Records were created one second apart from 2023-11-14T22:13:20.000Z.
            let epoch = try await searchContacts(client, oneFilter(["propertyName": "createdate", "operator": "GTE", "value": "1700000003000"]))
            let iso = try await searchContacts(client, oneFilter(["propertyName": "createdate", "operator": "GTE", "value": "2023-11-14T22:13:23Z"]))
            #expect(firstNames(epoch) == ["Dee", "Eve"])
            #expect(firstNames(iso) == ["Dee", "Eve"])
            let modified = try await searchContacts(client, oneFilter(["propertyName": "lastmodifieddate", "operator": "LT", "value": "1700000001000"]))
            #expect(firstNames(modified) == ["Ann"])
        }
    }

    static let badOperands: [(JSONValue, String)] = [
        (["propertyName": "email", "operator": "LIKE", "value": "x"],
         "filterGroups[0].filters[0] (email): \"LIKE\" is not a search operator. Use one of: EQ, NEQ, LT, LTE, GT, GTE, BETWEEN, IN, NOT_IN, HAS_PROPERTY, NOT_HAS_PROPERTY, CONTAINS_TOKEN, NOT_CONTAINS_TOKEN."),
        (["propertyName": "email", "operator": "eq", "value": "x"],
         "filterGroups[0].filters[0] (email): \"eq\" is not a search operator. Use one of: EQ, NEQ, LT, LTE, GT, GTE, BETWEEN, IN, NOT_IN, HAS_PROPERTY, NOT_HAS_PROPERTY, CONTAINS_TOKEN, NOT_CONTAINS_TOKEN."),
        (["propertyName": "email", "value": "x"],
         "filterGroups[0].filters[0] (email) needs an operator, one of: EQ, NEQ, LT, LTE, GT, GTE, BETWEEN, IN, NOT_IN, HAS_PROPERTY, NOT_HAS_PROPERTY, CONTAINS_TOKEN, NOT_CONTAINS_TOKEN."),
        (["operator": "EQ", "value": "x"], "filterGroups[0].filters[0] needs a propertyName."),
        (["propertyName": "email", "operator": "EQ"], "filterGroups[0].filters[0] (email): operator EQ needs a value."),
        (["propertyName": "score", "operator": "BETWEEN", "value": "1"],
         "filterGroups[0].filters[0] (score): operator BETWEEN needs both a value and a highValue."),
        (["propertyName": "email", "operator": "IN", "values": []], "filterGroups[0].filters[0] (email): operator IN needs a non-empty values array."),
        (["propertyName": "score", "operator": "GT", "value": "ten"], "\"ten\" is not a number, and score is a number property."),
        (["propertyName": "renewal", "operator": "GT", "value": "yesterday"],
         "\"yesterday\" is not a date; renewal takes epoch milliseconds or an ISO-8601 date."),
        (["propertyName": "associations.contact", "operator": "HAS_PROPERTY"],
         "associations.contact can be filtered with EQ, NEQ, IN or NOT_IN only, not HAS_PROPERTY."),
    ]

    @Test(arguments: badOperands)
    func badFiltersAreRefusedWithAValidationError(_ filter: JSONValue, _ message: String) async throws {
        try await withSandbox { client, sandbox in
            try await Self.seed(sandbox)
            let reply = try await searchContacts(client, oneFilter(filter))
            #expect(reply.status == 400)
            #expect(reply.json["category"] == "VALIDATION_ERROR")
            #expect(reply.json["message"] == .string(message))
        }
    }

    @Test func unknownPropertyMatchesNothingRatherThanFailing() async throws {
        #expect(try await Self.run(["propertyName": "nosuchproperty", "operator": "EQ", "value": "x"]) == [])
        #expect(try await Self.run(["propertyName": "nosuchproperty", "operator": "NEQ", "value": "x"]) == ["Ann", "Bob", "Cy", "Dee", "Eve"])
    }
}
