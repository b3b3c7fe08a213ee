import AsyncHTTPClient
import Foundation
import JSONValue
import NIOCore
import NIOHTTP1

/// The real `hubsh sandbox` binary, started on a free loopback port for one test.
final class SandboxProcess: @unchecked Sendable {
    let process = Process()
    let output = Pipe()
    let errors = Pipe()
    /// `http://127.0.0.1:PORT`, from the first line the sandbox prints.
    private(set) var baseURL = ""
    /// The lines printed at start.
    private(set) var banner: [String] = []

    /// Starts `hubsh sandbox --port 0 ARGS` and waits for its two banner lines.
    init(_ arguments: [String]) throws {
        process.executableURL = Hubsh.executable
        process.arguments = ["sandbox", "--port", "0"] + arguments
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        var buffer = Data()
        let handle = output.fileHandleForReading
        while banner.count < 2 {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            banner = String(decoding: buffer, as: UTF8.self).split(separator: "\n").map(String.init)
        }
        guard let first = banner.first, let range = first.range(of: "http://") else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw SandboxProcessError(message: "the sandbox did not start: \(message)")
        }
        baseURL = String(first[range.lowerBound...])
    }

    /// Sends `signal` (SIGINT by default) and waits for the process to end; returns its exit status.
    @discardableResult
    func interrupt(_ signal: Int32 = SIGINT) -> Int32 {
        if process.isRunning { kill(process.processIdentifier, signal) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    /// Sends a request with `token` and returns the status and parsed body.
    func send(_ method: HTTPMethod, _ path: String, _ body: JSONValue? = nil, token: String = "pat-na1-sandbox",
              timeout: TimeAmount = .seconds(10)) async throws -> (status: Int, json: JSONValue) {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Content-Type", value: "application/json")
        if let body { request.body = .bytes(ByteBuffer(bytes: body.jsonBytes)) }
        let response = try await HTTPClient.shared.execute(request, timeout: timeout)
        let bytes = try await response.body.collect(upTo: 50 * 1024 * 1024)
        let json = bytes.readableBytes == 0 ? JSONValue.null : try JSONValue(parsing: bytes.readableBytesView)
        return (Int(response.status.code), json)
    }
}

struct SandboxProcessError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

extension SandboxProcess {
    /// Runs `hubsh --debug -c` with `statements` against this sandbox (a connection to it in use),
    /// saved state under `scratch`; `{contacts}` in the statements names a JSON Lines file of
    /// `contacts` generated contacts (`u{i}@example.com`, lastname `L{i % 7}`).
    func runDebug(_ statements: String, contacts: Int = 0, in scratch: ScratchDirectory) throws -> (status: Int32, output: String, errors: String) {
        let input = scratch.path("contacts.jsonl")
        let lines = (0..<contacts).map { "{\"email\":\"u\($0)@example.com\",\"firstname\":\"F\($0)\",\"lastname\":\"L\($0 % 7)\"}" }
        try (lines.joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
        let script = "connection add sandbox --token pat-na1-sandbox --base-url \(baseURL)\nconnection use sandbox\n"
            + statements.replacingOccurrences(of: "{contacts}", with: input)
        return try Hubsh.run(["--debug", "-c", script],
                             environment: ["XDG_CONFIG_HOME": scratch.path("config"), "XDG_STATE_HOME": scratch.path("state")])
    }
}
