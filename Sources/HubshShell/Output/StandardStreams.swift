#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to standard output and standard error without trapping when the reader has gone: when
/// `hubsh … | head` closes the pipe, hubsh stops quietly, as `cat` does.
public enum StandardStreams {
    /// Makes a closed pipe an error to handle rather than a signal that kills the process.
    public static func ignoreBrokenPipes() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Writes `text` to standard output; exits quietly when the reader has gone.
    public static func output(_ text: String) {
        if !write(text, to: STDOUT_FILENO) { exit(0) }
    }

    /// Writes `text` to standard error.
    public static func error(_ text: String) {
        _ = write(text, to: STDERR_FILENO)
    }

    /// Whether every byte was written.
    private static func write(_ text: String, to descriptor: Int32) -> Bool {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { buffer in
                #if canImport(Glibc)
                Glibc.write(descriptor, buffer.baseAddress, buffer.count)
                #else
                Darwin.write(descriptor, buffer.baseAddress, buffer.count)
                #endif
            }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            bytes = bytes.dropFirst(written)
        }
        return true
    }
}
