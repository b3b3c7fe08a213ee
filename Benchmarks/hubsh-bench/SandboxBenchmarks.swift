import Foundation
import HubSpotSandbox
import JSONValue

/// The emulator's own speed targets (it must never be the bottleneck of a client benchmark).
enum SandboxBenchmarks {
    /// Simple requests per second on loopback (target ≥ 5,000): GET one record by id, 64 at a time.
    static func requests() async throws {
        let (sandbox, server) = try await BenchSandbox.start()
        defer { server.cancel() }
        try await sandbox.createContacts(100)
        let (_, page) = try await sandbox.send(.GET, "/crm/v3/objects/contacts?limit=1")
        guard let id = try JSONValue(parsing: page.readableBytesView)["results"]?[0]?["id"]?.stringValue else { throw BenchError("no contact") }
        let total = 60_000
        let concurrency = 64
        let clock = ContinuousClock()
        let start = clock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<concurrency {
                group.addTask {
                    for _ in stride(from: worker, to: total, by: concurrency) {
                        let (status, _) = try await sandbox.send(.GET, "/crm/v3/objects/contacts/\(id)")
                        guard status == 200 else { throw BenchError("GET answered \(status)") }
                    }
                }
            }
            try await group.waitForAll()
        }
        let seconds = (clock.now - start).seconds
        let perSecond = Double(total) / seconds
        print("bench sandbox-requests requests=\(total) concurrency=\(concurrency) seconds=\(format(seconds)) requests_per_s=\(Int(perSecond)) target_per_s=5000 ratio=\(format(perSecond / 5000))")
        try await sandbox.client.shutdown()
    }

    /// Median time of a search over 200,000 records (target < 50 ms), for a filter, a token match and a sort.
    static func search() async throws {
        let (sandbox, server) = try await BenchSandbox.start()
        defer { server.cancel() }
        let records = 200_000
        try await sandbox.createContacts(records)
        let bodies: [JSONValue] = [
            ["filterGroups": [["filters": [["propertyName": "firstname", "operator": "EQ", "value": "eve"]]]], "limit": 100],
            ["filterGroups": [["filters": [["propertyName": "email", "operator": "CONTAINS_TOKEN", "value": "*@d42.example.com"]]]]],
            ["filterGroups": [["filters": [["propertyName": "lastname", "operator": "IN", "values": ["l1", "l2", "l3"]]]]],
             "sorts": [["propertyName": "lastname", "direction": "DESCENDING"]], "limit": 200],
            ["query": "gus", "limit": 50, "after": "5000"],
        ]
        var timings: [Double] = []
        var perQuery = Array(repeating: [Double](), count: bodies.count)
        let clock = ContinuousClock()
        for round in 0..<15 {
            for (index, body) in bodies.enumerated() {
                let start = clock.now
                let (status, _) = try await sandbox.send(.POST, "/crm/v3/objects/contacts/search", body)
                guard status == 200 else { throw BenchError("search answered \(status) in round \(round)") }
                let ms = (clock.now - start).seconds * 1000
                timings.append(ms)
                perQuery[index].append(ms)
            }
        }
        timings.sort()
        let median = timings[timings.count / 2]
        let p90 = timings[timings.count * 9 / 10]
        let medians = perQuery.map { format($0.sorted()[$0.count / 2], 1) }.joined(separator: ",")
        print("bench sandbox-search records=\(records) searches=\(timings.count) median_ms=\(format(median, 1)) p90_ms=\(format(p90, 1)) per_query_median_ms=\(medians) target_ms=50 ratio=\(format(50 / median))")
        try await sandbox.client.shutdown()
    }

    /// Time to seed the demo account (target under 1 s: every `hubsh sandbox` start pays it).
    static func seed() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        var configuration = SandboxConfiguration()
        configuration.data = .demo
        let sandbox = try await Sandbox(configuration: configuration)
        let seconds = (clock.now - start).seconds
        let records = await sandbox.store.recordCount
        print("bench sandbox-seed records=\(records) seconds=\(format(seconds, 3)) target_s=1 ratio=\(format(1 / seconds))")
    }

    /// Resident memory with 1,000,000 small contacts (target < 2 GiB), created through batch create.
    static func memory() async throws {
        let (sandbox, server) = try await BenchSandbox.start()
        defer { server.cancel() }
        let before = residentMiB()
        let records = 1_000_000
        let clock = ContinuousClock()
        let start = clock.now
        try await sandbox.createContacts(records)
        let seconds = (clock.now - start).seconds
        let rss = residentMiB()
        print("bench sandbox-memory records=\(records) seconds=\(format(seconds)) records_per_s=\(Int(Double(records) / seconds)) rss_mb=\(Int(rss)) baseline_mb=\(Int(before)) target_mb=2048 ratio=\(format(2048 / rss))")
        try await sandbox.client.shutdown()
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
