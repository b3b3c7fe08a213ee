import JSONValue

/// An export of the Exports API (docs/sandbox.md, "Exports and imports"): the CSV is made when the
/// export starts; its status is PROCESSING at the first status read and COMPLETE from the second.
struct ExportJob: Sendable {
    let id: Int
    let requestedAt: Timestamp
    /// The file: a header of the properties' labels ("Record ID" first), one row per record.
    let csv: String
    /// Status reads so far.
    var reads = 0

    /// The status the next read answers, counting it.
    mutating func nextStatus() -> String {
        reads += 1
        return reads >= 2 ? "COMPLETE" : "PROCESSING"
    }
}

/// CSV text as HubSpot's exports write it: a field with a comma, quote or line break is quoted.
enum CSVText {
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func row(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") + "\r\n" }
}
