#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import HubSpotAPI
import JSONValue
import LineEditor

/// The operation log: one JSON line per statement that talked to HubSpot, appended to
/// `$XDG_STATE_HOME/hubsh/operations.log` (else `~/.local/state/hubsh/operations.log`), mode 0600 in a
/// 0700 folder. Statements are written with their secrets masked.
public struct OperationLog: Sendable {
    /// The file's path.
    public let path: String

    /// A log at `path` (tests point this at a temporary file).
    public init(path: String) { self.path = path }

    /// The log the XDG rules pick for this environment; nil when no home folder is known.
    public static func standard(environment: [String: String]) -> OperationLog? {
        ConfigDirectory.state(environment: environment).map { OperationLog(path: $0.path(of: "operations.log")) }
    }

    /// One statement's record.
    public struct Entry: Sendable {
        /// How the statement ended.
        public enum Status: String, Sendable { case success, partial, failure }

        public var time: String
        public var connection: String?
        /// The statement's text; masked when written.
        public var statement: String
        public var status: Status
        /// Inputs of writes, values yielded, failed write results.
        public var recordsIn: Int
        public var recordsOut: Int
        public var recordsFailed: Int
        public var durationMs: Int
        public var correlationIds: [String]
        /// The journal operations the statement's writes started (`undo OP`).
        public var journalOps: [Int] = []

        /// An entry stamped with the current time.
        public init(connection: String?, statement: String, status: Status, recordsIn: Int, recordsOut: Int, recordsFailed: Int,
                    durationMs: Int, correlationIds: [String], time: String = OperationLog.now()) {
            self.time = time
            self.connection = connection
            self.statement = statement
            self.status = status
            self.recordsIn = recordsIn
            self.recordsOut = recordsOut
            self.recordsFailed = recordsFailed
            self.durationMs = durationMs
            self.correlationIds = correlationIds
        }

        /// The entry as the JSON object of its line.
        public var json: JSONValue {
            [
                "time": .string(time),
                "connection": connection.map(JSONValue.string) ?? .null,
                "statement": .string(OperationLog.redact(statement)),
                "status": .string(status.rawValue),
                "records": ["in": .int(recordsIn), "out": .int(recordsOut), "failed": .int(recordsFailed)],
                "durationMs": .int(durationMs),
                "correlationIds": .array(correlationIds.map(JSONValue.string)),
                "ops": .array(journalOps.map(JSONValue.int)),
            ]
        }
    }

    /// Appends `entry` as one line, creating the folder (0700) and the file (0600) when missing.
    public func append(_ entry: Entry) throws(HubSpotAPIError) {
        let folder = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        if !folder.isEmpty { try ConfigDirectory(path: folder).create() }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure("could not open \(path)") }
        defer { close(descriptor) }
        // The umask can only take bits away; make sure nothing was added by an odd default.
        _ = fchmod(descriptor, 0o600)
        guard Descriptor.writeAll((entry.json.jsonString + "\n").utf8, to: descriptor) else { throw failure("could not write \(path)") }
    }

    /// `text` with `pat-…` tokens masked and the value after `--token` masked unless it is an
    /// `env:NAME` reference (see ``SecretMask``).
    public static func redact(_ text: String) -> String { SecretMask.redact(text) }

    /// The current time as ISO-8601 UTC with milliseconds: `2025-06-01T12:00:00.123Z`.
    public static func now() -> String {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        var seconds = spec.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ n: Int32, _ width: Int = 2) -> String {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1))-\(pad(parts.tm_mday))T"
            + "\(pad(parts.tm_hour)):\(pad(parts.tm_min)):\(pad(parts.tm_sec)).\(pad(Int32(spec.tv_nsec / 1_000_000), 3))Z"
    }

    private func failure(_ what: String) -> HubSpotAPIError {
        HubSpotAPIError(.invalidRequest, "\(what): \(String(cString: strerror(errno)))")
    }
}

extension Interpreter {
    /// Appends the statement that just ran to the operation log, when it talked to HubSpot.
    func logOperation(_ text: String, connection: String?, started: ContinuousClock.Instant, yielded: Int, error: (any Error)?) async {
        guard let log = context.operationLog, await context.tally.talksToHubSpot else { return }
        let tally = context.tally
        let (succeeded, failed) = (await tally.succeeded, await tally.failed)
        var correlationIds = await tally.correlationIds
        if let correlation = (error as? HubSpotAPIError)?.correlationId { correlationIds.append(correlation) }
        let status: OperationLog.Entry.Status
        if error is StreamFailure {
            status = succeeded > 0 ? .partial : .failure
        } else {
            status = error != nil || (failed > 0 && succeeded == 0) ? .failure : failed > 0 ? .partial : .success
        }
        let (seconds, attoseconds) = (ContinuousClock.now - started).components
        let current = await context.session.connectionName
        var entry = OperationLog.Entry(connection: connection ?? current, statement: text, status: status,
                                       recordsIn: succeeded + failed, recordsOut: yielded, recordsFailed: failed,
                                       durationMs: Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000), correlationIds: correlationIds)
        entry.journalOps = await tally.journalOps
        do {
            try log.append(entry)
        } catch {
            context.message("hubsh: could not write the operation log: \(error.summary)")
        }
    }
}
