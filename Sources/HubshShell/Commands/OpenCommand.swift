import Foundation
import HubSpotAPI
import HubshLanguage
import JSONValue

/// `open FILE [--format json|jsonl|csv] [--encoding NAME]`: the values in a file, read as they are
/// pulled (a large file is never held whole). The readers are in `Input/`: `JSONDocumentReader`,
/// `JSONLinesReader` and `CSVRecordReader` over a `TextCursor`, which decodes the encoding and
/// counts lines; each line, CSV row or JSON value is at most `TextCursor.defaultLimit`. When the object
/// type the rows are for is known (`--object`, or the write the pipe feeds), a CSV header of HubSpot's
/// labels is read as property names (`HeaderMap`), and what cannot be mapped is said before any row flows.
struct OpenCommand: ShellCommand {
    static let signature = CommandSignature(
        ["open"], family: .io, summary: "Read values from a JSON, JSON Lines or CSV file.",
        positionals: [fileParameter], options: [formatOption, encodingOption, objectOption, mapOption],
        output: .records,
        examples: [
            Example("open new-leads.csv | upsert contacts --by email", "create or update a contact per row", .lines(2, each: #""status":"created""#)),
            Example("open export.txt --format jsonl | count", "count the values of a JSON Lines file", .lines("2")),
            Example("open excel.csv --encoding windows-1252 | count", "read a CSV file Excel saved on Windows", .lines("1")),
            Example("open hubspot-export.csv | upsert contacts --by email", "HubSpot's column labels (Email, First Name) read as properties",
                    .lines(1, each: #""status":"created""#, #""firstname":"Xa""#)),
            Example("open crm-export.csv --object contacts --map 'E-mail address=email'", "map a column HubSpot's labels do not name",
                    .lines(#"{"email":"ann@acme.com","firstname":"Ann"}"#)),
        ])

    static let fileParameter = Parameter("file", "the file to read; its extension tells the format", role: .file)
    static let formatOption = Option("format", "the format, when the extension does not tell it", value: "FORMAT",
                                     role: .choice(FileFormat.allCases.map(\.rawValue)))
    static let encodingOption = Option("encoding", "the file's text encoding (default utf-8)", value: "NAME", role: .choice(InputEncoding.names))
    static let objectOption = Option("object", "read a CSV header as this object type's properties, by name or label (else the type the pipe writes)",
                                     value: "OBJECT", role: .objectType)
    static let mapOption = Option("map", "name a CSV column's property yourself: COLUMN=PROP, several comma-separated", value: "COLUMN=PROP")

    let file: Value
    let format: Value?
    let encoding: Value?
    let object: Value?
    let map: Value?
    /// The object type the write the pipe feeds names.
    let downstreamObject: String?

    init(_ bound: BoundCommand) throws(Diagnostic) {
        guard let file = bound[Self.fileParameter] else { throw Diagnostic("open needs a FILE", at: bound.syntax.range) }
        self.file = file
        format = bound[Self.formatOption]
        encoding = bound[Self.encodingOption]
        object = bound[Self.objectOption]
        map = bound[Self.mapOption]
        downstreamObject = bound.downstreamObject
        if let map, let text = map.literalText, HeaderMap.overrides(text) == nil {
            throw Diagnostic("open: --map takes COLUMN=PROP pairs, comma-separated (got '\(text)')", at: map.range)
        }
        if let map, object == nil, downstreamObject == nil {
            throw Diagnostic("open: --map needs the object type: add --object OBJECT, or pipe into a write", at: map.range)
        }
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
        let mapping = try await headerMap(path: path, format: format, encoding: encoding, context: context)
        let lines = context.inputLines
        return ValueStream.unfold(state: { FileValues(path: path, format: format, encoding: encoding, range: range) }) { file in
            var value = try file.next()
            if let mapping, let row = value {
                // The mapped row is a new value: its line is noted for it.
                value = mapping.apply(row)
            }
            // A write after this names the input's line when the value reaches it unchanged.
            if let value { lines.note(value, line: file.line) }
            return value
        }
    }

    /// The map of a CSV header onto the object type's properties, when the type is known; says what
    /// it cannot map (and what it leaves out) before any row flows. Nil for other formats, and when
    /// the type was only inferred from the write and its properties cannot be read.
    func headerMap(path: String, format: FileFormat, encoding: InputEncoding, context: ShellContext) async throws -> HeaderMap? {
        var named: String?
        if let object { named = try await context.text(object) }
        var overrides: [(column: String, property: String)] = []
        if let map {
            guard let pairs = HeaderMap.overrides(try await context.text(map)) else {
                throw Diagnostic("open: --map takes COLUMN=PROP pairs, comma-separated", at: map.range)
            }
            overrides = pairs
        }
        guard let type = named ?? downstreamObject else {
            if let map { throw Diagnostic("open: --map needs the object type: add --object OBJECT, or pipe into a write", at: map.range) }
            return nil
        }
        guard format == .csv else {
            if let option = object ?? map { throw Diagnostic("open: --object and --map read a CSV header; \(path) is read as \(format.rawValue)", at: option.range) }
            return nil
        }
        let definitions: [PropertyDefinition]
        do {
            definitions = try await context.propertyDefinitions(type)
        } catch {
            if named == nil && map == nil { return nil }
            throw error
        }
        let header: [String]
        do throws(InputError) {
            guard let names = try CSVRecordReader.header(of: try TextCursor(path: path, encoding: encoding)) else { return nil }
            header = names
        } catch {
            // The rows' own read reports it, with what flowed before.
            return nil
        }
        let mapping: HeaderMap
        do throws(HeaderMap.Problem) {
            mapping = try HeaderMap(header: header, definitions: definitions, overrides: overrides)
        } catch {
            let name = (path as NSString).lastPathComponent
            switch error {
            case .noSuchColumn(let column, let suggestion):
                throw Diagnostic("open: --map: \(name) has no column '\(column)'", at: map?.range ?? file.range, suggestion: suggestion)
            case .noSuchProperty(let property, let suggestion):
                throw Diagnostic("open: --map: \(type) has no property \(property)", at: map?.range ?? file.range, suggestion: suggestion)
            case .nothingMapped:
                throw Diagnostic("open: no column of \(name) names a \(type) property or the record id (columns: \(header.filter { !$0.isEmpty }.joined(separator: ", "))); --map COLUMN=PROP names one",
                                 at: file.range)
            }
        }
        let name = (path as NSString).lastPathComponent
        if !mapping.unmapped.isEmpty {
            let count = mapping.unmapped.count
            context.message("open: \(name): \(count) \(count == 1 ? "column names" : "columns name") no \(type) property, kept as \(count == 1 ? "it is" : "they are") (a write refuses \(count == 1 ? "it" : "them"); --map COLUMN=PROP maps one): \(mapping.unmapped.joined(separator: ", "))")
        }
        if !mapping.readOnly.isEmpty {
            let listed = mapping.readOnly.map { "\($0.column) (\($0.property))" }.joined(separator: ", ")
            context.message("open: \(name): read-only in HubSpot, left out: \(listed)")
        }
        return mapping
    }
}
