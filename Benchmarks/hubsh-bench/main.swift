import Foundation

// `hubsh-bench [NAME…]`: runs the named benchmarks (all when none are named) and prints one line each:
//   bench NAME key=value … ratio=X
// A ratio ≥ 1 meets the target (client benchmarks: the ratio to the rate limits' ceiling, with its own
// target). Figures come from this one run on this machine; compare ratios, not seconds.
// `hubsh-bench --list` prints the names, one a line. Peak memory covers the whole process: run one
// benchmark per process (scripts/bench does) when its peak_rss_mb matters.

let all: [(String, () async throws -> Void)] = [
    ("sandbox-seed", SandboxBenchmarks.seed),
    ("sandbox-requests", SandboxBenchmarks.requests),
    ("sandbox-search", SandboxBenchmarks.search),
    ("sandbox-memory", SandboxBenchmarks.memory),
    ("create-20k", ClientBenchmarks.create20k),
    ("update-20k", ClientBenchmarks.update20k),
    ("archive-20k", ClientBenchmarks.archive20k),
    ("export-100k-list", ClientBenchmarks.exportList),
    ("export-100k-search", ClientBenchmarks.exportSearch),
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
