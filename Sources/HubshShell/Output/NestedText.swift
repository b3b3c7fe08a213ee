import JSONValue

/// A nested value (a property's options, a pipeline's stages, an owner's teams, a list of scopes) as
/// lines people read: one item a line after `• `, small objects as `key: value, …`, larger ones with
/// their fields indented under the item. Never JSON, never cut.
enum NestedText {
    /// An object whose fields are all scalars and whose one-line form is at most this wide is one line.
    static let oneLineWidth = 72

    static func lines(_ value: JSONValue) -> [String] {
        switch value {
        case .array(let items):
            if items.isEmpty { return ["(none)"] }
            return items.flatMap { item -> [String] in
                let inner = lines(item)
                return inner.enumerated().map { index, line in (index == 0 ? "• " : "  ") + line }
            }
        case .object(let object):
            if object.isEmpty { return ["(none)"] }
            let flat = object.values.allSatisfy { $0.objectValue == nil && $0.arrayValue == nil }
            let pairs = TerminalCells.pairs(object)
            if flat, DisplayWidth.of(pairs) <= oneLineWidth { return [pairs] }
            return object.flatMap { key, field -> [String] in
                if field.objectValue != nil || field.arrayValue != nil {
                    return ["\(key):"] + lines(field).map { "  " + $0 }
                }
                return ["\(key): \(TerminalCells.text(field))"]
            }
        default:
            return [TerminalCells.text(value)]
        }
    }
}
