import HubSpotAPI
import JSONValue
import Testing

/// A search that feeds writes changing its own result set (`search … | delete`, an update of the
/// searched property) still reads every record that matched when it started.
struct StableSearchTests {
    /// Reads the stream, archiving each page's records (or setting the searched property) as they
    /// arrive, as a pipeline's write does while later pages are fetched.
    static func drain(_ stream: PagedStream<CRMRecord, SearchCursor>, client: HubSpotClient,
                      change: @Sendable ([String]) async throws -> Void) async throws -> [String] {
        var seen: [String] = []
        var pending: [String] = []
        for try await record in stream {
            seen.append(record.id)
            pending.append(record.id)
            if pending.count == 100 {
                try await change(pending)
                pending = []
            }
        }
        if !pending.isEmpty { try await change(pending) }
        return seen
    }

    @Test func archivingWhatASearchReadsSkipsNothing() async throws {
        try await withLiveSandbox { client, _ in
            let ids = try await client.seedContacts(1_000)
            let stream = try client.search("contacts", SearchQuery(), pageSize: 200)
            let seen = try await Self.drain(stream, client: client) { try await client.batchArchive("contacts", ids: $0) }
            #expect(seen.count == 1_000)
            #expect(Set(seen) == Set(ids))
            #expect(try await client.searchPage("contacts", SearchQuery()).total == 0)
        }
    }

    @Test func updatingTheSearchedPropertySkipsNothing() async throws {
        try await withLiveSandbox { client, _ in
            _ = try await client.seedContacts(700)
            let leads = SearchQuery(filterGroups: [[SearchFilter("lastname", .NEQ, "Moved")]])
            let stream = try client.search("contacts", leads, pageSize: 200)
            let seen = try await Self.drain(stream, client: client) { ids in
                _ = try await client.batchUpdate("contacts", inputs: ids.map { ["id": .string($0), "properties": ["lastname": "Moved"]] })
            }
            #expect(seen.count == 700)
            #expect(try await client.searchPage("contacts", leads).total == 0)
        }
    }

    /// A search sorted by another property cannot page by id: read stably, it takes the ids first
    /// (in the sort's order), then the records, so archiving as it goes skips nothing.
    @Test func aSortedSearchReadStablyTakesItsIdsFirst() async throws {
        try await withLiveSandbox { client, _ in
            _ = try await client.seedContacts(450)
            let byEmail = SearchQuery(sort: ("email", .DESCENDING), properties: ["email"])
            let expected = try await SearchStreamTests.collect(try client.search("contacts", byEmail)).map(\.id)
            let stream = try client.search("contacts", byEmail, stable: true)
            let seen = try await Self.drain(stream, client: client) { try await client.batchArchive("contacts", ids: $0) }
            #expect(seen == expected)
            #expect(try await client.searchPage("contacts", SearchQuery()).total == 0)
        }
    }

    @Test func theFirstPageTellsHowManyMatch() async throws {
        try await withLiveSandbox { client, _ in
            _ = try await client.seedContacts(300)
            let total = Total()
            let stream = try client.search("contacts", SearchQuery(filterGroups: [[SearchFilter("lastname", .EQ, "Last3")]]),
                                           observeTotal: { await total.set($0) })
            let records = try await SearchStreamTests.collect(stream)
            #expect(await total.value == records.count)
            #expect(records.count == (0..<300).filter { $0 % 7 == 3 }.count)
        }
    }

    actor Total {
        var value: Int?
        func set(_ total: Int) { value = total }
    }
}
