import Testing
import LineEditor

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C while a command runs. Serialized: the handler and its flag are the process's.
@Suite(.serialized)
struct InterruptSignalTests {
    @Test func aSIGINTIsRecordedInsteadOfEndingTheProcess() throws {
        let signal = InterruptSignal.shared
        try signal.install()
        signal.consume()
        #expect(!signal.isPending)
        // install() unblocked SIGINT in this thread, so raise() runs the handler before it returns.
        raise(SIGINT)
        #expect(signal.isPending)
        #expect(signal.consume())
        #expect(!signal.consume())
    }

    @Test func aSIGINTReachesEveryStream() async throws {
        let signal = InterruptSignal.shared
        let first = signal.interrupts()
        let second = signal.interrupts()
        try signal.install()
        raise(SIGINT)
        signal.consume()
        #expect(try await nextEvent(of: first))
        #expect(try await nextEvent(of: second))
    }

    /// Whether `stream` yields within five seconds.
    private func nextEvent(of stream: AsyncStream<Void>) async throws -> Bool {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                var iterator = stream.makeAsyncIterator()
                return await iterator.next() != nil
            }
            group.addTask {
                try await Task.sleep(for: .seconds(5))
                return false
            }
            let first = try await group.next() ?? false
            group.cancelAll()
            return first
        }
    }
}
