import Foundation
import JSONValue

/// Why a state file could not be read or written.
public struct StateFileError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Saving the whole account to a file and loading it back (`hubsh sandbox --state FILE`).
enum StateFile {
    /// The account in `path`, or `nil` when there is no such file.
    static func load(_ path: String) async throws -> SandboxStore? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw StateFileError(message: "cannot read state file \(path): \(error.localizedDescription)")
        }
        let snapshot: JSONValue
        do { snapshot = try JSONValue(parsing: data) } catch {
            throw StateFileError(message: "state file \(path) is not valid JSON: \(error)")
        }
        let store = SandboxStore()
        do { try await store.restore(snapshot) } catch {
            throw StateFileError(message: "state file \(path): \(error.message)")
        }
        return store
    }

    /// Writes the account to a temporary file beside `path`, then renames it over `path`, so a crash
    /// never leaves half a file. The file is mode 0600 (owner only): it holds the account's people.
    static func save(_ store: SandboxStore, to path: String) async throws {
        let bytes = await store.snapshot().jsonBytes
        let temporary = path + ".tmp-\(getpid())"
        do {
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else {
                throw StateFileError(message: "cannot write state file \(path): \(String(cString: strerror(errno)))")
            }
            let file = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            // The umask can only take bits away; an existing temporary file keeps its mode, so set it.
            guard fchmod(descriptor, 0o600) == 0 else {
                let error = StateFileError(message: "cannot make state file \(path) private: \(String(cString: strerror(errno)))")
                try? file.close()
                try? FileManager.default.removeItem(atPath: temporary)
                throw error
            }
            try file.write(contentsOf: bytes)
            try file.close()
            guard rename(temporary, path) == 0 else {
                throw StateFileError(message: "cannot move \(temporary) to \(path): \(String(cString: strerror(errno)))")
            }
        } catch let error as StateFileError {
            throw error
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw StateFileError(message: "cannot write state file \(path): \(error.localizedDescription)")
        }
    }
}
