#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HubSpotAPI
import HubSpotSandbox
import HubshShell
import Hummingbird
import JSONValue
import Logging
import NIOConcurrencyHelpers

/// A live HubSpot emulator on a free loopback port, for shell tests that talk HTTP.
struct ShellSandbox: Sendable {
    /// `http://127.0.0.1:PORT`.
    let baseURL: String
    let sandbox: Sandbox

    /// Runs `body` with a fresh, empty sandbox; stops it afterwards.
    static func with<T: Sendable>(configure: (inout SandboxConfiguration) -> Void = { _ in },
                                  _ body: @Sendable (ShellSandbox) async throws -> T) async throws -> T {
        var configuration = SandboxConfiguration()
        configuration.data = .empty
        // Tests create then search at once; the lag has its own tests (SearchLagTests).
        configuration.searchLag = .zero
        configure(&configuration)
        let sandbox = try await Sandbox(configuration: configuration)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        var quiet = Logger(label: "hubsh.test.sandbox")
        quiet.logLevel = .critical
        let server = Task {
            try? await sandbox.application(logger: quiet) { port in continuation.yield(port) }.run()
            continuation.finish()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw TestFailure("the sandbox did not start") }
        do {
            let result = try await body(ShellSandbox(baseURL: "http://127.0.0.1:\(port)", sandbox: sandbox))
            server.cancel()
            await server.value
            return result
        } catch {
            server.cancel()
            await server.value
            throw error
        }
    }
}

/// A shell whose saved connections and activities live in a fresh temporary folder (removed when
/// the shell goes away), with a session that outlives single runs.
final class TestShell: Sendable {
    let directory: ConfigDirectory
    let environment: [String: String]
    let session: Session
    let connections: ConnectionStore
    /// Schema facts, kept across runs like a session's (memory only unless a test gives a folder).
    let schemaCache: SchemaCache
    private let ownsDirectory: Bool

    /// A shell over a new temporary folder.
    convenience init(environment: [String: String] = [:], schemaCache: SchemaCache = SchemaCache(),
                     makeClient: @escaping ConnectionStore.ClientMaker = TestShell.quickClient) throws {
        var template = Array("/tmp/hubsh-shell-test-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw TestFailure("could not make a temporary folder")
        }
        try self.init(directory: ConfigDirectory(path: String(cString: made)), environment: environment, schemaCache: schemaCache,
                      makeClient: makeClient, owns: true)
    }

    private init(directory: ConfigDirectory, environment: [String: String], schemaCache: SchemaCache,
                 makeClient: @escaping ConnectionStore.ClientMaker, owns: Bool) throws {
        self.directory = directory
        self.schemaCache = schemaCache
        self.environment = environment
        self.session = Session()
        self.connections = try ConnectionStore(environment: environment, directory: directory, makeClient: makeClient)
        self.ownsDirectory = owns
    }

    /// A new shell (new session, stores loaded again) over the same folder: the next start.
    func reopened(environment: [String: String]? = nil) throws -> TestShell {
        try TestShell(directory: directory, environment: environment ?? self.environment, schemaCache: SchemaCache(directory: schemaCache.directory),
                      makeClient: TestShell.quickClient, owns: false)
    }

    /// Clients with short waits and their own rate limiter, so a failure is quick and tests do not
    /// share a budget.
    static let quickClient: ConnectionStore.ClientMaker = { connection in
        HubSpotClient(connection: connection, transport: LoopbackOnlyTransport(base: HTTPClientTransport(timeout: .seconds(2))),
                      retry: RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(1), maxDelay: .milliseconds(10)),
                      limiter: RateLimiter(policy: .unlimited))
    }

    /// Clients over `transport` (a test's own, which changes what the sandbox answers), with quick
    /// retries and no rate limiter.
    static func clients(over transport: any HubSpotTransport) -> ConnectionStore.ClientMaker {
        { connection in
            HubSpotClient(connection: connection, transport: transport,
                          retry: RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(1), maxDelay: .milliseconds(10)),
                          limiter: RateLimiter(policy: .unlimited))
        }
    }

    /// The context commands run in.
    var context: ShellContext {
        var context = ShellContext(registry: TestShell.registry, session: session, connections: connections, environment: environment,
                                   isInteractive: false) { _ in }
        context.schemaCache = schemaCache
        return context
    }

    /// The built-in commands and the test commands.
    static let registry = CommandRegistry(BuiltinCommands.all + [RecordsCommand.self, EmitCommand.self])

    /// Runs `text` and keeps what it yielded and said.
    /// `configure` sets what a host would (a progress line, colour).
    func run(_ text: String, configure: (inout ShellContext) -> Void = { _ in }) async -> ShellRun {
        let messages = NIOLockedValueBox<[String]>([])
        let values = NIOLockedValueBox<[JSONValue]>([])
        var context = ShellContext(registry: TestShell.registry, session: session, connections: connections,
                                   environment: environment, isInteractive: false) { line in
            messages.withLockedValue { $0.append(line) }
        }
        context.schemaCache = schemaCache
        configure(&context)
        let outcome = await Interpreter(context: context).run(text) { value in values.withLockedValue { $0.append(value) } }
        return ShellRun(outcome: outcome, values: values.withLockedValue { $0 }, messages: messages.withLockedValue { $0 })
    }

    /// The text of a file in the folder, or nil.
    func file(_ name: String) -> String? {
        (try? directory.read(name)).flatMap { $0 }.map { String(decoding: $0, as: UTF8.self) }
    }

    /// The permission bits of a path (`0o600`), or nil when it does not exist.
    static func mode(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_mode) & 0o777
    }

    /// The names in the folder.
    var files: [String] {
        guard let handle = opendir(directory.path) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    deinit {
        guard ownsDirectory else { return }
        for name in files { unlink(directory.path(of: name)) }
        rmdir(directory.path)
    }
}

/// A test's own failure, with what went wrong.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A transport that sends only to this machine: a test's connection to HubSpot's own address (saved to
/// test the connection store, then tested by `connection add`) is refused here, never sent.
struct LoopbackOnlyTransport: HubSpotTransport {
    let base: any HubSpotTransport

    func send(_ request: HubSpotRequest, baseURL: String) async throws(HubSpotAPIError) -> HubSpotResponse {
        let host = baseURL.split(separator: "/").dropFirst().first.map { String($0.split(separator: ":").first ?? "") } ?? ""
        guard host == "127.0.0.1" || host == "localhost" else {
            throw HubSpotAPIError(.transport(TransportFailure(.refused)), "tests send nothing to \(host)", location: request.location)
        }
        return try await base.send(request, baseURL: baseURL)
    }
}
