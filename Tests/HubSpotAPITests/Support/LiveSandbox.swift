import HubSpotAPI
import HubSpotSandbox
import Hummingbird
import HummingbirdTesting
import JSONValue
import Logging

/// Options for the client a test drives against a live sandbox.
struct ClientOptions: Sendable {
    var version: APIVersion = .v3
    /// Short waits so retries do not slow the suite.
    var retry = RetryPolicy(maxAttempts: 6, baseDelay: .milliseconds(5), maxDelay: .milliseconds(100))
    var limiter = RateLimiter.Policy()
    var token = SandboxConfiguration.defaultToken
    var timeout: Duration = .seconds(10)
    var logger = Logger(label: HubSpotClient.logLabel)
}

/// Runs `body` with a real HubSpot client talking over loopback HTTP to a fresh sandbox on a free port.
/// Each test gets its own rate limiter (the default token is shared by every sandbox).
func withLiveSandbox<T: Sendable>(
    data: SeedData = .empty, tier: RateLimitTier = .unlimited, client options: ClientOptions = ClientOptions(),
    configure: (inout SandboxConfiguration) -> Void = { _ in },
    _ body: @Sendable (HubSpotClient, Sandbox) async throws -> T
) async throws -> T {
    var configuration = SandboxConfiguration()
    configuration.data = data
    configuration.tier = tier
    // Tests create then search at once; the lag has its own tests (SearchLagTests).
    configuration.searchLag = .zero
    configure(&configuration)
    let sandbox = try await Sandbox(configuration: configuration)
    var quiet = Logger(label: "hubsh.test.sandbox")
    quiet.logLevel = .critical
    return try await sandbox.application(logger: quiet).test(.live) { testClient in
        let port = testClient.port ?? 0
        let connection = try HubSpotConnection(baseURL: "http://127.0.0.1:\(port)", token: AccessToken(options.token), version: options.version)
        let client = HubSpotClient(connection: connection, transport: HTTPClientTransport(timeout: options.timeout),
                                   retry: options.retry, limiter: RateLimiter(policy: options.limiter), logger: options.logger)
        return try await body(client, sandbox)
    }
}

extension HubSpotClient {
    /// Creates `count` contacts `c{i}@example.com` through batch create; returns their ids in order.
    func seedContacts(_ count: Int, offset: Int = 0) async throws -> [String] {
        var ids: [String] = []
        for start in stride(from: 0, to: count, by: 100) {
            let inputs: [JSONValue] = (start..<min(count, start + 100)).map { i in
                ["properties": ["email": .string("c\(i + offset)@example.com"), "firstname": .string("First\(i + offset)"),
                                "lastname": .string("Last\((i + offset) % 7)")]]
            }
            let response = try await batchCreate("contacts", inputs: inputs)
            ids += response.results.map(\.id)
        }
        return ids
    }
}
