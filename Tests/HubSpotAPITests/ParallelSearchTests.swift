import HubSpotAPI
import JSONValue
import NIOConcurrencyHelpers
import Testing

/// A search with more than a few pages to read goes as disjoint `hs_object_id` ranges in parallel and
/// still comes out as one keyset cursor would give it: every record once, in ascending id order.
struct ParallelSearchTests {
    static func searchCalls(_ capture: LogCapture) -> Int {
        capture.all.filter { $0.contains("POST /crm/v3/objects/contacts/search 200") }.count
    }

    @Test func anExportPastTenThousandComesOutOnceInAscendingIdOrder() async throws {
        let capture = LogCapture()
        let options = ClientOptions(limiter: .unlimited, logger: capture.logger(level: .debug))
        try await withLiveSandbox(client: options) { client, _ in
            let ids = try await client.seedContacts(12_000)
            let ascending = ids.sorted { RecordOrder.less($0, $1) }

            let all = try await SearchStreamTests.collect(try client.search("contacts", SearchQuery())).map(\.id)
            #expect(all == ascending)
            #expect(capture.all.contains { $0.contains("read as hs_object_id ranges in parallel (up to 16 at once)") })
            // The ranges' probes are pages too: hardly more calls than one cursor needs.
            #expect(Self.searchCalls(capture) <= 12_000 / 200 + 4)

            let filtered = SearchQuery(filterGroups: [[SearchFilter("lastname", .NEQ, "Last3")], [SearchFilter("firstname", .EQ, "First3")]])
            let expected = ascending.enumerated().filter { $0.offset % 7 != 3 || $0.offset == 3 }.map(\.element)
            let some = try await SearchStreamTests.collect(try client.search("contacts", filtered)).map(\.id)
            #expect(some == expected)

            let limited = try await SearchStreamTests.collect(try client.search("contacts", SearchQuery(), limit: 10_500)).map(\.id)
            #expect(limited == Array(ascending.prefix(10_500)))

            // Two readers chain many small windows; the answer is the same.
            let narrow = try await SearchStreamTests.collect(try client.search("contacts", filtered, readers: 2)).map(\.id)
            #expect(narrow == expected)
        }
    }

    @Test func aSearchSortedByAnotherPropertyOrDescendingKeepsOneCursorAndSaysWhy() async throws {
        let capture = LogCapture()
        let options = ClientOptions(limiter: .unlimited, logger: capture.logger(level: .debug))
        try await withLiveSandbox(client: options) { client, _ in
            _ = try await client.seedContacts(1_500)
            let byName = try await SearchStreamTests.collect(try client.search("contacts", SearchQuery(sort: ("firstname", .ASCENDING))))
            #expect(byName.count == 1_500)
            #expect(capture.all.contains { $0.contains("search contacts: one cursor, because it sorts by firstname") })
            let descending = try await SearchStreamTests.collect(try client.search("contacts", SearchQuery(sort: ("hs_object_id", .DESCENDING))))
            #expect(descending.map(\.id) == descending.map(\.id).sorted { RecordOrder.less($1, $0) })
            #expect(capture.all.contains { $0.contains("one cursor, because it is sorted by descending hs_object_id") })
            let few = try await SearchStreamTests.collect(try client.search("contacts", SearchQuery(), limit: 700))
            #expect(few.count == 700)
            #expect(capture.all.contains { $0.contains("one cursor, because 500 more records fit a few pages") })
            #expect(!capture.all.contains { $0.contains("in parallel") })
        }
    }

    /// Archiving what the search hands on, as `search … | delete` does, while later ranges are read.
    @Test func archivingWhileRangesAreReadSkipsNothing() async throws {
        try await withLiveSandbox(client: ClientOptions(limiter: .unlimited)) { client, _ in
            let ids = try await client.seedContacts(5_000)
            let stream = try client.search("contacts", SearchQuery(), stable: true)
            let seen = try await StableSearchTests.drain(stream, client: client) { try await client.batchArchive("contacts", ids: $0) }
            #expect(seen == ids.sorted { RecordOrder.less($0, $1) })
            #expect(try await client.searchPage("contacts", SearchQuery()).total == 0)
        }
    }
}

extension ParallelSearchTests {
    /// A consumer that stops early (`| first 10`) leaves no range being read.
    @Test func droppingTheStreamCancelsTheRangesBeingRead() async throws {
        try await withLiveSandbox(client: ClientOptions(limiter: .unlimited)) { client, _ in
            _ = try await client.seedContacts(2_000)
            let holding = SearchHoldingTransport()
            let held = HubSpotClient(connection: client.connection, transport: holding, limiter: RateLimiter(policy: .unlimited))
            do {
                var iterator = try held.search("contacts", SearchQuery()).makeAsyncIterator()
                _ = try await iterator.next()
                // The first window's probes are out (and held).
                for _ in 0..<500 where holding.counts.held < 2 { try await Task.sleep(for: .milliseconds(10)) }
            }
            for _ in 0..<500 where holding.counts.cancelled < holding.counts.held { try await Task.sleep(for: .milliseconds(10)) }
            #expect(holding.counts.held >= 2)
            #expect(holding.counts.cancelled == holding.counts.held)
        }
    }
}

/// Answers the first search from the sandbox and holds every later one until it is cancelled.
final class SearchHoldingTransport: HubSpotTransport {
    let inner = HTTPClientTransport(timeout: .seconds(5))
    private let state = NIOLockedValueBox((searches: 0, held: 0, cancelled: 0))

    var counts: (held: Int, cancelled: Int) { state.withLockedValue { ($0.held, $0.cancelled) } }

    func send(_ request: HubSpotRequest, baseURL: String) async throws(HubSpotAPIError) -> HubSpotResponse {
        let first = state.withLockedValue { state -> Bool in
            state.searches += 1
            if state.searches > 1 { state.held += 1 }
            return state.searches == 1
        }
        if first { return try await inner.send(request, baseURL: baseURL) }
        do {
            try await Task.sleep(for: .seconds(60))
        } catch {
            state.withLockedValue { $0.cancelled += 1 }
        }
        throw HubSpotAPIError(.invalidRequest, "held", location: request.location)
    }
}

/// Record ids in numeric order.
enum RecordOrder {
    static func less(_ a: String, _ b: String) -> Bool { a.count != b.count ? a.count < b.count : a < b }
}

extension ParallelSearchTests {
    /// A probe's second page goes out as soon as the probe answers, while the window's last probe —
    /// which the next window waits for — is still out (held here until it does, or 5 s pass).
    @Test func aProbesSecondPageGoesOutWhileTheWindowsLastProbeIsOut() async throws {
        try await withLiveSandbox(client: ClientOptions(limiter: .unlimited)) { client, _ in
            let ids = try await client.seedContacts(2_000)
            let transport = LastProbeHoldingTransport()
            let held = HubSpotClient(connection: client.connection, transport: transport, limiter: RateLimiter(policy: .unlimited))
            // Two readers: windows of probes at offsets 0 and 399 while more than two ranges are expected.
            let read = try await SearchStreamTests.collect(try held.search("contacts", SearchQuery(), readers: 2)).map(\.id)
            #expect(read == ids.sorted { RecordOrder.less($0, $1) })
            #expect(transport.firstHoldEndedBySecondPage == true)
        }
    }
}

/// Sends searches to the sandbox, holding the first window's last probe (offset 399) until a page
/// after another probe (no offset, a different lower bound) comes in.
final class LastProbeHoldingTransport: HubSpotTransport {
    let inner = HTTPClientTransport(timeout: .seconds(5))
    private let state = NIOLockedValueBox((held: false, bounds: Set<String>(), ended: Bool?.none))

    /// Whether the first hold ended because a second page came in (false: it timed out).
    var firstHoldEndedBySecondPage: Bool? { state.withLockedValue { $0.ended } }

    /// The `hs_object_id >` bound of a search body.
    static func lowerBound(_ body: JSONValue?) -> String? {
        let filters = body?["filterGroups"]?[0]?["filters"]?.arrayValue ?? []
        return filters.first { $0["propertyName"] == "hs_object_id" && $0["operator"] == "GT" }?["value"]?.stringValue
    }

    func send(_ request: HubSpotRequest, baseURL: String) async throws(HubSpotAPIError) -> HubSpotResponse {
        guard request.path.hasSuffix("/search"), let bound = Self.lowerBound(request.body) else { return try await inner.send(request, baseURL: baseURL) }
        let after = request.body?["after"]?.stringValue
        // Before the first hold ends, a search without an offset is a window's first probe (the held
        // probe's bound) or a page after a probe (any other bound).
        let hold = state.withLockedValue { state -> Bool in
            if after == nil, state.ended == nil { state.bounds.insert(bound) }
            guard after == "399", !state.held else { return false }
            state.held = true
            return true
        }
        if hold {
            for _ in 0..<500 where state.withLockedValue({ $0.bounds.subtracting([bound]).isEmpty }) {
                try? await Task.sleep(for: .milliseconds(10))
            }
            state.withLockedValue { $0.ended = !$0.bounds.subtracting([bound]).isEmpty }
        }
        return try await inner.send(request, baseURL: baseURL)
    }
}
