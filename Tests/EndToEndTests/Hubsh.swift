import Foundation

/// The `hubsh` binary built next to this test bundle, run to the end.
enum Hubsh {
    /// The executable.
    static var executable: URL {
        let bundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return bundle.deletingLastPathComponent().appendingPathComponent("hubsh")
    }

    /// Runs `hubsh ARGUMENTS` and returns its exit status, standard output and standard error.
    /// `environment` is added to this process's; `input` is written to its standard input.
    static func run(_ arguments: [String], environment: [String: String] = [:], input: String? = nil,
                    directory: URL? = nil) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        if let directory { process.currentDirectoryURL = directory }
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let output = Pipe()
        let errors = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        // Standard error is read on its own thread: read one after the other, a full pipe of the
        // second would block hubsh while this waits for the end of the first.
        let errorText = ErrorCollector()
        let reader = Thread { errorText.data = errors.fileHandleForReading.readDataToEndOfFile(); errorText.done.signal() }
        reader.start()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        errorText.done.wait()
        let err = errorText.data
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}

/// Standard error as a reader thread collects it.
private final class ErrorCollector: @unchecked Sendable {
    // Written by the reader thread before `done` is signalled, read after.
    var data = Data()
    let done = DispatchSemaphore(value: 0)
}

/// A new empty directory for one test; `remove()` deletes it with its contents.
struct ScratchDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("hubsh-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the directory.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
