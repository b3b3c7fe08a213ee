import Foundation
import JSONValue

/// The file line of the value `open` handed on last, so that a write can name the line of each input
/// that came from a file. A write asks as it pulls each input: in a pipeline that streams
/// (`open | where | update`) the value it gets is the one `open` read last; a value that changed or
/// was reordered on its way (`set`, `sort`) is not the one held here, and gets no line.
final class InputLines: @unchecked Sendable {
    // Noted by `open`'s iterator and read by the write after it, one pull at a time; the lock is for
    // streams handed between tasks.
    private let lock = NSLock()
    private var last: (value: JSONValue, line: Int)?

    func note(_ value: JSONValue, line: Int?) {
        lock.withLock { last = line.map { (value, $0) } }
    }

    /// The line of `value` when it is the value `open` read last.
    func line(of value: JSONValue) -> Int? {
        lock.withLock {
            guard let last, last.value == value else { return nil }
            return last.line
        }
    }
}
