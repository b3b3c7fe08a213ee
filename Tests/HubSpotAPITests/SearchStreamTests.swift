import HubSpotAPI
import JSONValue
import Testing

struct SearchStreamTests {
    static func collect(_ stream: PagedStream<CRMRecord, SearchCursor>) async throws -> [CRMRecord] {
        var records: [CRMRecord] = []
        for try await record in stream { records.append(record) }
        return records
    }

    /// One seeded account of 10,250 contacts serves every case past HubSpot's 10,000-result window.
    /// (The sandbox is unlimited here and so is the client; pacing has its own tests.)
    @Test func searchContinuesPastTenThousandOrSaysWhyItCannot() async throws {
        try await withLiveSandbox(client: ClientOptions(limiter: .unlimited)) { client, _ in
            let ids = try await client.seedContacts(10_250)

            let all = try await Self.collect(try client.search("contacts", SearchQuery()))
            #expect(all.count == 10_250)
            #expect(Set(all.map(\.id)) == Set(ids))

            let filtered = SearchQuery(filterGroups: [[SearchFilter("lastname", .NEQ, "Last3")], [SearchFilter("firstname", .EQ, "First3")]])
            let expected = (0..<10_250).filter { $0 % 7 != 3 || $0 == 3 }.count
            let some = try await Self.collect(try client.search("contacts", filtered))
            #expect(some.count == expected)
            #expect(Set(some.map(\.id)).count == expected)

            let descending = try await Self.collect(try client.search("contacts", SearchQuery(sort: ("hs_object_id", .DESCENDING))))
            #expect(descending.count == 10_250)
            #expect(descending.map { Int($0.id)! } == descending.map { Int($0.id)! }.sorted(by: >))

            let limited = try await Self.collect(try client.search("contacts", SearchQuery(), limit: 10_001))
            #expect(limited.count == 10_001)

            let sortedElsewhere = SearchQuery(sort: ("firstname", .ASCENDING))
            let refusal = await #expect(throws: HubSpotAPIError.self) {
                _ = try await Self.collect(try client.search("contacts", sortedElsewhere))
            }
            #expect(refusal?.message.contains("matches 10250 records") == true)
            #expect(refusal?.message.contains("sorted by hs_object_id (this search sorts by firstname)") == true)
            let firstPages = try await Self.collect(try client.search("contacts", sortedElsewhere, limit: 500))
            #expect(firstPages.count == 500)

            let full = SearchQuery(filterGroups: [(0..<6).map { SearchFilter("email", .NEQ, "nobody\($0)@example.com") }])
            let noRoom = await #expect(throws: HubSpotAPIError.self) {
                _ = try await Self.collect(try client.search("contacts", full))
            }
            #expect(noRoom?.message.contains("6 per group") == true)
        }
    }

    @Test(arguments: [
        (SearchQuery(filterGroups: Array(repeating: [SearchFilter("email", .HAS_PROPERTY)], count: 6)), "6 filter groups"),
        (SearchQuery(filterGroups: [Array(repeating: SearchFilter("email", .HAS_PROPERTY), count: 7)]), "filter group 1 has 7 filters"),
        (SearchQuery(filterGroups: Array(repeating: Array(repeating: SearchFilter("email", .HAS_PROPERTY), count: 5), count: 4)), "20 filters in all"),
    ])
    func hubSpotsFilterLimitsAreCheckedBeforeAnyRequest(query: SearchQuery, message: String) async throws {
        try await withLiveSandbox { client, _ in
            let error = #expect(throws: HubSpotAPIError.self) { _ = try client.search("contacts", query) }
            #expect(error?.kind == .invalidRequest)
            #expect(error?.message.contains(message) == true)
        }
    }

    @Test func searchOperatorsReachHubSpotAsItsFilterModel() async throws {
        try await withLiveSandbox { client, _ in
            _ = try await client.seedContacts(30)
            let query = SearchQuery(filterGroups: [[SearchFilter("lastname", .IN, values: ["last1", "last2"]),
                                                    SearchFilter("firstname", .NOT_CONTAINS_TOKEN, "first2")]],
                                    properties: ["email", "lastname"])
            let records = try await Self.collect(try client.search("contacts", query))
            let expected = (0..<30).filter { [1, 2].contains($0 % 7) && $0 != 2 }
            #expect(records.count == expected.count)
            #expect(records.allSatisfy { ["Last1", "Last2"].contains($0[property: "lastname"] ?? "") })
            let between = try await client.searchPage("contacts", SearchQuery(filterGroups: [[SearchFilter("hs_object_id", .BETWEEN, "0", highValue: "99999999999")]]))
            #expect(between.total == 30)
        }
    }

    @Test func theListStreamFetchesEveryPage() async throws {
        try await withLiveSandbox { client, _ in
            let ids = try await client.seedContacts(345)
            var seen: [String] = []
            for try await record in client.records("contacts", properties: ["email"]) { seen.append(record.id) }
            #expect(seen.count == 345)
            #expect(Set(seen) == Set(ids))
        }
    }
}
