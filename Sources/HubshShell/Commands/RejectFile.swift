import Foundation
import JSONValue

/// The inputs of a write that failed, as JSON Lines, ready to be fixed and piped back in.
final class RejectFile: @unchecked Sendable {
    // Written only by the one iterator that delivers the write's results.
    private let path: String
    private var handle: FileHandle?

    init(path: String) { self.path = path }

    func write(_ value: JSONValue) throws {
        if handle == nil {
            FileManager.default.createFile(atPath: path, contents: nil)
            guard let opened = FileHandle(forWritingAtPath: path) else { throw RejectFileError(path: path) }
            handle = opened
        }
        handle?.write(Data((value.jsonString + "\n").utf8))
    }

    func close() throws {
        try handle?.close()
        handle = nil
    }
}

struct RejectFileError: Error, CustomStringConvertible {
    let path: String
    var description: String { "cannot write the reject file \(path)" }
}
