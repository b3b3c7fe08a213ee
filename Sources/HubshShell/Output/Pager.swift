import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LineEditor

/// `$PAGER` (else `less -SFRX`, as psql does), run with `/bin/sh -c` on the terminal hubsh runs on,
/// fed what hubsh would have printed. When the person quits it early, the rest is dropped.
public final class Pager: @unchecked Sendable {
    // Used by one statement at a time, like the output that starts it.
    private let pid: pid_t
    private var input: Int32
    /// Whether the pager stopped reading (it was quit).
    private var closed = false

    /// The pager's command line: `$PAGER` when set (an empty one turns paging off), else `less -SFRX`;
    /// nil when its program is not on the `PATH`.
    public static func command(environment: [String: String]) -> String? {
        let command = environment["PAGER"] ?? "less -SFRX"
        guard let program = command.split(separator: " ").first.map(String.init) else { return nil }
        if program.contains("/") { return access(program, X_OK) == 0 ? command : nil }
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { access("\($0)/\(program)", X_OK) == 0 } ? command : nil
    }

    /// Starts `command`; nil when it cannot be started.
    public init?(command: String) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, ends[0], 0)
        posix_spawn_file_actions_addclose(&actions, ends[0])
        let words: [String] = ["/bin/sh", "-c", command]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, envp)
        close(ends[0])
        guard status == 0 else {
            close(ends[1])
            return nil
        }
        self.pid = pid
        input = ends[1]
    }

    /// Hands `text` to the pager; false once it has stopped reading.
    @discardableResult
    public func write(_ text: String) -> Bool {
        guard !closed else { return false }
        if !Descriptor.writeAll(text.utf8, to: input) { closed = true }
        return !closed
    }

    /// Ends the pager's input and waits until the person leaves it.
    public func finish() {
        if input >= 0 {
            close(input)
            input = -1
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    }
}
