import Foundation
import HubSpotAPI
import HubshShell
import JSONValue

/// The shell's own cost: a pipeline run by the interpreter, against the client doing the same work
/// alone, on unlimited sandboxes without latency, so what is measured is the CPU between HubSpot and
/// the file. The ratio compares the shell's records per second with the most HubSpot gives (a search
/// export: 5 searches a second of 200 records; a bulk import: the Professional burst window): at 1 or
/// more the shell is never what the job waits for.
enum ShellBenchmarks {
    static let records = 50_000
    /// HubSpot's search export ceiling: 5 requests a second × 200 records (hubspot-api.md §10).
    static let searchCeiling = 1_000.0

    static func exportCSV() async throws {
        try await withTemporaryDirectory { directory in
            let state = directory.appendingPathComponent("state.json").path
            _ = try await ClientBenchmarks.seed(records, state: state, keepIds: false)
            let sandbox = try SandboxProcess(["--data", "empty", "--tier", "unlimited", "--state", state])
            defer { sandbox.stop() }
            let clock = ContinuousClock()
            let client = makeClient(try HubSpotConnection(baseURL: sandbox.baseURL, token: AccessToken(ClientBenchmarks.token)))
            var start = clock.now
            var streamed = 0
            for try await _ in try client.search("contacts", SearchQuery(properties: ["email", "firstname"])) { streamed += 1 }
            let clientSeconds = (clock.now - start).seconds

            let file = directory.appendingPathComponent("contacts.csv").path
            let context = await shellContext(sandbox)
            resetPeakResident()
            start = clock.now
            let outcome = await Interpreter(context: context).run("search contacts props email,firstname | select email,firstname | to csv > '\(file)'") { _ in }
            let shellSeconds = (clock.now - start).seconds
            let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").count

            let shellRate = Double(lines - 1) / shellSeconds
            let clientRate = Double(streamed) / clientSeconds
            print("bench shell-export-csv records=\(lines - 1) seconds=\(format(shellSeconds)) records_per_s=\(Int(shellRate)) "
                + "client_alone_per_s=\(Int(clientRate)) shell_share=\(format(shellRate / clientRate)) ceiling_per_s=\(Int(searchCeiling)) "
                + "ratio=\(format(shellRate / searchCeiling)) peak_rss_mb=\(format(peakResidentMiB(), 1))")
            guard outcome == .success, streamed == records, lines == records + 1 else {
                throw BenchError("the shell wrote \(lines - 1) rows (\(outcome)), the client streamed \(streamed), expected \(records)")
            }
        }
    }

    static func importCSV() async throws {
        try await withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("leads.csv").path
            var csv = "email,firstname,lastname\n"
            for index in 0..<records {
                let contact = ClientBenchmarks.contact(index).properties
                csv += [contact["email"], contact["firstname"], contact["lastname"]].compactMap { $0?.stringValue }.joined(separator: ",") + "\n"
            }
            try csv.write(toFile: file, atomically: true, encoding: .utf8)
            let operation = BulkOperation.upsert(objectType: "contacts", idProperty: "email")
            let clock = ContinuousClock()

            let alone = try SandboxProcess(["--data", "empty", "--tier", "unlimited"])
            defer { alone.stop() }
            let client = makeClient(try HubSpotConnection(baseURL: alone.baseURL, token: AccessToken(ClientBenchmarks.token)))
            var start = clock.now
            var written = 0
            let inputs = GeneratedInputs(count: records) { ClientBenchmarks.contact($0) }
            for try await result in BulkWriter(client: client, operation: operation, concurrency: .fixed(4)).results(for: inputs) where result.succeeded {
                written += 1
            }
            let clientSeconds = (clock.now - start).seconds

            let sandbox = try SandboxProcess(["--data", "empty", "--tier", "unlimited"])
            defer { sandbox.stop() }
            let context = await shellContext(sandbox)
            resetPeakResident()
            let results = Counter()
            start = clock.now
            let outcome = await Interpreter(context: context).run("open '\(file)' | upsert contacts --by email") { _ in results.add() }
            let shellSeconds = (clock.now - start).seconds

            let shellRate = Double(results.count) / shellSeconds
            let clientRate = Double(written) / clientSeconds
            let ceiling = ClientBenchmarks.bulkCeiling(records: records)
            print("bench shell-import-csv records=\(results.count) seconds=\(format(shellSeconds)) records_per_s=\(Int(shellRate)) "
                + "client_alone_per_s=\(Int(clientRate)) shell_share=\(format(shellRate / clientRate)) ceiling_per_s=\(Int(ceiling)) "
                + "ratio=\(format(shellRate / ceiling)) peak_rss_mb=\(format(peakResidentMiB(), 1))")
            guard outcome == .success, written == records, results.count == records else {
                throw BenchError("the shell gave \(results.count) results (\(outcome)), the client wrote \(written), expected \(records)")
            }
        }
    }

    /// `open contacts.jsonl | create contacts` through the interpreter, with the shell's defaults,
    /// against the measured sandbox (`@L`): its ratio is to the bulk ceiling, as `create-20k`'s. The
    /// session has read the schema already (`schema_read_s` is that read, which a first statement adds).
    static func create20k() async throws {
        try await withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("contacts.jsonl").path
            var lines = ""
            for index in 0..<ClientBenchmarks.bulkRecords { lines += JSONValue.object(ClientBenchmarks.contact(index).properties).jsonString + "\n" }
            try lines.write(toFile: file, atomically: true, encoding: .utf8)
            let sandbox = try ClientBenchmarks.measuredSandbox(state: directory.appendingPathComponent("state.json").path)
            defer { sandbox.stop() }
            let context = await shellContext(sandbox, makeClient: measuredClient)
            let schemaSeconds = await warmSchema(context)
            let created = Counter()
            let clock = ContinuousClock()
            let start = clock.now
            let outcome = await Interpreter(context: context).run("open '\(file)' | create contacts") { value in
                if value["status"]?.stringValue == "created" { created.add() }
            }
            let seconds = (clock.now - start).seconds
            let ceiling = ClientBenchmarks.bulkCeiling(records: ClientBenchmarks.bulkRecords)
            let rate = Double(created.count) / seconds
            print("bench shell-create-20k@\(ClientBenchmarks.latencyMilliseconds) records=\(created.count) seconds=\(format(seconds)) "
                + "records_per_s=\(Int(rate)) ceiling_per_s=\(Int(ceiling)) ratio=\(format(rate / ceiling)) schema_read_s=\(format(schemaSeconds)) "
                + "peak_rss_mb=\(format(peakResidentMiB(), 1))")
            guard outcome == .success, created.count == ClientBenchmarks.bulkRecords else {
                throw BenchError("the shell created \(created.count) of \(ClientBenchmarks.bulkRecords) contacts (\(outcome))")
            }
        }
    }

    /// `search contacts props email > out.jsonl` through the interpreter against the measured sandbox
    /// (`@L`): its ratio is to the search ceiling, as `export-20k-search`'s; the schema read as in `create20k`.
    static func export20k() async throws {
        try await withTemporaryDirectory { directory in
            let state = directory.appendingPathComponent("state.json").path
            _ = try await ClientBenchmarks.seed(ClientBenchmarks.bulkRecords, state: state, keepIds: false)
            let sandbox = try ClientBenchmarks.measuredSandbox(state: state)
            defer { sandbox.stop() }
            let context = await shellContext(sandbox, makeClient: measuredClient)
            let schemaSeconds = await warmSchema(context)
            let file = directory.appendingPathComponent("out.jsonl").path
            let clock = ContinuousClock()
            let start = clock.now
            let outcome = await Interpreter(context: context).run("search contacts props email > '\(file)'") { _ in }
            let seconds = (clock.now - start).seconds
            let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").count
            let ceiling = ClientBenchmarks.searchCeiling(records: ClientBenchmarks.bulkRecords)
            let rate = Double(lines) / seconds
            print("bench shell-export-20k@\(ClientBenchmarks.latencyMilliseconds) records=\(lines) seconds=\(format(seconds)) "
                + "records_per_s=\(Int(rate)) ceiling_per_s=\(Int(ceiling)) ratio=\(format(rate / ceiling)) schema_read_s=\(format(schemaSeconds)) "
                + "peak_rss_mb=\(format(peakResidentMiB(), 1))")
            guard outcome == .success, lines == ClientBenchmarks.bulkRecords else {
                throw BenchError("the shell exported \(lines) of \(ClientBenchmarks.bulkRecords) contacts (\(outcome))")
            }
        }
    }

    /// Reads the object's schema the way a session already has it (from its disk cache, kept a day, or
    /// an earlier statement), so that what is timed is the job; returns the read's seconds, which a
    /// session's first statement pays on top (one round trip).
    static func warmSchema(_ context: ShellContext) async -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        _ = await Interpreter(context: context).run("props contacts") { _ in }
        return (clock.now - start).seconds
    }

    /// The journal's cost: `search contacts | update lastname=…` over 20k contacts through the
    /// interpreter against the measured sandbox (`@L`), once with the journal (what the records held
    /// read and synced before each batch) and once with `--no-journal`, each from the same seeded
    /// account. Prints both times and their quotient; target: the journal costs under 10 % of the
    /// job's time at 500 ms (ratio = 1.10 / quotient, ≥ 1 meets it).
    static func update20kJournal() async throws {
        try await withTemporaryDirectory { directory in
            let seeded = directory.appendingPathComponent("seeded.json").path
            _ = try await ClientBenchmarks.seed(ClientBenchmarks.bulkRecords, state: seeded, keepIds: false)
            let seededState = try Data(contentsOf: URL(fileURLWithPath: seeded))
            var seconds: [Bool: Double] = [:]
            var journalled = 0
            for journal in [false, true] {
                // Each run from its own copy of the account as seeded.
                let state = directory.appendingPathComponent("state-\(journal).json")
                try seededState.write(to: state)
                let sandbox = try ClientBenchmarks.measuredSandbox(state: state.path)
                defer { sandbox.stop() }
                var context = await shellContext(sandbox, makeClient: measuredClient)
                let folder = directory.appendingPathComponent("journal-\(journal)").path
                let store = Journal(folder: folder)
                context.journal = store
                let updated = Counter()
                let clock = ContinuousClock()
                let start = clock.now
                let statement = "search contacts | update lastname=Journalled\(journal ? "" : " --no-journal")"
                let outcome = await Interpreter(context: context).run(statement) { value in
                    if value["status"]?.stringValue == "updated" { updated.add() }
                }
                seconds[journal] = (clock.now - start).seconds
                guard outcome == .success, updated.count == ClientBenchmarks.bulkRecords else {
                    throw BenchError("`\(statement)` updated \(updated.count) of \(ClientBenchmarks.bulkRecords) contacts (\(outcome))")
                }
                if journal {
                    journalled = try store.operations().last.map { try store.read($0).entries.count } ?? 0
                }
            }
            let on = seconds[true] ?? 0
            let off = seconds[false] ?? 1
            let quotient = on / off
            print("bench shell-update-20k-journal@\(ClientBenchmarks.latencyMilliseconds) records=\(ClientBenchmarks.bulkRecords) "
                + "seconds_journal=\(format(on)) seconds_no_journal=\(format(off)) journal_over_no_journal=\(format(quotient, 3)) "
                + "journal_cost_pct=\(format((quotient - 1) * 100, 1)) journal_entries=\(journalled) target=1.10 ratio=\(format(1.10 / quotient)) "
                + "peak_rss_mb=\(format(peakResidentMiB(), 1))")
        }
    }

    /// Clients without a rate limiter of their own: the sandboxes here have none.
    static let makeClient: ConnectionStore.ClientMaker = { HubSpotClient(connection: $0, limiter: RateLimiter(policy: .unlimited)) }

    /// Clients as the shell makes them, each with a fresh rate limiter: for the measured sandbox.
    static let measuredClient: ConnectionStore.ClientMaker = { HubSpotClient(connection: $0, limiter: RateLimiter()) }

    /// A shell whose connection `bench` (in use) reaches `sandbox`; messages go to standard error.
    static func shellContext(_ sandbox: SandboxProcess, makeClient: @escaping ConnectionStore.ClientMaker = makeClient) async -> ShellContext {
        let connections = ConnectionStore(environment: [:], connections: [
            ConnectionSettings(name: "bench", token: ClientBenchmarks.token, baseURL: sandbox.baseURL),
        ], makeClient: makeClient)
        let session = Session()
        await session.use(connection: "bench")
        return ShellContext(session: session, connections: connections, environment: [:], isInteractive: false) { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }
}

/// Counts the values a pipeline yields (its sink may be called from any task).
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    var count: Int { lock.withLock { value } }
    func add() { lock.withLock { value += 1 } }
}
