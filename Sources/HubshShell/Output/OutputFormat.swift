import JSONValue

/// How values are written for programs: JSON Lines (one compact value a line) and the columns and
/// cells of CSV. (People's tables are ``TableRenderer``'s.)
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

    /// A record's cells: top-level scalars and, for HubSpot records, each property by name.
    public static func flatten(_ value: JSONValue) -> JSONObject {
        guard let object = value.objectValue else { return ["value": value] }
        var cells: JSONObject = [:]
        if let id = object["id"] { cells["id"] = id }
        if let properties = object["properties"]?.objectValue {
            for (name, cell) in properties where name != "hs_object_id" { cells[name] = cell }
            return cells
        }
        for (name, cell) in object { cells[name] = cell }
        return cells
    }

    /// A cell's text: strings bare, null empty, everything else as JSON.
    public static func text(_ value: JSONValue) -> String {
        if value.isNull { return "" }
        return value.scalarText ?? value.jsonString
    }
}

extension String {
    /// Without the spaces at its end.
    var trailingSpacesRemoved: String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
