import Foundation
import HubshShell

/// `export` and `import` through HubSpot's Exports/Imports API (the job route) beside the batch route,
/// through the interpreter against the measured sandbox (`@L`): 200,000 records each way. Each route
/// prints its own line with records per second and the peak RSS of this process during that route
/// (the peak is started over before each), then a line with the ratio of the two rates measured in this
/// run (`job_over_batch`). `HUBSH_BENCH_JOB_RECORDS` sets a smaller size for a quick run.
enum JobBenchmarks {
    static var records: Int {
        ProcessInfo.processInfo.environment["HUBSH_BENCH_JOB_RECORDS"].flatMap(Int.init) ?? 200_000
    }

    /// `export contacts props email,firstname --via job|batch > out.csv` over `records` seeded contacts.
    static func exportJob() async throws {
        let count = records
        try await withTemporaryDirectory { directory in
            let state = directory.appendingPathComponent("state.json").path
            _ = try await ClientBenchmarks.seed(count, state: state, keepIds: false)
            let sandbox = try ClientBenchmarks.measuredSandbox(state: state)
            defer { sandbox.stop() }
            let context = await ShellBenchmarks.shellContext(sandbox, makeClient: ShellBenchmarks.measuredClient)
            _ = await ShellBenchmarks.warmSchema(context)
            var files: [String: String] = [:]
            var rates: [String: Double] = [:]
            for route in ["job", "batch"] {
                let file = directory.appendingPathComponent("\(route).csv").path
                resetPeakResident()
                let clock = ContinuousClock()
                let start = clock.now
                let outcome = await Interpreter(context: context).run("export contacts props email,firstname --via \(route) > '\(file)'") { _ in }
                let seconds = (clock.now - start).seconds
                let text = try String(contentsOfFile: file, encoding: .utf8)
                let lines = text.split(separator: "\n").count - 1
                files[route] = text
                rates[route] = Double(lines) / seconds
                print("bench export-job-\(count / 1000)k@\(ClientBenchmarks.latencyMilliseconds) route=\(route) records=\(lines) seconds=\(format(seconds)) "
                    + "records_per_s=\(Int(Double(lines) / seconds)) peak_rss_mb=\(format(peakResidentMiB(), 1))")
                guard outcome == .success, lines == count else {
                    throw BenchError("export --via \(route) wrote \(lines) of \(count) contacts (\(outcome))")
                }
            }
            guard Set(files.values).count == 1 else { throw BenchError("the two routes wrote different files") }
            printRatio("export-job-\(count / 1000)k", rates)
        }
    }

    /// `import contacts.csv --object contacts --via job|batch` of `records` rows (each route its own
    /// account, from empty).
    static func importJob() async throws {
        let count = records
        try await withTemporaryDirectory { directory in
            let csv = directory.appendingPathComponent("contacts.csv")
            var text = "email,firstname,lastname\n"
            text.reserveCapacity(count * 40)
            for index in 0..<count { text += "import\(index)@bench.example,Ann\(index % 97),Lee\n" }
            try text.write(to: csv, atomically: true, encoding: .utf8)
            var rates: [String: Double] = [:]
            for route in ["job", "batch"] {
                let state = directory.appendingPathComponent("state-\(route).json").path
                let sandbox = try ClientBenchmarks.measuredSandbox(state: state)
                defer { sandbox.stop() }
                let context = await ShellBenchmarks.shellContext(sandbox, makeClient: ShellBenchmarks.measuredClient)
                _ = await ShellBenchmarks.warmSchema(context)
                resetPeakResident()
                let clock = ContinuousClock()
                let start = clock.now
                let outcome = await Interpreter(context: context).run("import '\(csv.path)' --object contacts --via \(route) --no-journal") { _ in }
                let seconds = (clock.now - start).seconds
                let written = await context.tally.succeeded
                rates[route] = Double(written) / seconds
                print("bench import-job-\(count / 1000)k@\(ClientBenchmarks.latencyMilliseconds) route=\(route) records=\(written) seconds=\(format(seconds)) "
                    + "records_per_s=\(Int(Double(written) / seconds)) peak_rss_mb=\(format(peakResidentMiB(), 1))")
                guard outcome == .success, written == count else {
                    throw BenchError("import --via \(route) wrote \(written) of \(count) rows (\(outcome))")
                }
            }
            printRatio("import-job-\(count / 1000)k", rates)
        }
    }

    /// `bench NAME@L job_over_batch=R`: how many times the batch route's rate the job route reached.
    static func printRatio(_ name: String, _ rates: [String: Double]) {
        guard let job = rates["job"], let batch = rates["batch"], batch > 0 else { return }
        print("bench \(name)@\(ClientBenchmarks.latencyMilliseconds) job_over_batch=\(format(job / batch))")
    }
}
