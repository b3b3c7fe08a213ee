import JSONValue

/// The inputs of a write that failed, as JSON Lines, ready to be fixed and piped back in. Inputs
/// whose outcome is unknown (HubSpot may have applied them) go to a file of their own beside it
/// (`rejects.ambiguous.jsonl`): piped back blindly they could be written twice. Each file is made only
/// when a first input goes to it, so a clean run leaves none behind; both are mode 0600 (they hold
/// people's data).
final class RejectFile: @unchecked Sendable {
    // Used only by the one iterator that delivers the write's results.
    let path: String
    /// Where the ambiguous inputs go.
    let ambiguousPath: String
    private var sink: FileSink?
    private var ambiguousSink: FileSink?

    init(path: String) {
        self.path = path
        ambiguousPath = RejectFile.ambiguousPath(for: path)
    }

    /// `rejects.jsonl` → `rejects.ambiguous.jsonl`; `rejects` → `rejects.ambiguous`.
    static func ambiguousPath(for path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return path + ".ambiguous" }
        let stem = path.dropLast(name.distance(from: dot, to: name.endIndex))
        return stem + ".ambiguous" + name[dot...]
    }

    func write(_ value: JSONValue) throws {
        if sink == nil { sink = try FileSink(path: path, append: false, private: true) }
        try sink?.write(value)
    }

    func writeAmbiguous(_ value: JSONValue) throws {
        if ambiguousSink == nil { ambiguousSink = try FileSink(path: ambiguousPath, append: false, private: true) }
        try ambiguousSink?.write(value)
    }

    func close() throws {
        try sink?.close()
        try ambiguousSink?.close()
        sink = nil
        ambiguousSink = nil
    }
}
