import Logging
import NIOConcurrencyHelpers

/// Collects log lines (message and metadata) so tests can read what the client logged.
final class LogCapture: Sendable {
    private let lines = NIOLockedValueBox<[String]>([])

    var all: [String] { lines.withLockedValue { $0 } }

    /// A logger at `level` whose lines land here.
    func logger(level: Logger.Level) -> Logger {
        var logger = Logger(label: "hubsh.connector.hubspot") { label in Handler(capture: self, label: label) }
        logger.logLevel = level
        return logger
    }

    func append(_ line: String) { lines.withLockedValue { $0.append(line) } }

    struct Handler: LogHandler {
        let capture: LogCapture
        let label: String
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String, function: String, line: UInt) {
            let extra = (metadata ?? [:]).merging(self.metadata) { a, _ in a }.map { "\($0)=\($1)" }.joined(separator: " ")
            capture.append("\(level) \(label): \(message) \(extra)")
        }
    }
}
