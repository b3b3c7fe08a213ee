import Foundation

/// A `hubsh sandbox` in a child process, so a client benchmark's memory figures are the client's only.
/// The `hubsh` binary is the one built beside this benchmark binary.
final class SandboxProcess {
    let process = Process()
    /// `http://HOST:PORT`, from the line the sandbox prints once it listens.
    let baseURL: String

    /// Starts `hubsh sandbox --port 0 ARGUMENTS` and returns once it listens.
    init(_ arguments: [String]) throws {
        process.executableURL = try SandboxProcess.hubsh()
        process.arguments = ["sandbox", "--port", "0"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        try process.run()
        Interruption.shared.watch(process: process.processIdentifier)
        let marker = "HubSpot sandbox listening on "
        var buffer = Data()
        var url: String?
        let handle = output.fileHandleForReading
        while url == nil {
            let chunk = handle.availableData
            guard !chunk.isEmpty else { break }
            buffer.append(chunk)
            let text = String(decoding: buffer, as: UTF8.self)
            url = text.split(separator: "\n").first { $0.hasPrefix(marker) }.map { String($0.dropFirst(marker.count)) }
        }
        guard let url, url.hasPrefix("http://") else {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            Interruption.shared.forget(process: process.processIdentifier)
            throw BenchError("the sandbox (\(arguments.joined(separator: " "))) did not start; it printed: \(String(decoding: buffer, as: UTF8.self))")
        }
        baseURL = url
    }

    /// Stops the sandbox and waits for it to exit. SIGTERM lets it save its state file first; SIGKILL
    /// skips that. Returns the exit status (for SIGKILL, the signal). Does nothing once it has exited.
    @discardableResult
    func stop(_ signal: Int32 = SIGKILL) -> Int32 {
        if process.isRunning { kill(process.processIdentifier, signal) }
        process.waitUntilExit()
        Interruption.shared.forget(process: process.processIdentifier)
        return process.terminationStatus
    }

    /// Saves the sandbox's state (it writes the file atomically on SIGTERM) and waits for it to exit.
    func stopSavingState() throws {
        let status = stop(SIGTERM)
        guard process.terminationReason == .exit, status == 0 else {
            throw BenchError("the sandbox did not exit cleanly on SIGTERM (status \(status))")
        }
    }

    deinit { stop() }

    /// `hubsh` in the directory of the running benchmark binary.
    static func hubsh() throws -> URL {
        let me = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let url = URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("hubsh")
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw BenchError("no hubsh binary at \(url.path): build the hubsh product into the same folder")
        }
        return url
    }
}

/// A temporary directory for one benchmark's state file, removed when the benchmark ends.
func withTemporaryDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hubsh-bench-\(getpid())-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    Interruption.shared.watch(directory: directory.path)
    defer {
        try? FileManager.default.removeItem(at: directory)
        Interruption.shared.forget(directory: directory.path)
    }
    return try await body(directory)
}

/// What to clean up when the benchmark is interrupted (SIGINT, SIGTERM, SIGHUP): `Process` starts each
/// sandbox in a process group of its own, so a Ctrl-C meant for the benchmark would leave it running.
final class Interruption: @unchecked Sendable {
    static let shared = Interruption()
    private let lock = NSLock()
    private var processes: Set<Int32> = []
    private var directories: Set<String> = []
    private var sources: [any DispatchSourceSignal] = []

    func watch(process: Int32) { lock.withLock { installIfNeeded(); processes.insert(process) } }
    func forget(process: Int32) { _ = lock.withLock { processes.remove(process) } }
    func watch(directory: String) { lock.withLock { installIfNeeded(); directories.insert(directory) } }
    func forget(directory: String) { _ = lock.withLock { directories.remove(directory) } }

    /// Kills the watched sandboxes, removes the watched directories and exits as the signal would.
    private func interrupted(by signal: Int32) -> Never {
        lock.withLock {
            for process in processes { kill(process, SIGKILL) }
            for directory in directories { try? FileManager.default.removeItem(atPath: directory) }
        }
        FileHandle.standardError.write(Data("hubsh-bench: interrupted; stopped its sandboxes\n".utf8))
        exit(128 + signal)
    }

    /// Called with the lock held.
    private func installIfNeeded() {
        guard sources.isEmpty else { return }
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [unowned self] in self.interrupted(by: number) }
            source.resume()
            sources.append(source)
        }
    }
}
