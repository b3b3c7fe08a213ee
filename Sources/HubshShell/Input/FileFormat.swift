import HubshLanguage

/// The file formats `open` reads.
enum FileFormat: String, CaseIterable, Sendable {
    case json, jsonl, csv

    /// The format named `text` (`ndjson` is JSON Lines), or a diagnostic at `range`.
    init(_ text: String, at range: SourceRange) throws(Diagnostic) {
        guard let format = FileFormat(rawValue: text.lowercased()) ?? (text.lowercased() == "ndjson" ? .jsonl : nil) else {
            throw Diagnostic("unknown format '\(text)': json, jsonl or csv", at: range,
                             suggestion: Suggest.didYouMean(text, in: FileFormat.allCases.map(\.rawValue)))
        }
        self = format
    }

    /// The format a file name's extension tells (`.json`, `.jsonl`, `.ndjson`, `.csv`).
    init?(extensionOf path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "json": self = .json
        case "jsonl", "ndjson": self = .jsonl
        case "csv": self = .csv
        default: return nil
        }
    }

    /// What one value of the format is called in messages.
    var noun: String { self == .csv ? "row" : "value" }

    /// The reader of this format over `text`.
    func reader(_ text: TextCursor) -> any ValueReader {
        switch self {
        case .json: JSONDocumentReader(text)
        case .jsonl: JSONLinesReader(text)
        case .csv: CSVRecordReader(text)
        }
    }
}
