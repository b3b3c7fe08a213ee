import Foundation
import JSONValue

/// The file lines of the inputs a bulk writer has taken and not yet answered, by input index: the
/// writer yields one result per input, in order, and each result takes its line back.
final class PendingLines: @unchecked Sendable {
    // Filled by the writer's input iterator and emptied by its result iterator; the lock is for
    // iterators driven from different tasks.
    private let lock = NSLock()
    private var lines: [Int: Int] = [:]

    func note(_ line: Int, index: Int) { lock.withLock { lines[index] = line } }

    func take(_ index: Int) -> Int? { lock.withLock { lines.removeValue(forKey: index) } }

    /// Inputs whose records already held every value written (known from the journal's read).
    private var unchanged: Set<Int> = []

    func noteUnchanged(index: Int) { _ = lock.withLock { unchanged.insert(index) } }

    func takeUnchanged(_ index: Int) -> Bool { lock.withLock { unchanged.remove(index) != nil } }

    /// Rows of inputs not sent (`--if-unchanged`: changed since read), each with the index of the
    /// input sent after it, to report in their place.
    private var skipped: [(row: JSONValue, before: Int)] = []

    func noteSkipped(_ row: JSONValue, before index: Int) { lock.withLock { skipped.append((row, index)) } }

    /// The next row not sent that came before input `index` (any, when nil: the results ended).
    func takeSkipped(before index: Int?) -> JSONValue? {
        lock.withLock { () -> JSONValue? in
            guard let first = skipped.first, index.map({ first.before <= $0 }) ?? true else { return Optional.none }
            return skipped.removeFirst().row
        }
    }
}
