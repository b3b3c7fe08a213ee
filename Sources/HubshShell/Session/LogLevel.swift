import Foundation
import Logging

/// The level of hubsh's log lines on standard error, shared by every logger of the process:
/// `--debug` and `HUBSH_LOG` set it at the start, `set log LEVEL` while the session runs.
public final class LogLevel: Sendable {
    /// The process's level.
    public static let shared = LogLevel(.warning)

    // Read by every log call, changed by `set log`: the lock keeps them apart.
    private let lock = NSLock()
    nonisolated(unsafe) private var current: Logger.Level

    init(_ level: Logger.Level) { current = level }

    /// The level in force.
    public var level: Logger.Level {
        get { lock.withLock { current } }
        set { lock.withLock { current = newValue } }
    }

    /// Sets the level from a word (`debug`, `warning`, …); an unknown word changes nothing.
    public func set(_ word: String) {
        if let level = Logger.Level(rawValue: word.lowercased()) { self.level = level }
    }
}

/// A standard-error log handler whose level is the shared ``LogLevel`` unless a logger sets its own.
public struct SharedLevelLogHandler: LogHandler {
    private var base: StreamLogHandler
    private var ownLevel: Logger.Level?
    private let beforeWrite: @Sendable () -> Void

    /// A handler for `label` writing to standard error; `beforeWrite` runs before each line (to clear
    /// a progress line).
    public init(label: String, beforeWrite: @escaping @Sendable () -> Void = {}) {
        base = StreamLogHandler.standardError(label: label)
        self.beforeWrite = beforeWrite
    }

    public var logLevel: Logger.Level {
        get { ownLevel ?? LogLevel.shared.level }
        set { ownLevel = newValue }
    }

    public var metadata: Logger.Metadata {
        get { base.metadata }
        set { base.metadata = newValue }
    }

    public var metadataProvider: Logger.MetadataProvider? {
        get { base.metadataProvider }
        set { base.metadataProvider = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { base[metadataKey: key] }
        set { base[metadataKey: key] = newValue }
    }

    public func log(event: LogEvent) {
        beforeWrite()
        base.log(event: event)
    }
}
