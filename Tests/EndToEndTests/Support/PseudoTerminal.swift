import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A program running on its own pseudo-terminal, for tests that type at the REPL and read what it prints.
///
/// Started with `openpty` + `posix_spawn` (forking a multi-threaded test runner is unsafe) in a new
/// session whose controlling terminal is the pseudo-terminal, with an empty signal mask and SIGINT (and
/// its kin) at their defaults, since the test runner's threads block or ignore them.
final class PseudoTerminal: @unchecked Sendable {
    /// How the program ended.
    enum Termination: Equatable, CustomStringConvertible {
        /// It exited with this status.
        case exited(Int32)
        /// A signal ended it.
        case signaled(Int32)

        var description: String {
            switch self {
            case .exited(let status): "exited with status \(status)"
            case .signaled(let signal): "ended by signal \(signal)"
            }
        }
    }

    /// The program's process id.
    let pid: pid_t
    private var master: Int32
    private var received: [UInt8] = []
    private var consumed = 0
    private var termination: Termination?

    /// Everything the program has printed so far (as far as it has been read).
    var transcript: String { String(decoding: received, as: UTF8.self) }

    /// Starts `executable` with `arguments` on a new `columns`×`rows` terminal. The environment is this
    /// process's (unless `inheritEnvironment` is false) with `environment` laid over it; `TERM` defaults to
    /// `xterm`.
    init(
        _ executable: String,
        _ arguments: [String] = [],
        environment: [String: String] = [:],
        inheritEnvironment: Bool = true,
        columns: UInt16 = 80,
        rows: UInt16 = 24
    ) throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else {
            throw PseudoTerminalError.system("openpty")
        }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        defer { systemClose(slave) }
        var nameBuffer = [CChar](repeating: 0, count: 256)
        guard ttyname_r(slave, &nameBuffer, nameBuffer.count) == 0 else {
            systemClose(master)
            throw PseudoTerminalError.system("ttyname_r")
        }
        let slaveName = String(decoding: nameBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opening the terminal after setsid (which posix_spawn does first) makes it the controlling one.
        posix_spawn_file_actions_addopen(&actions, 0, slaveName, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        Self.addCloseFrom(3, to: &actions)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGPIPE, SIGTSTP, SIGTTIN, SIGTTOU] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(Self.newSessionFlag | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var variables = inheritEnvironment ? ProcessInfo.processInfo.environment : [:]
        if variables["TERM"] == nil { variables["TERM"] = "xterm" }
        variables.merge(environment) { _, new in new }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard status == 0 else {
            systemClose(master)
            throw PseudoTerminalError.system("posix_spawn \(executable)", code: status)
        }
        self.pid = pid
        self.master = master
    }

    deinit {
        if termination == nil {
            kill(pid, SIGKILL)
            _ = try? wait(timeout: 5)
        }
        if master >= 0 { systemClose(master) }
    }

    /// Types `text` (use `\r` for Enter, as a terminal sends it).
    func write(_ text: String) throws {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes { systemWrite(master, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw PseudoTerminalError.system("write")
            }
            bytes = bytes.dropFirst(count)
        }
    }

    /// Presses Ctrl-C.
    func sendInterrupt() throws {
        try write("\u{3}")
    }

    /// Waits until `text` appears in the output printed since the previous match, and returns that output
    /// (everything read so far since the previous match). Throws ``PseudoTerminalError/timeout(waitingFor:received:)``
    /// with what was read when `text` does not appear within `timeout` seconds, or when the program closes
    /// the terminal first.
    @discardableResult
    func read(until text: String, timeout: Double = 10) throws -> String {
        let needle = Array(text.utf8)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let end = Self.find(needle, in: received, from: consumed) {
                let output = String(decoding: received[consumed...], as: UTF8.self)
                consumed = end
                return output
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0, try readAvailable(waitingAtMost: remaining) else {
                throw PseudoTerminalError.timeout(
                    waitingFor: text, received: String(decoding: received[consumed...], as: UTF8.self))
            }
        }
    }

    /// Closes the terminal (the program sees a hang-up).
    func close() {
        if master >= 0 {
            systemClose(master)
            master = -1
        }
    }

    /// Waits up to `timeout` seconds for the program to end (reading its output meanwhile, so it never
    /// blocks on a full terminal, and what it printed last); kills it and throws when it does not.
    @discardableResult
    func wait(timeout: Double = 10) throws -> Termination {
        if let termination { return termination }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                let termination = Self.termination(from: status)
                self.termination = termination
                // Collect what it printed last (the terminal keeps it after the program is gone).
                var rounds = 0
                while rounds < 100, (try? readAvailable(waitingAtMost: 0.05)) == true { rounds += 1 }
                return termination
            }
            if result < 0, errno != EINTR {
                throw PseudoTerminalError.system("waitpid")
            }
            if Date() >= deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                termination = .signaled(SIGKILL)
                throw PseudoTerminalError.timeout(waitingFor: "the program to end", received: transcript)
            }
            if master >= 0 {
                _ = try? readAvailable(waitingAtMost: 0.05)
            } else {
                usleep(20_000)
            }
        }
    }

    /// Reads what is available within `seconds`; false when the terminal is closed or nothing came.
    private func readAvailable(waitingAtMost seconds: Double) throws -> Bool {
        guard master >= 0 else { return false }
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(max(1, min(seconds, 1) * 1000)))
        if ready < 0 {
            if errno == EINTR { return true }
            throw PseudoTerminalError.system("poll")
        }
        if ready == 0 { return seconds > 1 }
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = systemRead(master, &chunk, chunk.count)
        if count > 0 {
            received.append(contentsOf: chunk[..<count])
            return true
        }
        if count < 0, errno == EINTR || errno == EAGAIN { return true }
        return false  // EIO: every copy of the terminal's other side is closed.
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty else { return start }
        guard haystack.count - start >= needle.count else { return nil }
        for index in start...(haystack.count - needle.count)
        where haystack[index] == needle[0] && haystack[index..<(index + needle.count)].elementsEqual(needle) {
            return index + needle.count
        }
        return nil
    }

    private static func termination(from status: Int32) -> Termination {
        let signal = status & 0x7F
        return signal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(signal)
    }

    /// `POSIX_SPAWN_SETSID`, which Swift's Glibc module does not export (a GNU extension).
    private static var newSessionFlag: Int32 {
        #if os(Linux)
        0x80
        #else
        POSIX_SPAWN_SETSID
        #endif
    }

    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32

    /// Keeps the test runner's other descriptors (say, another test's pipe) out of the child, where the
    /// C library offers `posix_spawn_file_actions_addclosefrom_np`.
    private static func addCloseFrom(_ lowest: Int32, to actions: inout posix_spawn_file_actions_t) {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else {
            return
        }
        let closeFrom = unsafeBitCast(symbol, to: CloseFrom.self)
        _ = closeFrom(&actions, lowest)
    }
}

/// Why a ``PseudoTerminal`` operation failed.
enum PseudoTerminalError: Error, CustomStringConvertible {
    /// The expected output did not come; `received` is what came instead.
    case timeout(waitingFor: String, received: String)
    /// A system call failed.
    case failed(String)

    static func system(_ call: String, code: Int32 = errno) -> PseudoTerminalError {
        .failed("\(call): \(String(cString: strerror(code)))")
    }

    var description: String {
        switch self {
        case .timeout(let expected, let received): "timed out waiting for \(expected.debugDescription); received \(received.debugDescription)"
        case .failed(let message): message
        }
    }
}

// The type's own `read`, `write` and `close` hide the C functions inside it.
private func systemClose(_ descriptor: Int32) { _ = close(descriptor) }
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int { write(descriptor, bytes, count) }
private func systemRead(_ descriptor: Int32, _ bytes: UnsafeMutableRawPointer?, _ count: Int) -> Int { read(descriptor, bytes, count) }
