import JSONValue

/// One row HubSpot's Imports API refused (a `PublicImportError`), as hubsh shows it: `{status: failed,
/// line, column?, value?, errorType, error}` — the column named from the file's header by HubSpot's
/// column number, else by where the refused value sits in the row.
struct ImportErrorRow: Sendable {
    let value: JSONValue
    /// The row's cells by column name (empty ones left out, as `open` reads them); nil when HubSpot
    /// sent no row data.
    let cells: JSONValue?

    init(_ error: JSONValue, header: [String]) {
        let source = error["sourceData"]
        let rowData = source?["rowData"]?.arrayValue?.map { $0.scalarText ?? "" }
        let invalid = error["invalidValue"]?.scalarText
        var column: String?
        if let number = error["knownColumnNumber"]?.intValue, header.indices.contains(number - 1) {
            // Counted from 1 (UNCONFIRMED: HubSpot does not say).
            column = header[number - 1]
        } else if let invalid, let rowData, let index = rowData.firstIndex(of: invalid), header.indices.contains(index) {
            column = header[index]
        }
        var row: JSONObject = ["status": "failed"]
        if let line = source?["lineNumber"]?.intValue { row["line"] = .int(line) }
        if let column { row["column"] = .string(column) }
        if let invalid { row["value"] = .string(invalid) }
        if let kind = error["errorType"]?.stringValue { row["errorType"] = .string(kind) }
        row["error"] = .string(error["errorMessage"]?.stringValue ?? error["message"]?.stringValue ?? "refused")
        value = .object(row)
        if let rowData {
            var object: JSONObject = [:]
            for (name, cell) in zip(header, rowData) where !name.isEmpty && !cell.isEmpty { object[name] = .string(cell) }
            cells = .object(object)
        } else {
            cells = nil
        }
    }
}
