import HubSpotAPI
import HubshLanguage
import JSONValue

/// `connection test [NAME]`: calls HubSpot with the connection and yields one report: the account
/// (portal id, type, time zone), the API version, latency, rate-limit headroom, the daily call count,
/// and for each activity on each object the scope it needs and whether the token has it. A failure is
/// one line that says what to do. At a terminal the report is a list of checks and a grid (ReportRenderer).
struct ConnectionTestCommand: ShellCommand {
    static let signature = CommandSignature(
        ["connection", "test"], family: .connections,
        summary: "Check a connection: account, latency, rate-limit headroom, and which scopes each activity lacks.",
        positionals: [SavedName.connectionOrInUse], options: [objects],
        output: .values,
        examples: [Example("connection test prod", "is prod's token good, and what can it do?", .lines(1, each: #"{"connection":"prod","portalId":46217395"#, #""lacking":[]"#)),
                   Example("connection test --objects contacts,2-3508482", "scopes for contacts and a custom object", .lines(1, each: #"{"connection":"prod""#))])

    static let objects = Option("objects", "the object types to check scopes for (default contacts,companies,deals,tickets)",
                                value: "TYPES", role: .objectTypes)

    let bound: BoundCommand

    init(_ bound: BoundCommand) throws(Diagnostic) { self.bound = bound }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        let name = try await context.existingConnection(bound[SavedName.connectionOrInUse], in: bound)
        var objectTypes = HubSpotClient.checkedObjectTypes
        if let value = bound[Self.objects] {
            objectTypes = try await context.text(value).split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            guard !objectTypes.isEmpty else { throw Diagnostic("--objects needs object types: --objects contacts,deals", at: value.range) }
        }
        let client = try await context.connections.client(name)
        let report: ConnectionReport
        do {
            report = try await client.check(objectTypes: objectTypes)
        } catch {
            throw Self.explained(error, connection: name)
        }
        // The daily counter is one more fact, not a condition of the test: a failure to read it is reported.
        let usage: Result<ApiUsage?, HubSpotAPIError>
        do {
            usage = .success(try await client.dailyUsage().first)
        } catch {
            usage = .failure(error)
        }
        var json = Self.json(report, connection: name, baseURL: client.connection.baseURL)
        if case .success(let daily?) = usage {
            json["dailyUsage"] = ["current": .int(daily.currentUsage), "limit": .int(daily.usageLimit),
                                  "resetsAt": daily.resetsAt.map(JSONValue.string) ?? .null]
        }
        let value = JSONValue.object(json)
        context.hintReport(.connectionTest(ConnectionTestFacts(connection: name, baseURL: client.connection.baseURL, report: report,
                                                               dailyUsage: usage)), values: [value])
        return ValueStream([value])
    }

    /// The error as one line that names the connection and, for a network failure, says what to check.
    /// (HubSpot's 401 and 403 already carry their remedy.)
    static func explained(_ error: HubSpotAPIError, connection name: String) -> HubSpotAPIError {
        var error = error
        error.location = "connection test \(name)" + (error.location.map { " (\($0))" } ?? "")
        if case .transport(let failure) = error.kind {
            switch failure.reason {
            case .tls: error.message += " — check the connection's base URL and this machine's certificates"
            default: error.message += " — check the network and the connection's base URL"
            }
        }
        return error
    }

    /// The report as one object; `activities` lists every activity on every object, and `lacking`
    /// the scopes the token would need for the ones it cannot run.
    static func json(_ report: ConnectionReport, connection name: String, baseURL: String) -> JSONObject {
        var object: JSONObject = ["connection": .string(name)]
        object["portalId"] = .int(report.account?.portalId ?? report.token.hubId)
        object["accountType"] = report.account.map { .string($0.accountType) } ?? .null
        object["timeZone"] = report.account.map { .string($0.timeZone) } ?? .null
        if let error = report.accountError { object["accountError"] = .string(error.description) }
        object["api"] = .string(report.version.description)
        object["baseURL"] = .string(baseURL)
        let milliseconds = Double(report.latency.components.seconds) * 1000 + Double(report.latency.components.attoseconds) / 1e15
        object["latencyMs"] = .double((milliseconds * 10).rounded() / 10)
        object["rateLimit"] = ["max": report.rateLimitMax.map { .int($0) } ?? .null,
                               "remaining": report.rateLimitRemaining.map { .int($0) } ?? .null,
                               "window": "10s"]
        object["scopes"] = .int(report.token.scopes.count)
        var lacking: [String] = []
        for access in report.blocked where !lacking.contains(access.needs) { lacking.append(access.needs) }
        object["lacking"] = .array(lacking.map { .string($0) })
        object["activities"] = .array(report.activities.map { access in
            ["object": .string(access.objectType), "activity": .string(access.activity.rawValue),
             "needs": .string(access.needs), "allowed": .bool(access.allowed)]
        })
        return object
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
