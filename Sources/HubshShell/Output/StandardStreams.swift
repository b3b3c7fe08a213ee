#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LineEditor

/// Writes to standard output and standard error without trapping when the reader has gone: when
/// `hubsh … | head` closes the pipe, hubsh stops quietly, as `cat` does.
public enum StandardStreams {
    /// Makes a closed pipe an error to handle rather than a signal that kills the process.
    public static func ignoreBrokenPipes() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Writes `text` to standard output; exits quietly when the reader has gone.
    public static func output(_ text: String) {
        if !Descriptor.writeAll(text.utf8, to: STDOUT_FILENO) { exit(0) }
    }

    /// Writes `text` to standard error.
    public static func error(_ text: String) {
        _ = Descriptor.writeAll(text.utf8, to: STDERR_FILENO)
    }
}
