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
