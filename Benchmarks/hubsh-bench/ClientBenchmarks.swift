import Foundation
import HubSpotAPI
import HubSpotSandbox

/// The HubSpot client against `hubsh sandbox --tier professional --latency L` in its own process, at
/// the latencies HubSpot's calls take (100 ms to 1.5 s): how close bulk writes and streamed exports come
/// to what the tier's rate limits allow at best, with the client's default settings. A benchmark's
/// name ends in `@L`, the latency in milliseconds.
/// Each benchmark prints one line
///   bench NAME records=N seconds=S records_per_s=R ceiling_per_s=C … ratio=R/C peak_rss_mb=M
/// and exits nonzero when the job itself went wrong (a failed result, a record too many or too few).
///
/// The ceilings, from the tier's limits and the sandbox's latency L:
/// - Bulk writes (create, update, archive): a job of C batch calls (100 records each) under a rolling
///   window of W = 190 calls per 10 s, starting from an empty window, can finish at best after
///   floor((C-1)/W) · 10 s + L: the first W calls go at once, the next W when the first leave the
///   window 10 s later, and so on; the last call then takes L. 20,000 records are 200 calls:
///   10 s + L, so the ceiling at L = 0.1 s is 20,000 / 10.1 s ≈ 1,980 records/s, at 1.5 s 1,739.
/// - List export: every page needs the previous page's cursor, so one cursor reads at most 100 records
///   per L = 1,000 records/s; the window (19 calls/s = 1,900 records/s) would allow more, so the
///   latency binds.
/// - Search export: search is limited to 5 calls/s per account, 200 records a page; one cursor's
///   latency would allow 200 / L records/s, but reading several id ranges at once lifts that bound, so
///   the search limit binds at every latency. The first page must be answered before any other can be
///   asked without spending the limit on pages that may not exist (a search's size is known only from
///   its first answer): C pages then take at best L + floor((C-2)/5) s + L, the other C - 1 going five
///   a second from the first answer and the last taking L. 20,000 records are 100 pages: 19 s + 2L,
///   so the ceiling at L = 0.1 s is 1,042 records/s, at 1.5 s 909.
///
/// Targets: ratio ≥ 0.90 at every latency with no failed result; exports with exactly the records
/// seeded and a peak RSS ≤ 50 MB that does not grow with the record count (rss_mb_at_20k ≈ rss_mb_at_end).
enum ClientBenchmarks {
    /// The measured sandbox's tier: the ceilings are computed from it and the latency.
    static let tier = RateLimitTier.professional
    /// The measured sandbox's latency, set from the benchmark's name before it runs.
    nonisolated(unsafe) static var latencyMilliseconds = 100
    /// HubSpot's rolling burst window (hubspot-api.md §8).
    static let windowSeconds = 10.0
    static let token = SandboxConfiguration.defaultToken
    static let bulkRecords = 20_000

    static var latency: Double { Double(latencyMilliseconds) / 1000 }

    /// Records per second at best for a bulk job of `records` (see the type's comment).
    static func bulkCeiling(records: Int) -> Double {
        let calls = (records + HubSpotClient.batchLimit - 1) / HubSpotClient.batchLimit
        let window = tier.perTenSeconds ?? Int.max
        let seconds = Double((calls - 1) / window) * windowSeconds + latency
        return Double(records) / seconds
    }

    /// Records per second at best for a list export: one cursor's latency or the burst window.
    static var listCeiling: Double {
        let pageSize = Double(HubSpotClient.batchLimit)
        let byLatency = pageSize / latency
        let byWindow = Double(tier.perTenSeconds ?? Int.max) / windowSeconds * pageSize
        return min(byLatency, byWindow)
    }

    /// Records per second at best for a search export of `records`: its first page, then the rest
    /// under the search limit (ranges read in parallel lift one cursor's bound of 200 records per round
    /// trip); see the type's comment.
    static func searchCeiling(records: Int) -> Double {
        let pages = max(1, (records + SearchQuery.maxPageSize - 1) / SearchQuery.maxPageSize)
        let perSecond = tier.searchPerSecond ?? Int.max
        let seconds = latency + Double(max(0, pages - 2) / perSecond) + (pages > 1 ? latency : 0)
        return Double(records) / seconds
    }

    static func create20k() async throws {
        try await withTemporaryDirectory { directory in
            let state = directory.appendingPathComponent("state.json").path
            let inputs = GeneratedInputs(count: bulkRecords) { contact($0) }
            try await measureBulk("create-20k", .create(objectType: "contacts", uniqueProperty: "email"), inputs, state: state)
        }
    }

    static func update20k() async throws {
        try await withTemporaryDirectory { directory in
            let state = directory.appendingPathComponent("state.json").path
            let ids = try await seed(bulkRecords, state: state, keepIds: true).ids
            let inputs = GeneratedInputs(count: ids.count) { index in
                BulkInput(id: String(ids[index]), properties: ["lastname": .string("Updated \(index)")])
            }
            try await measureBulk("update-20k", .update(objectType: "contacts"), inputs, state: state)
        }
    }

    static func archive20k() async throws {
        try await withTemporaryDirectory { directory in
            let state = directory.appendingPathComponent("state.json").path
            let ids = try await seed(bulkRecords, state: state, keepIds: true).ids
            let inputs = GeneratedInputs(count: ids.count) { BulkInput(id: String(ids[$0])) }
            try await measureBulk("archive-20k", .archive(objectType: "contacts"), inputs, state: state)
        }
    }

    static func upsert20k() async throws {
        try await withTemporaryDirectory { directory in
            let state = directory.appendingPathComponent("state.json").path
            // Half the emails exist already: half the inputs update, half create.
            _ = try await seed(bulkRecords / 2, state: state, keepIds: false)
            let inputs = GeneratedInputs(count: bulkRecords) { index in
                var input = contact(index)
                input.properties["lastname"] = .string("Upserted \(index)")
                return input
            }
            try await measureBulk("upsert-20k", .upsert(objectType: "contacts", idProperty: "email"), inputs, state: state)
        }
    }

    /// A record count as benchmark names write it: `20k`, `1m`.
    static func countName(_ records: Int) -> String {
        records % 1_000_000 == 0 ? "\(records / 1_000_000)m" : "\(records / 1000)k"
    }

    static func exportList(_ records: Int) async throws {
        try await measureExport("export-\(countName(records))-list", records: records, ceiling: listCeiling) { client in client.records("contacts") }
    }

    static func exportSearch(_ records: Int) async throws {
        try await measureExport("export-\(countName(records))-search", records: records, ceiling: searchCeiling(records: records)) { client in
            try client.search("contacts", SearchQuery())
        }
    }

    /// Runs one bulk job through `BulkWriter` against the measured sandbox and prints its line.
    static func measureBulk<Inputs: AsyncSequence>(_ name: String, _ operation: BulkOperation, _ inputs: Inputs, state: String) async throws
    where Inputs.Element == BulkInput {
        let sandbox = try measuredSandbox(state: state)
        defer { sandbox.stop() }
        let (client, transport) = try measuredClient(sandbox)
        let writer = BulkWriter(client: client, operation: operation)
        let clock = ContinuousClock()
        let start = clock.now
        var count = 0
        var failed = 0
        var firstError: String?
        for try await result in writer.results(for: inputs) {
            count += 1
            if !result.succeeded {
                failed += 1
                if firstError == nil { firstError = result.error.map { "\($0)" } ?? "unknown" }
            }
        }
        let seconds = (clock.now - start).seconds
        let expected = bulkRecords
        let perSecond = Double(count) / seconds
        let ceiling = bulkCeiling(records: expected)
        let waits = await client.limiter.waits
        let rejections = await client.limiter.rejections
        let peakInFlight = await writer.concurrency.peak
        print("bench \(name)@\(latencyMilliseconds) records=\(count) seconds=\(format(seconds)) records_per_s=\(Int(perSecond)) ceiling_per_s=\(Int(ceiling)) "
            + "calls=\(transport.calls) peak_in_flight=\(peakInFlight) waits=\(waits) rejected_429=\(rejections) failed=\(failed) "
            + "ratio=\(format(perSecond / ceiling)) peak_rss_mb=\(format(peakResidentMiB(), 1))")
        if failed > 0 || count != expected {
            throw BenchError("\(count) results for \(expected) inputs, \(failed) failed; first failure: \(firstError ?? "none")")
        }
    }

    /// Streams every contact through `stream`, counting and keeping nothing, and prints its line.
    static func measureExport<Records: AsyncSequence>(_ name: String, records exportRecords: Int, ceiling: Double,
                                                      _ stream: (HubSpotClient) throws -> Records) async throws {
        try await withTemporaryDirectory { directory in
            let state = directory.appendingPathComponent("state.json").path
            let seedPeak = try await seed(exportRecords, state: state, keepIds: false).peakMiB
            let sandbox = try measuredSandbox(state: state)
            defer { sandbox.stop() }
            let (client, transport) = try measuredClient(sandbox)
            let records = try stream(client)
            let clock = ContinuousClock()
            let start = clock.now
            var count = 0
            var rssAt20k = 0.0
            var rssAtEnd = 0.0
            for try await _ in records {
                count += 1
                if count == 20_000 { rssAt20k = residentMiB() }
                if count == exportRecords { rssAtEnd = residentMiB() }
                // A stream that goes on past the account's records would never end: stop at the first extra.
                if count > exportRecords { break }
            }
            let seconds = (clock.now - start).seconds
            let perSecond = Double(count) / seconds
            let waits = await client.limiter.waits
            let rejections = await client.limiter.rejections
            print("bench \(name)@\(latencyMilliseconds) records=\(count) seconds=\(format(seconds)) records_per_s=\(Int(perSecond)) ceiling_per_s=\(Int(ceiling)) "
                + "calls=\(transport.calls) waits=\(waits) rejected_429=\(rejections) rss_mb_at_20k=\(format(rssAt20k, 1)) "
                + "rss_mb_at_end=\(format(rssAtEnd, 1)) seed_peak_rss_mb=\(format(seedPeak, 1)) "
                + "ratio=\(format(perSecond / ceiling)) peak_rss_mb=\(format(peakResidentMiB(), 1))")
            guard count == exportRecords else {
                throw BenchError(count > exportRecords
                    ? "the stream went on past the account's \(exportRecords) records (stopped at the first extra one)"
                    : "streamed \(count) records, expected \(exportRecords)")
            }
        }
    }

    /// The measured sandbox: the tier and latency above, the account from `state` (empty when absent).
    static func measuredSandbox(state: String) throws -> SandboxProcess {
        try SandboxProcess(["--data", "empty", "--tier", tier.rawValue, "--latency", String(latencyMilliseconds), "--state", state])
    }

    /// A client of the measured sandbox with a fresh rate limiter, and its call counter.
    static func measuredClient(_ sandbox: SandboxProcess) throws -> (HubSpotClient, CountingTransport) {
        let transport = CountingTransport()
        let connection = try HubSpotConnection(baseURL: sandbox.baseURL, token: AccessToken(token))
        return (HubSpotClient(connection: connection, transport: transport, limiter: RateLimiter()), transport)
    }

    /// Creates `count` contacts in an unlimited sandbox without latency that saves to `state` (the
    /// measured sandbox then starts from that file). Returns their ids when asked, and this process's
    /// peak memory while seeding; the peak then starts over, so what is measured next is its own.
    static func seed(_ count: Int, state: String, keepIds: Bool) async throws -> (ids: [Int], peakMiB: Double) {
        let sandbox = try SandboxProcess(["--data", "empty", "--tier", RateLimitTier.unlimited.rawValue, "--state", state])
        defer { sandbox.stop() }
        let connection = try HubSpotConnection(baseURL: sandbox.baseURL, token: AccessToken(token))
        let client = HubSpotClient(connection: connection, limiter: RateLimiter(policy: .unlimited))
        let writer = BulkWriter(client: client, operation: .create(objectType: "contacts", uniqueProperty: "email"), concurrency: .fixed(8))
        var ids: [Int] = []
        if keepIds { ids.reserveCapacity(count) }
        var created = 0
        for try await result in writer.results(for: GeneratedInputs(count: count) { contact($0) }) {
            guard result.succeeded, let id = result.id.flatMap(Int.init) else {
                throw BenchError("seeding contact \(result.index) failed: \(result.error.map { "\($0)" } ?? "no id")")
            }
            created += 1
            if keepIds { ids.append(id) }
        }
        guard created == count else { throw BenchError("seeded \(created) contacts, expected \(count)") }
        try sandbox.stopSavingState()
        guard FileManager.default.fileExists(atPath: state) else { throw BenchError("the seeding sandbox wrote no state file") }
        let peak = peakResidentMiB()
        resetPeakResident()
        return (ids, peak)
    }

    /// The `index`th generated contact: a unique email and a few names.
    static func contact(_ index: Int) -> BulkInput {
        BulkInput(properties: [
            "email": .string("c\(index)@d\(index % 997).example.com"),
            "firstname": .string(BenchData.firstNames[index % BenchData.firstNames.count]),
            "lastname": .string("L\(index % 5003)"),
        ])
    }
}

/// Bulk inputs made on demand from their index: a job of any size without an array of its inputs.
struct GeneratedInputs: AsyncSequence, Sendable {
    typealias Element = BulkInput
    let count: Int
    let make: @Sendable (Int) -> BulkInput

    init(count: Int, _ make: @escaping @Sendable (Int) -> BulkInput) {
        self.count = count
        self.make = make
    }

    func makeAsyncIterator() -> Iterator { Iterator(count: count, make: make) }

    struct Iterator: AsyncIteratorProtocol {
        let count: Int
        let make: @Sendable (Int) -> BulkInput
        var index = 0

        mutating func next() async -> BulkInput? {
            guard index < count else { return nil }
            defer { index += 1 }
            return make(index)
        }
    }
}

/// The HTTP transport, counting the calls that reach the wire (retries included).
final class CountingTransport: HubSpotTransport, @unchecked Sendable {
    private let base = HTTPClientTransport()
    private let lock = NSLock()
    private var count = 0

    var calls: Int { lock.withLock { count } }

    func send(_ request: HubSpotRequest, baseURL: String) async throws(HubSpotAPIError) -> HubSpotResponse {
        lock.withLock { count += 1 }
        return try await base.send(request, baseURL: baseURL)
    }
}

/// The peak resident set size of this process (VmHWM), in MiB.
func peakResidentMiB() -> Double { procStatusMiB("VmHWM:") }

/// Starts the peak resident set size over from the current size (Linux `clear_refs` 5).
func resetPeakResident() {
    let fd = open("/proc/self/clear_refs", O_WRONLY)
    guard fd >= 0 else { return }
    _ = write(fd, "5", 1)
    close(fd)
}

func procStatusMiB(_ field: String) -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) }),
        let kb = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return 0 }
    return kb / 1024
}

/// hubsh beside HubSpot's official Python client in its documented loop (a batch of 100, then the
/// next), creating 2,000 contacts each against the measured sandbox: `speedup` is hubsh's records per
/// second over the client's, and the ratio is that over the target of 5.
enum PythonClientBenchmark {
    static let records = 2_000
    static let target = 5.0

    static func create2k() async throws {
        guard let python = ProcessInfo.processInfo.environment["HUBSH_BENCH_PYTHON"] else {
            throw BenchError("HUBSH_BENCH_PYTHON names no python with hubspot-api-client (scripts/bench sets it)")
        }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("python/sdk_batch_create.py").path
        try await withTemporaryDirectory { directory in
            let sandbox = try ClientBenchmarks.measuredSandbox(state: directory.appendingPathComponent("state.json").path)
            defer { sandbox.stop() }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = [script, sandbox.baseURL, ClientBenchmarks.token, String(records)]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            let fields = Dictionary(text.split(whereSeparator: \.isWhitespace).compactMap { pair -> (String, Double)? in
                let parts = pair.split(separator: "=")
                return parts.count == 2 ? (String(parts[0]), Double(parts[1]) ?? 0) : nil
            }, uniquingKeysWith: { _, last in last })
            guard process.terminationStatus == 0, fields["records"] == Double(records), let sdkSeconds = fields["seconds"] else {
                throw BenchError("the Python client failed: \(text)")
            }
            let (client, _) = try ClientBenchmarks.measuredClient(sandbox)
            let writer = BulkWriter(client: client, operation: .create(objectType: "contacts", uniqueProperty: "email"))
            let clock = ContinuousClock()
            let start = clock.now
            var created = 0
            for try await result in writer.results(for: GeneratedInputs(count: records) { ClientBenchmarks.contact($0) }) where result.succeeded {
                created += 1
            }
            let seconds = (clock.now - start).seconds
            let speedup = (Double(created) / seconds) / (Double(records) / sdkSeconds)
            print("bench python-sdk-create-2k@\(ClientBenchmarks.latencyMilliseconds) records=\(created) seconds=\(format(seconds)) "
                + "sdk_seconds=\(format(sdkSeconds)) speedup=\(format(speedup, 1)) target=\(Int(target)) ratio=\(format(speedup / target))")
            guard created == records else { throw BenchError("hubsh created \(created) of \(records) contacts") }
        }
    }
}
