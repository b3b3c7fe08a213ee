import Foundation

/// One line on standard error that shows how a long statement is getting on, drawn over itself.
/// Whatever else is written to the terminal clears it first (the host routes output through
/// ``clear()``), and a question at the terminal pauses it.
public final class ProgressLine: @unchecked Sendable {
    // `shown` and `pauses` are read and written under `lock`.
    private let lock = NSLock()
    private var shown = false
    private var pauses = 0
    private let write: @Sendable (String) -> Void
    /// How long a statement runs before its progress appears: short ones show none.
    public let delay: Duration
    /// How often the line is drawn again.
    public let interval: Duration
    /// The terminal's width; a longer line is cut.
    public let width: Int

    public init(delay: Duration = .seconds(1), interval: Duration = .milliseconds(250), width: Int = 80,
                write: @escaping @Sendable (String) -> Void) {
        self.delay = delay
        self.interval = interval
        self.width = width
        self.write = write
    }

    /// Draws `text` over the line, cut to the width (unless paused).
    public func show(_ text: String) {
        let cut = text.count < width ? text : String(text.prefix(max(0, width - 2))) + "…"
        lock.withLock {
            guard pauses == 0 else { return }
            write("\r" + cut + "\u{1B}[K")
            shown = true
        }
    }

    /// Clears the line when it is shown.
    public func clear() {
        lock.withLock {
            guard shown else { return }
            write("\r\u{1B}[K")
            shown = false
        }
    }

    /// Runs `body` with the line cleared and not drawn (a yes/no question at the terminal).
    public func paused<T>(_ body: () async -> T) async -> T {
        lock.withLock { pauses += 1 }
        clear()
        defer { lock.withLock { pauses -= 1 } }
        return await body()
    }

    /// Clears the line and draws nothing until `resume()` (a pager owns the screen meanwhile).
    public func pause() {
        lock.withLock { pauses += 1 }
        clear()
    }

    /// Draws again after `pause()`.
    public func resume() {
        lock.withLock { pauses = max(0, pauses - 1) }
    }

    /// `line 3: 12,400 read · 1,198 done · 2 failed · 14 s`.
    public static func text(line: Int, read: Int, done: Int, failed: Int, inFlight: Int? = nil, phase: String? = nil, elapsed: Duration) -> String {
        var parts = ["line \(line):"]
        if let phase { parts.append(phase) }
        if read > 0 { parts.append("\(grouped(read)) read") }
        if done > 0 || failed > 0 { parts.append("\(grouped(done)) done") }
        if failed > 0 { parts.append("\(grouped(failed)) failed") }
        if let inFlight { parts.append("\(inFlight) in flight") }
        parts.append("\(elapsed.components.seconds) s")
        return parts[0] + " " + parts.dropFirst().joined(separator: " · ")
    }

    /// `12400` as `12,400`.
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number.magnitude))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return (number < 0 ? "-" : "") + text
    }
}
