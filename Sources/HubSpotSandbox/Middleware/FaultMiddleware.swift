import Hummingbird
import NIOCore
import ServiceLifecycle
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Injects the configured faults. Each request draws once from a seeded generator, so a seed repeats a
/// run's sequence of outcomes. Every fault is decided before the request takes effect; `timeout` lets it
/// take effect and then never answers, which is the ambiguous case clients must handle.
struct FaultMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext
    let plan: FaultPlan
    let random: LockedRandom
    /// How long a `timeout` holds the connection before closing it, at most.
    let hangLimit: Duration

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let fault = draw() else { return try await next(request, context) }
        switch fault {
        case .tooManyRequests:
            let isSearch = request.method == .post && request.uri.path.hasSuffix("/search")
            throw HubSpotError.rateLimited(isSearch ? .secondly : .tenSecondlyRolling)
        case .internalError: throw HubSpotError.serverFailure(.internalServerError)
        case .badGateway: throw HubSpotError.serverFailure(.badGateway)
        case .unavailable: throw HubSpotError.serverFailure(.serviceUnavailable)
        case .gatewayTimeout: throw HubSpotError.serverFailure(.gatewayTimeout)
        case .reset:
            try await reset(context.channel)
            throw CancellationError()
        case .timeout:
            _ = try? await next(request, context)
            await hang(context.channel)
            throw CancellationError()
        }
    }

    /// The fault this request meets, if any.
    func draw() -> Fault? {
        let x = random.unit()
        var cumulative = 0.0
        for (fault, probability) in plan.rates {
            cumulative += probability
            if x < cumulative { return fault }
        }
        return nil
    }

    /// Closes the connection with SO_LINGER 0, which sends a TCP RST instead of a FIN.
    private func reset(_ channel: any Channel) async throws {
        if let provider = channel as? any SocketOptionProvider {
            try? await provider.setSoLinger(linger(l_onoff: 1, l_linger: 0)).get()
        }
        try? await channel.close().get()
    }

    /// Holds the connection without answering until the client closes it, the limit passes, or the
    /// server shuts down. (A client that gives up is often not noticed: the server does not read from a
    /// connection while a request is in flight, so the limit and the shutdown are what end the wait.)
    private func hang(_ channel: any Channel) async {
        await withGracefulShutdownHandler {
            await waitForCloseOrLimit(channel)
        } onGracefulShutdown: {
            channel.close(promise: nil)
        }
    }

    private func waitForCloseOrLimit(_ channel: any Channel) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await channel.closeFuture.get() }
            group.addTask {
                try? await Task.sleep(for: hangLimit)
                try? await channel.close().get()
            }
            await group.next()
            group.cancelAll()
        }
    }
}
