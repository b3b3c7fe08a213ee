import Foundation

// `hubsh-bench [NAME…]`: runs the named benchmarks (all when none are named) and prints one line each:
//   bench NAME key=value … ratio=X
// A ratio ≥ 1 meets the target (client benchmarks: the ratio to the rate limits' ceiling, with its own
// target). Figures come from this one run on this machine; compare ratios, not seconds.
// `hubsh-bench --list` prints the names, one a line. Peak memory covers the whole process: run one
// benchmark per process (scripts/bench does) when its peak_rss_mb matters.

/// A benchmark run against the measured sandbox at `latency` ms (its name ends in `@latency`).
func at(_ latency: Int, _ name: String, _ run: @escaping () async throws -> Void) -> (String, () async throws -> Void) {
    ("\(name)@\(latency)", {
        ClientBenchmarks.latencyMilliseconds = latency
        try await run()
    })
}

/// The latencies HubSpot's calls take, from quick reads to slow batch writes.
let latencies = [100, 500, 1500]
let all: [(String, () async throws -> Void)] = [
    ("sandbox-seed", SandboxBenchmarks.seed),
    ("sandbox-requests", SandboxBenchmarks.requests),
    ("sandbox-search", SandboxBenchmarks.search),
    ("sandbox-memory", SandboxBenchmarks.memory),
] + latencies.flatMap { latency in [
    at(latency, "create-20k", ClientBenchmarks.create20k),
    at(latency, "update-20k", ClientBenchmarks.update20k),
    at(latency, "archive-20k", ClientBenchmarks.archive20k),
    at(latency, "upsert-20k", ClientBenchmarks.upsert20k),
    at(latency, "export-20k-search", { try await ClientBenchmarks.exportSearch(20_000) }),
    at(latency, "shell-create-20k", ShellBenchmarks.create20k),
    at(latency, "shell-export-20k", ShellBenchmarks.export20k),
    at(latency, "shell-update-20k-journal", ShellBenchmarks.update20kJournal),
    at(latency, "export-job-200k", JobBenchmarks.exportJob),
    at(latency, "import-job-200k", JobBenchmarks.importJob),
] } + [
    // One list cursor reads 100 records per round trip whatever hubsh does: measured where that is quick.
    at(100, "export-100k-list", { try await ClientBenchmarks.exportList(100_000) }),
    at(500, "export-20k-list", { try await ClientBenchmarks.exportList(20_000) }),
    at(100, "export-100k-search", { try await ClientBenchmarks.exportSearch(100_000) }),
    // The issue's memory target at scale: a million records at 500 ms within 60 MB (about 20 minutes).
    at(500, "export-1m-search", { try await ClientBenchmarks.exportSearch(1_000_000) }),
    at(1500, "python-sdk-create-2k", PythonClientBenchmark.create2k),
    ("shell-export-csv", ShellBenchmarks.exportCSV),
    ("shell-import-csv", ShellBenchmarks.importCSV),
]
let chosen = Array(CommandLine.arguments.dropFirst())
if chosen == ["--list"] {
    for (name, _) in all { print(name) }
    exit(0)
}
let unknown = chosen.filter { name in !all.contains { $0.0 == name } }
guard unknown.isEmpty else {
    FileHandle.standardError.write(Data("hubsh-bench: unknown benchmark \(unknown.joined(separator: ", ")); known: \(all.map(\.0).joined(separator: ", "))\n".utf8))
    exit(2)
}
for (name, run) in all where chosen.isEmpty || chosen.contains(name) {
    do {
        try await run()
    } catch {
        FileHandle.standardError.write(Data("bench \(name) failed: \(error)\n".utf8))
        exit(1)
    }
}
