import Foundation
import HubshLanguage
import JSONValue

/// `open FILE [--format json|jsonl|csv] [--encoding NAME]`: the values in a file, read as they are
/// pulled (a large file is never held whole). The readers are in `Input/`: `JSONDocumentReader`,
/// `JSONLinesReader` and `CSVRecordReader` over a `TextCursor`, which decodes the encoding and
/// counts lines; each line, CSV row or JSON value is at most `TextCursor.defaultLimit`.
struct OpenCommand: ShellCommand {
    static let signature = CommandSignature(
        ["open"], family: .io, summary: "Read values from a JSON, JSON Lines or CSV file.",
        positionals: [Parameter("file", "the file to read; its extension tells the format", completion: .files)],
        options: [
            Option("format", "the format, when the extension does not tell it", value: "FORMAT",
                   completion: .choices(FileFormat.allCases.map(\.rawValue))),
            Option("encoding", "the file's text encoding (default utf-8)", value: "NAME",
                   completion: .choices(InputEncoding.names)),
        ],
        output: .records,
        examples: [
            Example("open new-leads.csv | upsert contacts --by email", "create or update a contact per row"),
            Example("open export.txt --format jsonl | count", "count the values of a JSON Lines file"),
            Example("open excel.csv --encoding windows-1252 | count", "read a CSV file Excel saved on Windows"),
        ])

    let file: Value
    let format: Value?
    let encoding: Value?

    init(_ bound: BoundCommand) throws(Diagnostic) {
        file = bound.positional("file")!
        format = bound.option("format")
        encoding = bound.option("encoding")
        if let format, let text = format.literalText { _ = try FileFormat(text, at: format.range) }
        if let encoding, let text = encoding.literalText { _ = try Self.encoding(text, at: encoding.range) }
    }

    /// The encoding `name` names, or a diagnostic at `range`.
    static func encoding(_ name: String, at range: SourceRange) throws(Diagnostic) -> InputEncoding {
        guard let encoding = InputEncoding(named: name) else {
            throw Diagnostic("unknown encoding '\(name)': \(InputEncoding.names.joined(separator: ", "))", at: range,
                             suggestion: Suggest.didYouMean(name, in: InputEncoding.names))
        }
        return encoding
    }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        let path = try await context.text(file)
        let range = file.range
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Diagnostic("open: no such file \(path)", at: range)
        }
        if isDirectory.boolValue { throw Diagnostic("open: \(path) is a directory", at: range) }
        let format: FileFormat
        if let value = self.format {
            format = try FileFormat(try await context.text(value), at: value.range)
        } else if let known = FileFormat(extensionOf: path) {
            format = known
        } else {
            throw Diagnostic("open: cannot tell the format of \(path) from its name; add --format json, jsonl or csv", at: range)
        }
        var declared = InputEncoding.utf8
        if let value = self.encoding { declared = try Self.encoding(try await context.text(value), at: value.range) }
        let encoding = declared
        let lines = context.inputLines
        return ValueStream.unfold(state: { FileValues(path: path, format: format, encoding: encoding, range: range) }) { file in
            let value = try file.next()
            // A write after this names the input's line when the value reaches it unchanged.
            if let value { lines.note(value, line: file.line) }
            return value
        }
    }
}
