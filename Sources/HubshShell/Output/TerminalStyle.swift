import HubshLanguage

/// ANSI styling for text shown at a terminal, or none: colour is used only on a terminal, never when
/// `NO_COLOR` is set to anything (no-color.org) or `TERM` is `dumb`, and not after `set color off`.
public struct TerminalStyle: Sendable, Hashable {
    /// Whether escapes are written.
    public let enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }

    /// No styling.
    public static let plain = TerminalStyle(enabled: false)

    /// Whether a stream may be coloured, before the session's `color` setting is asked.
    public static func allowed(isTerminal: Bool, environment: [String: String]) -> Bool {
        guard isTerminal else { return false }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func red(_ text: String) -> String { wrap(text, "31") }
    public func green(_ text: String) -> String { wrap(text, "32") }
    public func dim(_ text: String) -> String { wrap(text, "2") }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

extension TerminalStyle {
    /// Diagnostics in this style: the place bold, the problem red, the suggestion green.
    public var diagnosticHighlight: DiagnosticRenderer.Highlight {
        let style = self
        return DiagnosticRenderer.Highlight(place: { style.bold($0) }, problem: { style.red($0) }, suggestion: { style.green($0) })
    }
}
