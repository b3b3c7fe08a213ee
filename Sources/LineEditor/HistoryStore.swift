import CLibEdit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The statements a session remembers: a libedit history list (what Up-arrow recalls) kept in a file
/// that only its owner can read (mode 0600), rewritten after every new entry.
///
/// A statement that starts with a space, or that the `isSecret` predicate flags, is never recorded;
/// trailing blanks (such as the space completion inserts) are trimmed; a repeat of the newest entry is
/// not added again. The file is libedit's own format, not GNU readline's.
public final class HistoryStore {
    /// The history file, or nil for a history kept in memory only.
    public let path: String?
    /// The most entries kept; older ones are dropped.
    public let capacity: Int
    /// The last failure to write the file, cleared by the next successful write; the session goes on.
    public private(set) var lastSaveError: LineEditorError?

    private let isSecret: (String) -> Bool
    /// libedit's `History *`.
    let handle: OpaquePointer

    /// A history of at most `capacity` entries kept in `path` (nil: memory only); nothing is read until
    /// ``load()``. `isSecret` flags statements that must never be stored (e.g. ones holding a token).
    public init(path: String? = nil, capacity: Int = 1000, isSecret: @escaping (String) -> Bool = { _ in false }) {
        self.path = path
        self.capacity = max(1, capacity)
        self.isSecret = isSecret
        guard let handle = history_init() else {
            fatalError("libedit could not allocate a history list")
        }
        self.handle = handle
        _ = hubsh_history_set_size(handle, Int32(clamping: self.capacity))
        _ = hubsh_history_set_unique(handle, 1)
    }

    deinit {
        history_end(handle)
    }

    /// The text to record for `statement`, or nil when it must not be recorded: empty, starting with a
    /// space, or secret. Trailing blanks and newlines are trimmed.
    public static func entry(for statement: String, isSecret: (String) -> Bool) -> String? {
        guard statement.unicodeScalars.first != " " else { return nil }
        var scalars = Substring(statement).unicodeScalars
        while let last = scalars.last, last == " " || last == "\t" || last == "\n" || last == "\r" {
            scalars.removeLast()
        }
        let trimmed = String(scalars)
        guard !trimmed.isEmpty, !isSecret(trimmed) else { return nil }
        return trimmed
    }

    /// Records `statement` (see ``entry(for:isSecret:)``) and rewrites the file; returns whether it was
    /// recorded. A write failure is kept in ``lastSaveError``.
    @discardableResult
    public func add(_ statement: String) -> Bool {
        guard let entry = Self.entry(for: statement, isSecret: isSecret) else { return false }
        guard hubsh_history_enter(handle, entry) >= 0 else { return false }
        do {
            try save()
            lastSaveError = nil
        } catch {
            lastSaveError = error
        }
        return true
    }

    /// The entries, oldest first.
    public var entries: [String] {
        var result: [String] = []
        var entry = hubsh_history_step(handle, H_LAST)
        while let text = entry {
            result.append(String(cString: text))
            entry = hubsh_history_step(handle, H_PREV)
        }
        return result
    }

    /// Forgets every entry (the file is rewritten by the next ``add(_:)`` or ``save()``).
    public func clear() {
        _ = hubsh_history_clear(handle)
    }

    /// Adds the entries of the file to the list; a missing file is an empty history. A file readable by
    /// others is made private (0600) first.
    public func load() throws(LineEditorError) {
        guard let path else { return }
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return }
            throw LineEditorError.system(.historyFile(path: path), "cannot read it")
        }
        if info.st_mode & 0o077 != 0, chmod(path, 0o600) != 0 {
            throw LineEditorError.system(.historyFile(path: path), "cannot make it private")
        }
        guard hubsh_history_load(handle, path) >= 0 else {
            throw LineEditorError(.historyFile(path: path), "not a history file this version can read")
        }
    }

    /// Writes every entry to the file (mode 0600), replacing it atomically; creates missing parent
    /// directories with mode 0700.
    public func save() throws(LineEditorError) {
        guard let path else { return }
        let kind = LineEditorError.Kind.historyFile(path: path)
        try Self.createParentDirectories(of: path, kind: kind)
        let temporary = "\(path).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            throw LineEditorError.system(kind, "cannot write it")
        }
        guard fchmod(descriptor, 0o600) == 0, let file = fdopen(descriptor, "w") else {
            let error = LineEditorError.system(kind, "cannot write it")
            close(descriptor)
            unlink(temporary)
            throw error
        }
        let written = hubsh_history_save_fp(handle, file)
        let closed = fclose(file)
        guard written >= 0, closed == 0 else {
            unlink(temporary)
            throw LineEditorError(kind, "cannot write it")
        }
        guard rename(temporary, path) == 0 else {
            let error = LineEditorError.system(kind, "cannot replace it")
            unlink(temporary)
            throw error
        }
    }

    private static func createParentDirectories(of path: String, kind: LineEditorError.Kind) throws(LineEditorError) {
        let components = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        var directory = ""
        for (index, component) in components.enumerated() {
            directory += index == 0 ? String(component) : "/\(component)"
            guard !component.isEmpty, component != "." else { continue }
            if mkdir(directory, 0o700) != 0, errno != EEXIST {
                throw LineEditorError.system(kind, "cannot create \(directory)")
            }
        }
    }
}
