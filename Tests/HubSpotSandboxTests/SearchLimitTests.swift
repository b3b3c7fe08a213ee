import JSONValue
import Testing

@testable import HubSpotSandbox

/// The request limits of the search API, each answered with 400 `VALIDATION_ERROR`.
struct SearchLimitTests {
    /// `count` filters on `firstname`, all `HAS_PROPERTY`.
    static func filters(_ count: Int) -> JSONValue {
        .array(Array(repeating: ["propertyName": "firstname", "operator": "HAS_PROPERTY"], count: count))
    }

    /// Filter groups holding the given numbers of filters.
    static func groups(_ sizes: [Int]) -> JSONValue {
        .array(sizes.map { ["filters": filters($0)] })
    }

    static let refused: [(JSONValue, String)] = [
        (["filterGroups": groups([1, 1, 1, 1, 1, 1])], "A search can have at most 5 filter groups; this one has 6."),
        (["filterGroups": groups([1, 7])], "A filter group can have at most 6 filters; filterGroups[1] has 7."),
        (["filterGroups": groups([6, 6, 6, 1])], "A search can have at most 18 filters in all its groups; this one has 19."),
        (["limit": 201], "limit must be a whole number from 0 to 200; got 201."),
        (["limit": -1], "limit must be a whole number from 0 to 200; got -1."),
        (["limit": "many"], "limit must be a whole number from 0 to 200; got many."),
        (["after": "x"], "after must be the offset of the page as a whole number, such as \"20\"; got x."),
        (["after": "-10"], "after must be the offset of the page as a whole number, such as \"20\"; got -10."),
        (["after": "9901", "limit": 100], "A search can page through the first 10000 results only: after (9901) plus limit (100) is 10001."),
        (["after": 10000], "A search can page through the first 10000 results only: after (10000) plus limit (10) is 10010."),
        (["sorts": [["propertyName": "createdate", "direction": "UP"]]],
         "sorts[0]: \"UP\" is not a direction. Use ASCENDING or DESCENDING."),
        (["sorts": [["direction": "ASCENDING"]]], "sorts[0] needs a propertyName."),
        (["filterGroups": [["filters": "x"]]], "filterGroups[0] must be an object with a filters array."),
        ([1, 2], "Invalid input JSON on line 1, column 1: the body must be an object, not an array"),
    ]

    @Test(arguments: refused)
    func limitsAndMalformedRequestsAreRefused(_ body: JSONValue, _ message: String) async throws {
        try await withSandbox { client, _ in
            let reply = try await searchContacts(client, body)
            #expect(reply.status == 400)
            #expect(reply.json["category"] == "VALIDATION_ERROR")
            #expect(reply.json["message"] == .string(message))
        }
    }

    static let accepted: [JSONValue] = [
        ["filterGroups": groups([1, 1, 1, 1, 1])],
        ["filterGroups": groups([6, 6, 6])],
        ["limit": 200, "after": "9800"],
        ["limit": 0],
        ["after": 20],
        [:],
    ]

    @Test(arguments: accepted)
    func requestsAtTheLimitsAreServed(_ body: JSONValue) async throws {
        try await withSandbox { client, _ in
            let reply = try await searchContacts(client, body)
            #expect(reply.status == 200)
            #expect(reply.json == ["total": 0, "results": []])
        }
    }

    @Test func bodyOverThreeThousandCharactersIsRefused() async throws {
        try await withSandbox { client, _ in
            let padding = String(repeating: "a", count: 3000 - #"{"query":""}"#.count)
            let atLimit = try await client.send(.post, "/crm/v3/objects/contacts/search", rawBody: #"{"query":"\#(padding)"}"#)
            #expect(atLimit.status == 200)
            let over = try await client.send(.post, "/crm/v3/objects/contacts/search", rawBody: #"{"query":"\#(padding)a"}"#)
            #expect(over.status == 400)
            #expect(over.json["category"] == "VALIDATION_ERROR")
            #expect(over.json["message"] == "The search request body has 3001 characters; the maximum is 3000.")
        }
    }

    @Test func limitZeroCountsWithoutAPage() async throws {
        try await withSandbox { client, sandbox in
            try await sandbox.store.searchTestsInsert("0-1", [["firstname": "A"], ["firstname": "B"]])
            let reply = try await searchContacts(client, ["limit": 0])
            #expect(reply.json == ["total": 2, "results": []])
        }
    }
}
