import AsyncHTTPClient
import Foundation
import HubSpotSandbox
import JSONValue
import Logging
import NIOCore
import NIOHTTP1

/// A sandbox served in this process on a free loopback port, and an HTTP client for it.
struct BenchSandbox: Sendable {
    let baseURL: String
    let client: HTTPClient
    let token = SandboxConfiguration.defaultToken

    /// Starts an empty, unlimited sandbox and returns once it listens.
    static func start() async throws -> (BenchSandbox, Task<Void, any Error>) {
        var configuration = SandboxConfiguration()
        configuration.data = .empty
        configuration.tier = .unlimited
        // The benchmarks search right after creating: measure the search engine, not the lag.
        configuration.searchLag = .zero
        let sandbox = try await Sandbox(configuration: configuration)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        // The server task is cancelled when a benchmark ends; its logger stays quiet about that.
        var quiet = Logger(label: "hubsh.bench.sandbox")
        quiet.logLevel = .critical
        let server = Task {
            try await sandbox.application(logger: quiet) { port in continuation.yield(port) }.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw BenchError("the sandbox did not start") }
        var configurationHTTP = HTTPClient.Configuration()
        configurationHTTP.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 64
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configurationHTTP)
        return (BenchSandbox(baseURL: "http://127.0.0.1:\(port)", client: client), server)
    }

    /// Sends one request and returns the status and body bytes.
    func send(_ method: HTTPMethod, _ path: String, _ body: JSONValue? = nil) async throws -> (Int, ByteBuffer) {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body.jsonBytes))
        }
        let response = try await client.execute(request, timeout: .seconds(60))
        let bytes = try await response.body.collect(upTo: 64 * 1024 * 1024)
        return (Int(response.status.code), bytes)
    }

    /// Creates `count` small contacts through batch create, `concurrency` calls at a time.
    func createContacts(_ count: Int, concurrency: Int = 8) async throws {
        let batches = (count + 99) / 100
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            func add() {
                let batch = next
                next += 1
                group.addTask {
                    let inputs: [JSONValue] = (batch * 100..<min(count, batch * 100 + 100)).map { i in
                        ["properties": ["email": .string("c\(i)@d\(i % 997).example.com"), "firstname": .string(BenchData.firstNames[i % BenchData.firstNames.count]),
                                        "lastname": .string("L\(i % 5003)")]]
                    }
                    let (status, _) = try await send(.POST, "/crm/v3/objects/contacts/batch/create", ["inputs": .array(inputs)])
                    guard status == 201 else { throw BenchError("batch create answered \(status)") }
                }
            }
            for _ in 0..<min(concurrency, batches) { add() }
            while try await group.next() != nil {
                if next < batches { add() }
            }
        }
    }
}

enum BenchData {
    static let firstNames = ["Ann", "Bob", "Cy", "Dee", "Eve", "Fay", "Gus", "Hal", "Ida", "Jo", "Kai", "Lou", "Max", "Ned", "Oda", "Pia"]
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The resident set size of this process, in MiB, from /proc.
func residentMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
        let kb = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return 0 }
    return kb / 1024
}

func format(_ value: Double, _ digits: Int = 2) -> String {
    String(format: "%.\(digits)f", value)
}
