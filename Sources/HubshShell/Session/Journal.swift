#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import HubSpotAPI
import JSONValue
import LineEditor
import Synchronization

/// The write-ahead journal: one JSON Lines file per write operation, `op-000007.jsonl` in
/// `$XDG_STATE_HOME/hubsh/journal/` (else `~/.local/state/hubsh/journal/`), mode 0600 in a 0700 folder.
/// Its first line is the operation's header; entries follow as batches go out and come back, each
/// batch's lines synced to disk before the next, so a crash leaves what was sent (docs/shell.md).
public struct Journal: Sendable {
    /// The folder.
    public let folder: String

    public init(folder: String) { self.folder = folder }

    /// The journal the XDG rules pick for this environment; nil when no home folder is known.
    public static func standard(environment: [String: String]) -> Journal? {
        ConfigDirectory.state(environment: environment).map { Journal(folder: $0.path(of: "journal")) }
    }

    /// The file of operation `op`.
    func path(of op: Int) -> String {
        let digits = String(op)
        return folder + "/op-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits + ".jsonl"
    }

    /// The operation numbers on file, ascending.
    public func operations() -> [Int] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var ops: [Int] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
            guard name.hasPrefix("op-"), name.hasSuffix(".jsonl"), let op = Int(name.dropFirst(3).dropLast(6)) else { continue }
            ops.append(op)
        }
        return ops.sorted()
    }

    /// Starts the journal of a new operation: numbers it (one past the highest on file), writes its
    /// header and syncs it. Fails, before anything is sent, when the folder cannot be written.
    public func begin(_ header: JournalHeader) throws(HubSpotAPIError) -> JournalWriter {
        try ConfigDirectory(path: folder).create()
        var header = header
        var op = (operations().last ?? 0) + 1
        while true {
            header.op = op
            let descriptor = open(path(of: op), O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if descriptor >= 0 {
                _ = fchmod(descriptor, 0o600)
                let writer = JournalWriter(header: header, descriptor: descriptor, path: path(of: op))
                try writer.write([header.json])
                return writer
            }
            // Another session took this number first.
            guard errno == EEXIST else { throw JournalWriter.failure("could not start the journal \(path(of: op))") }
            op += 1
        }
    }

    /// Operation `op`'s journal as recorded: its header and entries (lines this version cannot read are
    /// skipped; a line cut by a crash ends the file).
    public func read(_ op: Int) throws(HubSpotAPIError) -> JournalRecord {
        guard let bytes = try ConfigDirectory(path: folder).read(String(path(of: op).dropFirst(folder.count + 1))) else {
            throw HubSpotAPIError(.invalidRequest, "there is no operation \(op) in the journal")
        }
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").makeIterator()
        guard let first = lines.next(), let header = (try? JSONValue(parsing: String(first))).flatMap(JournalHeader.init(json:)) else {
            throw HubSpotAPIError(.invalidRequest, "the journal of operation \(op) has no header (\(path(of: op)))")
        }
        var entries: [JournalEntry] = []
        while let line = lines.next() {
            guard let json = try? JSONValue(parsing: String(line)) else { break }
            if let entry = JournalEntry(json: json) { entries.append(entry) }
        }
        return JournalRecord(header: header, entries: entries)
    }

    /// Operation `op`'s header and, when it ended, its end line, from the file's first and last lines
    /// only (a journal of a large job is long); nil when the file has no header.
    public func summary(_ op: Int) -> JournalSummary? {
        let descriptor = open(path(of: op), O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        func bytes(from offset: Int, count: Int) -> [UInt8] {
            var buffer = [UInt8](repeating: 0, count: count)
            let read = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, off_t(offset)) }
            return Array(buffer.prefix(max(0, read)))
        }
        let window = 64 * 1024
        let head = bytes(from: 0, count: window)
        guard let firstEnd = head.firstIndex(of: UInt8(ascii: "\n")),
              let header = (try? JSONValue(parsing: String(decoding: head[..<firstEnd], as: UTF8.self))).flatMap(JournalHeader.init(json:)) else {
            return nil
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return JournalSummary(header: header, end: nil) }
        let size = Int(info.st_size)
        let tail = bytes(from: max(0, size - 4096), count: min(size, 4096))
        let lines = tail.split(separator: UInt8(ascii: "\n"))
        var end: JournalEntry?
        if let last = lines.last, let json = try? JSONValue(parsing: String(decoding: last, as: UTF8.self)),
           let entry = JournalEntry(json: json), case .end = entry {
            end = entry
        }
        return JournalSummary(header: header, end: end)
    }

    /// Operations undone, each with the undo that did it: an undo counts once it wrote something, or
    /// was interrupted (then it may have).
    public static func undone(in summaries: [JournalSummary]) -> [Int: Int] {
        var undone: [Int: Int] = [:]
        for summary in summaries {
            guard let target = summary.header.undoOf else { continue }
            if case .end(let written, _)? = summary.end, written == 0 { continue }
            undone[target] = summary.header.op
        }
        return undone
    }

    /// Removes the journals last written more than `days` days before `now` (epoch seconds); returns
    /// how many went.
    @discardableResult
    public func prune(olderThan days: Int, now: Int = Int(time(nil))) -> Int {
        var removed = 0
        for op in operations() {
            guard let stamp = FileStamp(path: path(of: op)), now - Int(stamp.modified / 1_000_000_000) > days * 86_400 else { continue }
            if unlink(path(of: op)) == 0 { removed += 1 }
        }
        return removed
    }
}

/// An operation as `journal` lists it: its header and its end line, if it ended.
public struct JournalSummary: Sendable {
    public var header: JournalHeader
    public var end: JournalEntry?
}

/// A journal as read back.
public struct JournalRecord: Sendable {
    public var header: JournalHeader
    public var entries: [JournalEntry]

    /// Whether the operation ended; a journal without its end line was interrupted.
    public var isComplete: Bool {
        entries.contains { if case .end = $0 { true } else { false } }
    }
}

/// Appends one operation's entries, each batch synced before the call returns. Chunks journalled in
/// parallel append one at a time.
public final class JournalWriter: Sendable {
    public let header: JournalHeader
    /// The open file; -1 once finished.
    private let descriptor: Mutex<Int32>
    private let path: String

    init(header: JournalHeader, descriptor: Int32, path: String) {
        self.header = header
        self.descriptor = Mutex(descriptor)
        self.path = path
    }

    deinit { descriptor.withLock { if $0 >= 0 { close($0) } } }

    /// Appends `entries` and syncs them to disk.
    public func append(_ entries: [JournalEntry]) throws(HubSpotAPIError) {
        try write(entries.map(\.json))
    }

    /// Appends the end line and closes the file.
    public func finish(written: Int, failed: Int) throws(HubSpotAPIError) {
        try append([.end(written: written, failed: failed)])
        descriptor.withLock { descriptor in
            close(descriptor)
            descriptor = -1
        }
    }

    fileprivate func write(_ lines: [JSONValue]) throws(HubSpotAPIError) {
        guard !lines.isEmpty else { return }
        let bytes = Array(lines.map { $0.jsonString + "\n" }.joined().utf8)
        let path = path
        let failure: HubSpotAPIError? = descriptor.withLock { descriptor in
            guard descriptor >= 0 else { return Self.failure("the journal \(path) is already closed") }
            guard Descriptor.writeAll(bytes, to: descriptor) else { return Self.failure("could not write the journal \(path)") }
            return fsync(descriptor) == 0 ? nil : Self.failure("could not write the journal \(path)")
        }
        if let failure { throw failure }
    }

    static func failure(_ what: String) -> HubSpotAPIError {
        HubSpotAPIError(.invalidRequest, "\(what): \(String(cString: strerror(errno)))")
    }
}
