import Foundation
import JSONValue

/// The cells a value shows at a terminal: for a HubSpot record `id`, its top-level facts (a write's
/// `status`, `error`, …) and each property; for any other object its fields; for anything else `value`.
struct TerminalCells {
    /// The cells in the value's order.
    var cells: JSONObject
    /// The names that are HubSpot properties (left out when other properties were asked for).
    var propertyNames: Set<String>
    /// Whether the value is a HubSpot record (`{id, properties}`).
    var isRecord: Bool

    /// A record's own bookkeeping, which a table does not show (`get` and `search` return it).
    static let recordMetadata: Set<String> = ["createdAt", "updatedAt", "archived", "archivedAt", "propertiesWithHistory",
                                              "associations", "new", "url", "objectWriteTraceId"]

    init(_ value: JSONValue) {
        guard let object = value.objectValue else {
            cells = ["value": value]
            propertyNames = []
            isRecord = false
            return
        }
        guard let properties = object["properties"]?.objectValue else {
            cells = object
            propertyNames = []
            isRecord = false
            return
        }
        var cells: JSONObject = [:]
        if let id = object["id"] { cells["id"] = id }
        if let status = object["status"] { cells["status"] = status }
        var names = Set<String>()
        for (name, cell) in properties where name != "hs_object_id" && cells[name] == nil {
            cells[name] = cell
            names.insert(name)
        }
        for (name, cell) in object where cells[name] == nil && name != "properties" && !Self.recordMetadata.contains(name) {
            cells[name] = cell
        }
        self.cells = cells
        propertyNames = names
        isRecord = true
    }

    /// A cell's text on one line: null and missing cells are blank, an empty string is `""` (so the
    /// two differ), lists are joined with `, `, objects are `key: value` pairs; never JSON.
    static func text(_ value: JSONValue?, decimals: Int? = nil) -> String {
        guard let value else { return "" }
        if let decimals, let fixed = fixed(value, decimals: decimals) { return fixed }
        switch value {
        case .null: return ""
        case .string(let text): return text.isEmpty ? "\"\"" : text.oneLine
        case .bool(let flag): return flag ? "true" : "false"
        case .int, .double: return value.scalarText ?? value.jsonString
        case .array(let items):
            return items.map { item in
                if let object = item.objectValue { return Self.name(of: object) ?? pairs(object) }
                return text(item)
            }.joined(separator: ", ")
        case .object(let object): return pairs(object)
        }
    }

    /// A number with exactly `decimals` decimals (`79845.23`), as a person reads a computed average;
    /// nil for anything else.
    static func fixed(_ value: JSONValue, decimals: Int) -> String? {
        let number: Double
        switch value {
        case .int(let whole): number = Double(whole)
        case .double(let fraction) where fraction.isFinite: number = fraction
        default: return nil
        }
        return String(format: "%.*f", max(0, decimals), number)
    }

    /// What names an object in a list: its label, name or id.
    static func name(of object: JSONObject) -> String? {
        for key in ["label", "name", "email", "id"] { if let text = object[key]?.scalarText, !text.isEmpty { return text } }
        return nil
    }

    static func pairs(_ object: JSONObject) -> String {
        object.map { key, value in "\(key): \(value.objectValue != nil || value.arrayValue != nil ? "[\(text(value))]" : text(value))" }
            .joined(separator: ", ")
    }

    /// Whether a value is a JSON number.
    static func isNumber(_ value: JSONValue) -> Bool {
        switch value {
        case .int, .double: true
        default: false
        }
    }
}

extension String {
    /// Line breaks and tabs as spaces, so a cell keeps to its line.
    var oneLine: String {
        String(map { $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\r\n" ? " " : $0 })
    }
}
