import Foundation
import HubSpotAPI
import HubshLanguage
import JSONValue

/// A CSV file `import` sends, read and checked before anything is sent: its header mapped onto the
/// object type's properties (`HeaderMap`: by `--map`, name or label), every row read once (a bad line
/// is refused with its line; the count decides `--via auto`), and the columns that map to nothing said.
struct ImportFile: Sendable {
    let path: String
    /// The file's name, for messages and the Imports API.
    let name: String
    let header: [String]
    let mapping: HeaderMap
    /// The rows after the header.
    let rows: Int

    /// The columns sent and the property each becomes (`id` for the record id), in file order.
    var columns: [(column: String, property: String)] {
        header.compactMap { column in
            guard !mapping.unmapped.contains(column), case .some(.some(let property)) = mapping.targets[column] else { return nil }
            return (column, property)
        }
    }

    /// Reads `path` for `objectType` (whose properties are `definitions`); `range` is the file's
    /// argument, `mapRange` the `--map` option's, for the messages.
    init(path: String, objectType: String, definitions: [PropertyDefinition], overrides: [(column: String, property: String)],
         range: SourceRange, mapRange: SourceRange?) throws(Diagnostic) {
        self.path = path
        name = (path as NSString).lastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Diagnostic("import: no such file \(path)", at: range)
        }
        if isDirectory.boolValue { throw Diagnostic("import: \(path) is a directory", at: range) }
        let names: [String]?
        do throws(InputError) {
            names = try CSVRecordReader.header(of: try TextCursor(path: path, encoding: .utf8))
        } catch {
            throw Diagnostic(error.line == nil ? "import: \(path): \(error.reason)" : "import: \(path) \(error); nothing was sent", at: range)
        }
        guard let names else { throw Diagnostic("import: \(name) has no header row: the first row names the columns", at: range) }
        header = names
        do throws(HeaderMap.Problem) {
            mapping = try HeaderMap(header: header, definitions: definitions, overrides: overrides)
        } catch {
            switch error {
            case .noSuchColumn(let column, let suggestion):
                throw Diagnostic("import: --map: \(name) has no column '\(column)'", at: mapRange ?? range, suggestion: suggestion)
            case .noSuchProperty(let property, let suggestion):
                throw Diagnostic("import: --map: \(objectType) has no property \(property)", at: mapRange ?? range, suggestion: suggestion)
            case .nothingMapped:
                throw Diagnostic("import: no column of \(name) names a \(objectType) property or the record id (columns: \(header.filter { !$0.isEmpty }.joined(separator: ", "))); --map COLUMN=PROP names one; nothing was sent",
                                 at: range)
            }
        }
        // Every row once: a bad line stops the import before anything is sent.
        var values = FileValues(path: path, format: .csv, encoding: .utf8, range: range)
        var count = 0
        do throws(StreamFailure) {
            while try values.next() != nil { count += 1 }
        } catch {
            var diagnostic = error.diagnostic
            diagnostic.message = "import: " + diagnostic.message + "; nothing was sent"
            throw diagnostic
        }
        rows = count
    }

    /// What is left out, said before anything is sent: columns that name no property, and read-only ones.
    func leftOut(objectType: String) -> [String] {
        var lines: [String] = []
        if !mapping.unmapped.isEmpty {
            let count = mapping.unmapped.count
            lines.append("import: \(name): \(count) \(count == 1 ? "column names" : "columns name") no \(objectType) property, left out (--map COLUMN=PROP maps one): \(mapping.unmapped.joined(separator: ", "))")
        }
        if !mapping.readOnly.isEmpty {
            lines.append("import: \(name): read-only in HubSpot, left out: " + mapping.readOnly.map { "\($0.column) (\($0.property))" }.joined(separator: ", "))
        }
        return lines
    }

    /// A row as read (`open`'s flat object) with its columns renamed to properties, the ones left out dropped.
    func properties(of row: JSONValue) -> JSONObject {
        var mapped: JSONObject = [:]
        for (column, property) in columns { if let value = row[column] { mapped[property] = value } }
        return mapped
    }
}
