import HTTPTypes

/// A delay of `milliseconds ± jitter`.
public struct LatencySpec: Sendable, Hashable {
    public var milliseconds: Int
    public var jitter: Int

    public static let none = LatencySpec(milliseconds: 0, jitter: 0)

    public init(milliseconds: Int, jitter: Int = 0) {
        self.milliseconds = milliseconds
        self.jitter = jitter
    }

    /// Reads `MS`, `MS±JITTER` or `MS+-JITTER` (JITTER at most MS).
    public init?(parsing text: String) {
        let parts = text.replacingOccurrences(of: "+-", with: "±").split(separator: "±", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let ms = Int(parts[0].trimmingSpaces), ms >= 0 else { return nil }
        let jitter = parts.count == 2 ? Int(parts[1].trimmingSpaces) : 0
        guard let jitter, jitter >= 0, jitter <= ms else { return nil }
        self.init(milliseconds: ms, jitter: jitter)
    }

    /// The delay for one uniform draw of 64 random bits: `milliseconds` moved by up to `jitter` either way.
    func milliseconds(draw: UInt64) -> Int {
        jitter == 0 ? milliseconds : milliseconds + Int(draw % UInt64(2 * jitter + 1)) - jitter
    }
}

/// The kinds of call that take different times at HubSpot: reads are quick, search slower, writes slowest.
public enum CallKind: String, Sendable, CaseIterable {
    /// GET, batch reads and token introspection.
    case read
    /// `POST …/search`.
    case search
    /// Every other POST, PATCH, PUT and DELETE (batch writes included).
    case write

    /// The kind of a request by its method and path.
    public init(method: HTTPRequest.Method, path: String) {
        switch method {
        case .get, .head, .options: self = .read
        case .post where path.hasSuffix("/search"): self = .search
        case .post where path.hasSuffix("/read") || path.hasSuffix("/access-token-info"): self = .read
        default: self = .write
        }
    }
}

/// The delay added to each answer: one `LatencySpec` per kind of call, plus a cost per input of a batch
/// body, e.g. `read=250±80,search=400±150,write=900±300,per-record=5`.
public struct LatencyPlan: Sendable, Hashable {
    public var read: LatencySpec
    public var search: LatencySpec
    public var write: LatencySpec
    /// Milliseconds added per input of a batch body (`inputs`).
    public var perRecord: Int

    public static let none = LatencyPlan(.none)

    public init(read: LatencySpec, search: LatencySpec, write: LatencySpec, perRecord: Int = 0) {
        self.read = read
        self.search = search
        self.write = write
        self.perRecord = perRecord
    }

    /// The same delay for every kind of call.
    public init(_ every: LatencySpec, perRecord: Int = 0) {
        self.init(read: every, search: every, write: every, perRecord: perRecord)
    }

    /// Reads a comma-separated list of `SPEC` (every kind not named), `KIND=SPEC` (KIND read, search or
    /// write) and `per-record=MS`, where SPEC is `MS`, `MS±JITTER` or `MS+-JITTER`. `100` and `100±20` alone
    /// delay every answer alike.
    public init(parsing text: String) throws(SandboxConfigurationError) {
        var every: LatencySpec?
        var kinds: [CallKind: LatencySpec] = [:]
        var perRecord: Int?
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map(\.trimmingSpaces)
        guard items.contains(where: { !$0.isEmpty }) else {
            throw SandboxConfigurationError(message: "no delay given: use e.g. 100, 100±20 or read=250±80,search=400,write=900,per-record=5")
        }
        for item in items {
            guard !item.isEmpty else { throw SandboxConfigurationError(message: "an empty item in '\(text)': separate items with one comma") }
            guard let equals = item.firstIndex(of: "=") else {
                guard every == nil else { throw SandboxConfigurationError(message: "two delays for every kind ('\(item)'): name the kind, e.g. search=\(item)") }
                every = try Self.spec(item, for: "every call")
                continue
            }
            let name = item[..<equals].trimmingSpaces.lowercased()
            let value = item[item.index(after: equals)...].trimmingSpaces
            if name == "per-record" {
                guard perRecord == nil else { throw SandboxConfigurationError(message: "per-record is given twice") }
                guard let ms = Int(value), ms >= 0 else {
                    throw SandboxConfigurationError(message: "bad per-record cost '\(value)': use whole milliseconds, e.g. per-record=5")
                }
                perRecord = ms
            } else if let kind = CallKind(rawValue: name) {
                guard kinds[kind] == nil else { throw SandboxConfigurationError(message: "\(kind.rawValue) is given twice") }
                kinds[kind] = try Self.spec(value, for: kind.rawValue)
            } else {
                throw SandboxConfigurationError(message: "unknown kind of call '\(name)': use read, search, write or per-record")
            }
        }
        let base = every ?? .none
        self.init(read: kinds[.read] ?? base, search: kinds[.search] ?? base, write: kinds[.write] ?? base, perRecord: perRecord ?? 0)
    }

    private static func spec(_ text: String, for what: String) throws(SandboxConfigurationError) -> LatencySpec {
        guard let spec = LatencySpec(parsing: text) else {
            throw SandboxConfigurationError(message: "bad delay '\(text)' for \(what): use milliseconds MS or MS±JITTER with JITTER at most MS, e.g. 400±150")
        }
        return spec
    }

    /// The delay for a kind of call.
    public func spec(for kind: CallKind) -> LatencySpec {
        switch kind {
        case .read: read
        case .search: search
        case .write: write
        }
    }

    /// Whether no answer is ever delayed.
    public var isNone: Bool { self == .none }

    /// Milliseconds to hold an answer of `kind` whose body had `inputs` batch inputs, for one random draw.
    func milliseconds(for kind: CallKind, inputs: Int, draw: UInt64) -> Int {
        spec(for: kind).milliseconds(draw: draw) + perRecord * inputs
    }
}
