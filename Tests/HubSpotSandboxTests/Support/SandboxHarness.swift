import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JSONValue
import Testing

@testable import HubSpotSandbox

/// An answer from the sandbox, with its body parsed as JSON (`null` when empty).
struct Reply: Sendable {
    var status: Int
    var headers: HTTPFields
    var json: JSONValue
    var text: String

    /// A response header by name.
    func header(_ name: String) -> String? {
        HTTPField.Name(name).flatMap { headers[$0] }
    }
}

/// Sends requests to a sandbox under test, with the default token unless told otherwise.
struct SandboxClient: Sendable {
    let client: any TestClientProtocol
    var token: String? = SandboxConfiguration.defaultToken

    /// Sends `body` as JSON, or `rawBody` / `rawBytes` as they are, with `Content-Type: application/json`
    /// unless `contentType` says otherwise (`.some(nil)`: none), and `headers` besides.
    @discardableResult
    func send(_ method: HTTPRequest.Method, _ path: String, _ body: JSONValue? = nil, token: String?? = .none,
              rawBody: String? = nil, rawBytes: [UInt8]? = nil, contentType: String?? = .none,
              headers extra: HTTPFields = [:]) async throws -> Reply {
        var headers: HTTPFields = [:]
        if let contentType = contentType ?? "application/json" { headers[.contentType] = contentType }
        if let token = token ?? self.token { headers[.authorization] = "Bearer \(token)" }
        headers.append(contentsOf: extra)
        let bytes: ByteBuffer? = rawBytes.map { ByteBuffer(bytes: $0) } ?? rawBody.map { ByteBuffer(string: $0) }
            ?? body.map { ByteBuffer(bytes: $0.jsonBytes) }
        return try await client.execute(uri: path, method: method, headers: headers, body: bytes) { response in
            let text = String(buffer: response.body)
            // A file (an export's CSV) is not JSON: its text is the answer.
            let isJSON = response.headers[.contentType]?.hasPrefix("text/csv") != true
            let json = text.isEmpty || !isJSON ? JSONValue.null : try JSONValue(parsing: text)
            return Reply(status: Int(response.status.code), headers: response.headers, json: json, text: text)
        }
    }

    @discardableResult func get(_ path: String) async throws -> Reply { try await send(.get, path) }
    @discardableResult func post(_ path: String, _ body: JSONValue) async throws -> Reply { try await send(.post, path, body) }
    @discardableResult func patch(_ path: String, _ body: JSONValue) async throws -> Reply { try await send(.patch, path, body) }
    @discardableResult func delete(_ path: String) async throws -> Reply { try await send(.delete, path) }
}

/// Runs `body` against a fresh sandbox: in process (`.router`, the default) or over a loopback port (`.live`).
/// Data defaults to `.empty` so tests see only what they create; the tier to `.unlimited`.
func withSandbox<T: Sendable>(
    _ setup: TestingSetup = .router, data: SeedData = .empty, tier: RateLimitTier = .unlimited,
    configure: (inout SandboxConfiguration) -> Void = { _ in },
    _ body: @Sendable (SandboxClient, Sandbox) async throws -> T
) async throws -> T {
    var configuration = SandboxConfiguration()
    configuration.data = data
    configuration.tier = tier
    // Tests create then search at once; the lag has its own tests (SearchLagTests).
    configuration.searchLag = .zero
    configure(&configuration)
    let sandbox = try await Sandbox(configuration: configuration)
    return try await sandbox.application().test(setup) { client in
        try await body(SandboxClient(client: client), sandbox)
    }
}
