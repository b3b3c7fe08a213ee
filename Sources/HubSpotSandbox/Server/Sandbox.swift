import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// The HubSpot emulator: an account (`SandboxStore`) served over HTTP with HubSpot's paths, answers,
/// authentication, rate limits, and optional latency and faults.
public final class Sandbox: Sendable {
    /// How this sandbox runs.
    public let configuration: SandboxConfiguration
    /// The account it serves.
    public let store: SandboxStore
    let limiter: RateLimiter

    /// Creates the account: from the state file when it exists, otherwise seeded per `configuration.data`.
    public init(configuration: SandboxConfiguration) async throws {
        self.configuration = configuration
        if let path = configuration.stateFile, let store = try await StateFile.load(path) {
            self.store = store
        } else {
            self.store = SandboxStore()
            if configuration.data == .demo { await DemoData.seed(store) }
        }
        // Set after seeding or loading, so search sees the starting data at once.
        await store.setSearchLag(configuration.searchLag)
        self.limiter = RateLimiter(tier: configuration.tier, utcOffsetMilliseconds: await store.portal.utcOffsetMilliseconds,
                                   clock: configuration.rateLimitClock)
    }

    /// The router with every HubSpot endpoint and the middleware stack: correlation id, errors and
    /// latency; the limits on methods, path and headers; faults; authentication; rate limits.
    public func router() -> Router<SandboxRequestContext> {
        router(sleep: { try? await Task.sleep(for: $0) })
    }

    /// ``router()`` with `sleep` waiting out the latency (tests record the delays instead).
    func router(sleep: @escaping @Sendable (Duration) async -> Void) -> Router<SandboxRequestContext> {
        let router = Router(context: SandboxRequestContext.self)
        let random = LockedRandom(seed: configuration.faultSeed)
        router.add(middleware: ErrorMiddleware(latency: configuration.latency, random: LockedRandom(seed: configuration.faultSeed &+ 1), sleep: sleep))
        router.add(middleware: HTTPLimitsMiddleware())
        if !configuration.faults.isEmpty {
            router.add(middleware: FaultMiddleware(plan: configuration.faults, random: random, hangLimit: .seconds(60)))
        }
        let grants = Dictionary(configuration.tokens.map { ($0.token, $0) }, uniquingKeysWith: { _, last in last })
        router.add(middleware: AuthMiddleware(grants: grants))
        router.add(middleware: RateLimitMiddleware(limiter: limiter))
        let resources: [any SandboxResource] = [
            ObjectRoutes(store: store), AccountRoutes(store: store, limiter: limiter, grants: grants),
            PropertyRoutes(store: store), SchemaRoutes(store: store), OwnerRoutes(store: store),
            PipelineRoutes(store: store), AssociationRoutes(store: store), UserRoutes(store: store), JobRoutes(store: store),
        ]
        for resource in resources { resource.mount(on: router) }
        return router
    }

    /// The Hummingbird application serving `router()` on the configured host and port. `onListening`
    /// receives the bound port (useful with port 0).
    public func application(logger: Logger? = nil, onListening: @escaping @Sendable (Int) async -> Void = { _ in })
        -> some ApplicationProtocol
    {
        var log = logger ?? Logger(label: "hubsh.sandbox")
        if logger == nil { log.logLevel = .warning }
        // The parser reads more than `HTTPLimits` allows, so a long path (414) is told from long headers
        // (431) by the middleware; what the parser cannot read is answered by `HTTPParseErrorHandler`.
        let http = HTTP1Channel.Configuration(
            additionalChannelHandlers: [HTTPParseErrorHandler()],
            idleTimeout: configuration.idleTimeout.map { TimeAmount($0) },
            httpDecoderConfiguration: .init(maxHeaderFieldSize: HTTPLimits.parserBytes, maxHeaderListSize: HTTPLimits.parserBytes,
                                            maxHeaderFieldCount: HTTPLimits.parserFields))
        return Application(
            router: router(),
            server: .http1(configuration: http),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "hubsh-sandbox"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: log)
    }

    /// Writes the whole account to the state file, if one is configured.
    public func saveState() async throws {
        guard let path = configuration.stateFile else { return }
        try await StateFile.save(store, to: path)
    }
}
