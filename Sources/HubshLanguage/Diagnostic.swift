/// A problem found in source text: what is wrong, where, and how to fix it.
///
/// Messages are one line and say what and where (`expected a value after '>='`); the range points at the
/// offending text so that ``DiagnosticRenderer`` can underline it.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable {
        /// The text cannot run.
        case error
        /// The text runs, but probably not as meant.
        case warning
        /// Extra information attached to another diagnostic.
        case note
    }

    /// One line saying what is wrong, without the location.
    public var message: String
    /// The text the message is about; always inside the source text.
    public var range: SourceRange
    /// How serious the problem is.
    public var severity: Severity
    /// An optional hint shown under the caret, e.g. `did you mean 'search'?`.
    public var suggestion: String?

    /// A diagnostic saying `message` about `range`.
    public init(_ message: String, at range: SourceRange, severity: Severity = .error, suggestion: String? = nil) {
        self.message = message
        self.range = range
        self.severity = severity
        self.suggestion = suggestion
    }

    /// The message, with the suggestion after it if there is one.
    public var description: String {
        guard let suggestion else { return message }
        return "\(message) (\(suggestion))"
    }
}
