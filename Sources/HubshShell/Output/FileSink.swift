import Foundation
import HubSpotAPI
import JSONValue
import LineEditor

/// Where `> file` and `>> file` send the values that reach the end of a pipeline: strings are
/// written as they are, a line each (what `to csv` and the like produce); other values as JSON
/// Lines. Writes are buffered; `close()` flushes and reports any failure. A file it makes is mode 0600
/// (owner only): what it holds is usually people's data.
public final class FileSink: @unchecked Sendable {
    // Every access to the descriptor and the buffer holds `lock`.
    private let lock = NSLock()
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    /// The file written to.
    public let path: String

    /// Opens `path`, creating it (0600) when missing: replaced (`>`) or, with `append`, added to (`>>`).
    /// `private` makes an existing file 0600 too (hubsh's own files: reject files, `save` scripts).
    public init(path: String, append: Bool, private: Bool = false) throws {
        self.path = path
        descriptor = Foundation.open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC), 0o600)
        guard descriptor >= 0 else { throw Self.failure("cannot write \(path)") }
        if `private`, fchmod(descriptor, 0o600) != 0 {
            let error = Self.failure("cannot make \(path) private")
            Foundation.close(descriptor)
            descriptor = -1
            throw error
        }
    }

    deinit {
        if descriptor >= 0 { _ = try? flush(); Foundation.close(descriptor) }
    }

    /// Writes one value: a string raw, anything else as compact JSON; then a line break.
    public func write(_ value: JSONValue) throws {
        try lock.withLock {
            guard descriptor >= 0 else { throw HubSpotAPIError(.invalidRequest, "\(path) is already closed") }
            if case .string(let text) = value { buffer.append(contentsOf: text.utf8) } else { value.write(to: &buffer) }
            buffer.append(0x0A)
            if buffer.count >= 1 << 16 { try flush() }
        }
    }

    /// Writes what is buffered and closes the file; closing again does nothing.
    public func close() throws {
        try lock.withLock {
            guard descriptor >= 0 else { return }
            defer {
                Foundation.close(descriptor)
                descriptor = -1
            }
            try flush()
        }
    }

    /// Writes the buffer out (the caller holds the lock).
    private func flush() throws {
        guard Descriptor.writeAll(buffer, to: descriptor) else { throw Self.failure("cannot write \(path)") }
        buffer.removeAll(keepingCapacity: true)
    }

    private static func failure(_ what: String) -> HubSpotAPIError {
        HubSpotAPIError(.invalidRequest, "\(what): \(String(cString: strerror(errno)))")
    }
}
