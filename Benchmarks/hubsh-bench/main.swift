import Foundation

// `hubsh-bench [NAME…]`: runs the named benchmarks (all when none are named) and prints one line each:
//   bench NAME key=value … ratio=X
// A ratio ≥ 1 meets the target. Figures come from this one run on this machine; compare ratios, not seconds.

let all: [(String, () async throws -> Void)] = [
    ("sandbox-seed", SandboxBenchmarks.seed),
    ("sandbox-requests", SandboxBenchmarks.requests),
    ("sandbox-search", SandboxBenchmarks.search),
    ("sandbox-memory", SandboxBenchmarks.memory),
]
let chosen = CommandLine.arguments.dropFirst()
for (name, run) in all where chosen.isEmpty || chosen.contains(name) {
    do {
        try await run()
    } catch {
        FileHandle.standardError.write(Data("bench \(name) failed: \(error)\n".utf8))
        exit(1)
    }
}
