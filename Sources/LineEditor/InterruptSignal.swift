import CLibEdit
import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C while a command runs: a SIGINT handler that records the press instead of ending the process.
///
/// After ``install()``, each SIGINT sets a pending flag (read with ``isPending``, taken with ``consume()``)
/// and is delivered to every ``interrupts()`` stream, so a running command can be cancelled. The handler
/// has no `SA_RESTART`, so a blocking read returns `EINTR` and can notice the interrupt. While a
/// ``LineEditor`` reads, Ctrl-C is a key (it cancels the line) and raises no signal.
public final class InterruptSignal: @unchecked Sendable {
    /// The process's one SIGINT handler.
    public static let shared = InterruptSignal()

    /// Set by the C handler; never freed, as the handler may run at any time.
    private let flag: UnsafeMutablePointer<Int32>
    private let state = Locked(State())

    private struct State {
        /// The pipe end the handler writes to, once installed.
        var wakeDescriptor: Int32?
        var source: (any DispatchSourceRead)?
        var continuations: [Int: AsyncStream<Void>.Continuation] = [:]
        var nextID = 0
    }

    private init() {
        flag = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        flag.initialize(to: 0)
    }

    /// Installs the handler (once; later calls only unblock SIGINT in the calling thread).
    public func install() throws(LineEditorError) {
        let failure: LineEditorError? = state.withLock { state in
            if let wakeDescriptor = state.wakeDescriptor {
                return hubsh_interrupt_install(flag, wakeDescriptor) == 0 ? nil : .system(.cannotStart, "cannot handle Ctrl-C")
            }
            var fds: [Int32] = [-1, -1]
            guard pipe(&fds) == 0 else { return .system(.cannotStart, "cannot handle Ctrl-C") }
            for fd in fds {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
            let source = DispatchSource.makeReadSource(fileDescriptor: fds[0], queue: DispatchQueue(label: "hubsh.interrupt"))
            let readEnd = fds[0]
            source.setEventHandler { [weak self] in
                var bytes = [UInt8](repeating: 0, count: 64)
                while read(readEnd, &bytes, bytes.count) > 0 {}
                self?.deliver()
            }
            source.resume()
            state.source = source
            guard hubsh_interrupt_install(flag, fds[1]) == 0 else {
                return .system(.cannotStart, "cannot handle Ctrl-C")
            }
            state.wakeDescriptor = fds[1]
            return nil
        }
        if let failure { throw failure }
    }

    /// Whether Ctrl-C was pressed since the last ``consume()``.
    public var isPending: Bool { hubsh_atomic_load(flag) != 0 }

    /// Clears the pending flag; returns whether it was set. Call it before running a command so that an
    /// old press does not cancel it.
    @discardableResult
    public func consume() -> Bool {
        hubsh_atomic_exchange(flag, 0) != 0
    }

    /// A stream that yields once per SIGINT received after this call; it ends when its consumer stops
    /// iterating.
    public func interrupts() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = state.withLock { state in
            state.nextID += 1
            state.continuations[state.nextID] = continuation
            return state.nextID
        }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { state in _ = state.continuations.removeValue(forKey: id) }
        }
        return stream
    }

    private func deliver() {
        let continuations = state.withLock { Array($0.continuations.values) }
        for continuation in continuations {
            continuation.yield()
        }
    }
}
