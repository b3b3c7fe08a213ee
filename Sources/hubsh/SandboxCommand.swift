import ArgumentParser
import Foundation
import HubSpotSandbox
import Hummingbird
import Logging
import NIOCore

/// `hubsh sandbox`: serves the HubSpot emulator until interrupted.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Serve a HubSpot emulator on this machine (no HubSpot account needed).",
        discussion: """
            The emulator speaks HubSpot's CRM API (objects, batch, search, properties, schemas, \
            associations v3/v4, owners, pipelines, account info) over HTTP, with HubSpot's rate limits. \
            Point any HubSpot client at the URL it prints. Stop it with Ctrl-C; with --state the account \
            is saved then.
            """)

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free port).")
    var port = 0

    @Option(name: .customLong("token"), help: ArgumentHelp("A token to accept; repeat for several. TOKEN:scope,scope grants only those scopes.", valueName: "token"))
    var tokens: [String] = []

    @Option(help: "Apply the rate limits of this HubSpot tier (unlimited: none).")
    var tier: RateLimitTier = .professional

    @Option(help: ArgumentHelp("Delay answers (milliseconds): 100 or 100±20 for every call, or per kind with a cost per batch input, e.g. read=250±80,search=400±150,write=900±300,per-record=5.",
                               valueName: "spec"))
    var latency: String?

    @OptionGroup var lag: SearchLagOption

    @Option(help: ArgumentHelp("Inject faults, e.g. '429:3%,500:2%,503:2%,reset:1%,timeout:1%'.", valueName: "spec"))
    var faults: String?

    @Option(help: "Seed for fault injection, so a run repeats.")
    var faultSeed: UInt64 = 1

    @Option(help: "Starting data: demo (a seeded account) or empty.")
    var data: SeedData = .demo

    @Option(help: ArgumentHelp("Load the account from this file if it exists; save it there on exit.", valueName: "file"))
    var state: String?

    func makeConfiguration() throws -> SandboxConfiguration {
        var configuration = SandboxConfiguration()
        configuration.host = host
        configuration.port = port
        if !tokens.isEmpty { configuration.tokens = tokens.map(TokenGrant.init(parsing:)) }
        configuration.tier = tier
        if let latency {
            do { configuration.latency = try LatencyPlan(parsing: latency) } catch { throw ValidationError("--latency: \(error.message)") }
        }
        if let searchLag = try lag.duration { configuration.searchLag = searchLag }
        if let faults {
            do { configuration.faults = try FaultPlan(parsing: faults) } catch { throw ValidationError("--faults: \(error.message)") }
        }
        configuration.faultSeed = faultSeed
        configuration.data = data
        configuration.stateFile = state
        return configuration
    }

    func run() async throws {
        let configuration = try makeConfiguration()
        let sandbox = try await Sandbox(configuration: configuration)
        let host = host
        let tokens = configuration.tokens
        let app = sandbox.application { port in
            let names = tokens.map { grant in
                grant.scopes.map { "\(grant.token) (scopes: \($0.sorted().joined(separator: ",")))" } ?? "\(grant.token) (all scopes)"
            }
            let text = "HubSpot sandbox listening on http://\(host):\(port)\nAccepting bearer token\(names.count > 1 ? "s" : ""): \(names.joined(separator: ", "))\n"
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        do {
            try await app.runService()
        } catch let error as IOError {
            throw CommandFailure("cannot listen on \(host):\(port): \(String(cString: strerror(error.errnoCode)).lowercased())")
        }
        try await sandbox.saveState()
    }
}

/// A failure of a command, printed by ArgumentParser as `Error: <message>`.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// `--search-lag MS`, of `hubsh sandbox` and of `hubsh --sandbox`. One option group for both: the root
/// command takes its options wherever they are written, so `hubsh sandbox` sees the value only through
/// the same group.
struct SearchLagOption: ParsableArguments {
    @Option(help: ArgumentHelp("The sandbox's search sees writes this many milliseconds late, as HubSpot's does (0: at once; default \(SearchLagOption.defaultText)).",
                               valueName: "ms"))
    var searchLag: String?

    static var defaultText: String { String(SandboxConfiguration.defaultSearchLag.components.seconds * 1000) }

    /// The lag asked for, if any. Read when the command runs, so a bad value is one line.
    var duration: Duration? {
        get throws {
            guard let searchLag else { return nil }
            guard let milliseconds = Int(searchLag.trimmingCharacters(in: .whitespaces)), milliseconds >= 0 else {
                throw ValidationError("--search-lag '\(searchLag)': use whole milliseconds, e.g. 0 or 5000")
            }
            return .milliseconds(milliseconds)
        }
    }
}

extension RateLimitTier: ExpressibleByArgument {}
extension SeedData: ExpressibleByArgument {}
