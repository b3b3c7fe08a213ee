#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failure of the line editor or its history file; `description` is one line a person can act on.
public struct LineEditorError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What failed.
    public enum Kind: Equatable, Sendable {
        /// The terminal editor could not be set up.
        case cannotStart
        /// The history file could not be read or written.
        case historyFile(path: String)
    }

    /// What failed.
    public var kind: Kind
    /// Why, in words.
    public var message: String

    /// A failure of `kind` because of `message`.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// A failure of `kind` described by the current `errno`, prefixed by `action`.
    static func system(_ kind: Kind, _ action: String, errno code: Int32 = errno) -> LineEditorError {
        LineEditorError(kind, "\(action): \(String(cString: strerror(code)))")
    }

    /// `history file PATH: MESSAGE` or `line editor: MESSAGE`.
    public var description: String {
        switch kind {
        case .cannotStart: "line editor: \(message)"
        case .historyFile(let path): "history file \(path): \(message)"
        }
    }
}
