#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive advisory lock (`flock`) on a lock file, held while a shared file is read, changed and
/// written back, so several hubsh processes (or stores in one process) do not lose each other's changes.
/// The lock file is made (mode 0600) when missing and left in place; its contents are never used.
public enum FileLock {
    /// Runs `body` holding the lock on `path`, waiting for it first. When the lock file cannot be opened
    /// or locked, `failure` makes the error (it is given the system's reason) and `body` does not run.
    public static func withLock<Result, Failure: Error>(
        _ path: String, failure: (String) -> Failure, _ body: () throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw failure(String(cString: strerror(errno))) }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            throw failure(String(cString: strerror(errno)))
        }
        // Closing the descriptor (deferred above) releases the lock, also when `body` throws.
        return try body()
    }
}
