import Foundation
@testable import HubshShell
import JSONValue

/// A temporary file of given bytes for the readers' tests, read by one reader to its end or its error.
struct InputFile {
    let path: String

    init(_ bytes: [UInt8]) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("hubsh-input-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    init(_ text: String) throws { try self.init(Array(text.utf8)) }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// A cursor over the file.
    func cursor(_ encoding: InputEncoding = .utf8, limit: Int = TextCursor.defaultLimit, chunkSize: Int = 1 << 16) throws -> TextCursor {
        try TextCursor(path: path, encoding: encoding, limit: limit, chunkSize: chunkSize)
    }

    /// What the reader `make` gives over `bytes`: its values up to the end or the error that stopped it.
    static func read(_ bytes: [UInt8], encoding: InputEncoding = .utf8, limit: Int = TextCursor.defaultLimit, chunkSize: Int = 1 << 16,
                     with make: (TextCursor) -> any ValueReader) throws -> (values: [JSONValue], error: InputError?) {
        let file = try InputFile(bytes)
        defer { file.remove() }
        var reader = make(try file.cursor(encoding, limit: limit, chunkSize: chunkSize))
        var values: [JSONValue] = []
        do {
            while let value = try reader.next() { values.append(value) }
            return (values, nil)
        } catch {
            return (values, error)
        }
    }

    static func read(_ text: String, encoding: InputEncoding = .utf8, limit: Int = TextCursor.defaultLimit, chunkSize: Int = 1 << 16,
                     with make: (TextCursor) -> any ValueReader) throws -> (values: [JSONValue], error: InputError?) {
        try read(Array(text.utf8), encoding: encoding, limit: limit, chunkSize: chunkSize, with: make)
    }
}
