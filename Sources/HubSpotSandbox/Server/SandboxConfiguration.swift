import Foundation

/// How `hubsh sandbox` (or a test) runs the emulator.
public struct SandboxConfiguration: Sendable {
    /// Address to bind; loopback unless told otherwise.
    public var host: String = "127.0.0.1"
    /// Port to bind; 0 picks a free one.
    public var port: Int = 0
    /// Tokens accepted, with their scopes.
    public var tokens: [TokenGrant] = [TokenGrant(token: SandboxConfiguration.defaultToken)]
    /// Rate limits to apply.
    public var tier: RateLimitTier = .professional
    /// Delay added to every answer, per kind of call.
    public var latency: LatencyPlan = .none
    /// How long a write takes to reach search (HubSpot's search index lags writes; reads by id, batch
    /// reads and lists see it at once). Zero makes search consistent at once.
    public var searchLag: Duration = SandboxConfiguration.defaultSearchLag
    /// The clock rate limits are counted on: the system's, or a fixed one in tests, so a loaded machine
    /// cannot stretch a burst past its window.
    public var rateLimitClock: @Sendable () -> Timestamp = { Timestamp.now() }
    /// Failures to inject.
    public var faults: FaultPlan = FaultPlan()
    /// Seed of the fault draws, so a run can be repeated.
    public var faultSeed: UInt64 = 1
    /// What the account holds at start.
    public var data: SeedData = .demo
    /// File the store is loaded from at start (when it exists) and saved to at shutdown.
    public var stateFile: String?
    /// How long a connection may go without a request head or a part of a body being sent before it is
    /// closed (one waiting for its answer is not); nil: never. Longer than the minute client pools keep
    /// idle connections, so a pooled connection is not closed under a client about to use it.
    public var idleTimeout: Duration? = .seconds(75)

    /// The search lag of `hubsh sandbox` and `hubsh --sandbox` unless told otherwise: HubSpot's "several
    /// seconds" (hubspot-api.md §2.6), so a script rehearsed here meets the lag before it meets HubSpot.
    public static let defaultSearchLag: Duration = .seconds(5)

    /// The token a sandbox accepts when none is given.
    public static let defaultToken = "pat-na1-sandbox"

    public init() {}
}

/// The account's starting data.
public enum SeedData: String, Sendable, CaseIterable {
    /// A deterministic demo account: owners, pipelines, contacts, companies, deals, tickets, associations.
    case demo
    /// Only the standard definitions (properties, pipelines) and the account's own user as its one owner; no records.
    case empty
}

/// HubSpot's rate limits per account tier (hubspot-api.md §8).
public enum RateLimitTier: String, Sendable, CaseIterable {
    case free, starter, professional, enterprise
    /// No limits at all (for benchmarks of the emulator itself).
    case unlimited

    /// Requests per 10-second window per token; `nil`: not limited.
    public var perTenSeconds: Int? {
        switch self {
        case .free, .starter: 100
        case .professional, .enterprise: 190
        case .unlimited: nil
        }
    }

    /// Requests per day per account.
    public var perDay: Int? {
        switch self {
        case .free, .starter: 250_000
        case .professional: 625_000
        case .enterprise: 1_000_000
        case .unlimited: nil
        }
    }

    /// Search requests per second per account.
    public var searchPerSecond: Int? { self == .unlimited ? nil : 5 }
}

/// Outcomes injected instead of (or after) a request's normal answer.
public enum Fault: String, Sendable, CaseIterable {
    /// 429 with HubSpot's rate-limit body.
    case tooManyRequests = "429"
    /// 500 internal error.
    case internalError = "500"
    /// 502 bad gateway.
    case badGateway = "502"
    /// 503 unavailable.
    case unavailable = "503"
    /// 504 gateway timeout.
    case gatewayTimeout = "504"
    /// The connection is reset (TCP RST) without an answer.
    case reset
    /// The request takes effect, then no answer ever comes.
    case timeout
}

/// Which faults to inject and how often, e.g. `429:3%,500:2%,reset:1%`.
public struct FaultPlan: Sendable, Hashable {
    /// Each fault with its probability (0…1).
    public var rates: [(fault: Fault, probability: Double)] = []

    public init() {}

    /// Reads `KIND:RATE%,…`; KIND is 429, 500, 502, 503, 504, reset or timeout.
    public init(parsing text: String) throws(SandboxConfigurationError) {
        for item in text.split(separator: ",") {
            let parts = item.split(separator: ":")
            guard parts.count == 2, let fault = Fault(rawValue: parts[0].trimmingSpaces.lowercased()) else {
                throw SandboxConfigurationError(message: "unknown fault '\(item)': use KIND:RATE% with KIND one of \(Fault.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            var rate = parts[1].trimmingSpaces
            let percent = rate.hasSuffix("%")
            if percent { rate.removeLast() }
            guard let value = Double(rate), value >= 0 else {
                throw SandboxConfigurationError(message: "bad rate in fault '\(item)': use a number, e.g. 3%")
            }
            rates.append((fault, percent ? value / 100 : value))
        }
        if rates.map(\.probability).reduce(0, +) > 1 {
            throw SandboxConfigurationError(message: "fault rates add up to more than 100%")
        }
    }

    public var isEmpty: Bool { rates.allSatisfy { $0.probability == 0 } }

    public static func == (a: FaultPlan, b: FaultPlan) -> Bool {
        a.rates.map(\.fault) == b.rates.map(\.fault) && a.rates.map(\.probability) == b.rates.map(\.probability)
    }

    public func hash(into hasher: inout Hasher) {
        for (fault, probability) in rates { hasher.combine(fault); hasher.combine(probability) }
    }
}

/// A sandbox option that cannot be used, with what to write instead.
public struct SandboxConfigurationError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
