import JSONValue

/// Writes the values that reach the end of a pipeline: JSON Lines (one compact value a line), one
/// pretty JSON array, or an aligned table cut to the terminal's width.
public enum OutputWriter {
    /// One value a line.
    public static func jsonLine(_ value: JSONValue) -> String { value.jsonString }

    /// The columns of a table: `id` first, then property names in order of first appearance.
    public static func columns(_ rows: [JSONValue]) -> [String] {
        var names: [String] = []
        var seen = Set<String>()
        for row in rows {
            for name in flatten(row).keys where seen.insert(name).inserted { names.append(name) }
        }
        return names
    }

    /// A record's cells: top-level scalars and, for HubSpot records, each property by name. A write's
    /// result (a record with a `status`) leads with its status and keeps its own fields (`line`, `error`,
    /// a dry run's `changes`) after the properties; HubSpot's own record fields are left out.
    public static func flatten(_ value: JSONValue) -> JSONObject {
        guard let object = value.objectValue else { return ["value": value] }
        var cells: JSONObject = [:]
        if let status = object["status"], object["properties"] != nil { cells["status"] = status }
        if let id = object["id"] { cells["id"] = id }
        if let properties = object["properties"]?.objectValue {
            for (name, cell) in properties where name != "hs_object_id" { cells[name] = cell }
            guard cells["status"] != nil else { return cells }
            for (name, cell) in object where cells[name] == nil && !recordFields.contains(name) { cells[name] = cell }
            return cells
        }
        for (name, cell) in object { cells[name] = cell }
        return cells
    }

    /// The fields of a HubSpot record beside its properties, which a table does not show.
    static let recordFields: Set<String> = ["properties", "createdAt", "updatedAt", "archived", "archivedAt", "propertiesWithHistory",
                                            "associations", "new", "url"]

    /// Rows as an aligned table, each line at most `width` characters (wide cells are cut with `…`).
    public static func table(_ rows: [JSONValue], width: Int = 120) -> [String] {
        let names = columns(rows)
        guard !names.isEmpty else { return [] }
        let cells = rows.map { row in
            let flat = flatten(row)
            return names.map { name in flat[name].map(text) ?? "" }
        }
        var widths = names.map(\.count)
        for row in cells { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        // Share the width: columns wider than their share are cut until the table fits.
        let separators = 2 * (names.count - 1)
        while widths.reduce(0, +) + separators > width, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 4 {
            widths[widest] -= 1
        }
        func line(_ row: [String]) -> String {
            row.enumerated().map { i, cell in fit(cell, widths[i]) }.joined(separator: "  ").trailingSpacesRemoved
        }
        return [line(names), line(widths.map { String(repeating: "-", count: $0) })] + cells.map(line)
    }

    /// A cell's text: strings bare, null empty, everything else as JSON.
    public static func text(_ value: JSONValue) -> String {
        if value.isNull { return "" }
        return value.scalarText ?? value.jsonString
    }

    static func fit(_ text: String, _ width: Int) -> String {
        let flat = text.replacingNewlines
        if flat.count > width { return String(flat.prefix(max(0, width - 1))) + "…" }
        return flat + String(repeating: " ", count: width - flat.count)
    }
}

extension String {
    var trailingSpacesRemoved: String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }

    var replacingNewlines: String {
        String(map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 })
    }
}
