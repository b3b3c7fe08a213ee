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

/// The folder hubsh keeps its saved state in (`connections.json`, `activities.json`, and `.lock`, which
/// every change holds: see ``locked(_:)``): `$XDG_CONFIG_HOME/hubsh`, else `~/.config/hubsh`. Files hold
/// tokens, so the folder is made 0700, every file is written 0600, and a write replaces the file
/// atomically (a crash leaves the old one).
public struct ConfigDirectory: Sendable, Hashable {
    /// The folder's path, without a trailing `/`.
    public let path: String

    /// A folder at `path` (tests point this at a temporary folder).
    public init(path: String) {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        self.path = path
    }

    /// The folder the XDG rules pick for this environment; nil when neither `XDG_CONFIG_HOME` nor a
    /// home folder is known.
    public init?(environment: [String: String]) {
        guard let found = Self.xdg("XDG_CONFIG_HOME", else: ".config", environment: environment, passwordHome: true) else { return nil }
        self = found
    }

    /// The folder hubsh records what it did in (the operation log, the journal): `$XDG_STATE_HOME/hubsh`,
    /// else `~/.local/state/hubsh`; nil when neither `XDG_STATE_HOME` nor `HOME` is set.
    public static func state(environment: [String: String]) -> ConfigDirectory? {
        xdg("XDG_STATE_HOME", else: ".local/state", environment: environment, passwordHome: false)
    }

    /// `hubsh` in the folder `variable` names, else in `$HOME/fallback` (or, with `passwordHome`, the home
    /// folder the password database gives when `HOME` is not set).
    private static func xdg(_ variable: String, else fallback: String, environment: [String: String],
                            passwordHome: Bool) -> ConfigDirectory? {
        // The XDG spec ignores a relative base.
        if let base = environment[variable], base.hasPrefix("/") { return ConfigDirectory(path: ConfigDirectory(path: base).path + "/hubsh") }
        guard let home = environment["HOME"].flatMap({ $0.isEmpty ? nil : $0 }) ?? (passwordHome ? Self.passwordHome() : nil)
        else { return nil }
        return ConfigDirectory(path: home + "/" + fallback + "/hubsh")
    }

    /// The path of `file` in the folder.
    public func path(of file: String) -> String { path + "/" + file }

    /// The file's JSON, or nil when the file does not exist.
    public func readJSON(_ file: String) throws(HubSpotAPIError) -> JSONValue? {
        guard let bytes = try read(file) else { return nil }
        do {
            return try JSONValue(parsing: bytes)
        } catch {
            throw HubSpotAPIError(.invalidRequest, "\(path(of: file)) is not valid JSON (\(error)); fix or remove it")
        }
    }

    /// Writes `value` as indented JSON to `file`, atomically, with mode 0600.
    public func writeJSON(_ value: JSONValue, to file: String) throws(HubSpotAPIError) {
        try write(Array((value.prettyString + "\n").utf8), to: file)
    }

    /// The file's bytes, or nil when it does not exist.
    public func read(_ file: String) throws(HubSpotAPIError) -> [UInt8]? {
        let target = path(of: file)
        let descriptor = open(target, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw failure("could not read \(target)")
        }
        defer { close(descriptor) }
        guard let bytes = Descriptor.readAll(descriptor) else { throw failure("could not read \(target)") }
        return bytes
    }

    /// Replaces `file` with `bytes`: written to a 0600 temporary file in the same folder, flushed,
    /// then renamed over the old one, so readers see the old file or the new one and nothing between.
    public func write(_ bytes: [UInt8], to file: String) throws(HubSpotAPIError) {
        try create()
        let target = path(of: file)
        var temporary = ""
        var descriptor: Int32 = -1
        for attempt in 0..<100 {
            temporary = path(of: ".\(file).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if descriptor >= 0 || errno != EEXIST || attempt == 99 { break }
        }
        guard descriptor >= 0 else { throw failure("could not write \(target)") }
        var failed: HubSpotAPIError? = Descriptor.writeAll(bytes, to: descriptor) ? nil : failure("could not write \(target)")
        // The umask can only take bits away; make sure nothing was added by an odd default.
        if failed == nil, fchmod(descriptor, 0o600) != 0 || fsync(descriptor) != 0 { failed = failure("could not write \(target)") }
        close(descriptor)
        if failed == nil, rename(temporary, target) != 0 { failed = failure("could not replace \(target)") }
        if let failed {
            unlink(temporary)
            throw failed
        }
    }

    /// Makes the folder (and missing parents) with mode 0700.
    public func create() throws(HubSpotAPIError) {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o700) != 0, errno != EEXIST {
                throw failure("could not create the folder \(current)")
            }
        }
    }

    /// An error naming `what` failed and the system's reason.
    private func failure(_ what: String) -> HubSpotAPIError {
        HubSpotAPIError(.invalidRequest, "\(what): \(String(cString: strerror(errno)))")
    }

    /// The home folder from the password database, for a process started without `HOME`.
    private static func passwordHome() -> String? {
        guard let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir else { return nil }
        let home = String(cString: directory)
        return home.isEmpty ? nil : home
    }
}
