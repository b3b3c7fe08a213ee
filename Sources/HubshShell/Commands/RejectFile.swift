import JSONValue

/// The inputs of a write that failed, as JSON Lines, ready to be fixed and piped back in. The file
/// is made only when a first input fails, so a clean run leaves none behind; it is mode 0600 (it holds
/// people's data).
final class RejectFile: @unchecked Sendable {
    // Used only by the one iterator that delivers the write's results.
    private let path: String
    private var sink: FileSink?

    init(path: String) { self.path = path }

    func write(_ value: JSONValue) throws {
        if sink == nil { sink = try FileSink(path: path, append: false, private: true) }
        try sink?.write(value)
    }

    func close() throws {
        try sink?.close()
        sink = nil
    }
}
