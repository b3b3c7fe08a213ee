import HubSpotAPI
import JSONValue

extension ReportRenderer {
    /// `describe OBJECT PROP` at a terminal: the property's type and rules, then its options as a
    /// table (label, value, order).
    func propertyReport(_ property: PropertyDefinition, of objectType: String, timeZone: String? = nil) -> [String] {
        var fields: [(String, JSONValue)] = [
            ("property", .string("\(objectType).\(property.name)")),
            ("label", .string(property.label)),
            ("type", .string("\(property.type) (field type \(property.fieldType))")),
            ("group", .string(property.groupName)),
        ]
        var rules: [String] = []
        rules.append(property.readOnlyValue ? "read-only (HubSpot computes it)" : "writable")
        if property.hasUniqueValue { rules.append("unique") }
        if property.isMultiSelect { rules.append("several values, separated by semicolons") }
        if property.type == "enumeration" { rules.append("one of the options' values") }
        if property.type == "number" { rules.append("a number") }
        if property.type == "bool" { rules.append("true or false") }
        if property.type == "date" { rules.append("a date, YYYY-MM-DD") }
        if property.type == "datetime" { rules.append("a date and time, ISO 8601 or epoch milliseconds") }
        if let timeZone { rules.append("a day typed means the whole day in \(timeZone)") }
        if property.hidden { rules.append("hidden in HubSpot's forms") }
        if property.archived { rules.append("archived") }
        fields.append(("rules", .string(rules.joined(separator: "; "))))
        if !property.description.isEmpty { fields.append(("description", .string(property.description))) }
        var lines = ExpandedRenderer(width: width, style: style).record(number: nil, fields: fields)
        guard !property.options.isEmpty else { return lines }
        let orders = (property.json["options"]?.arrayValue ?? []).map { $0["displayOrder"] ?? .null }
        let anyHidden = property.options.contains(where: \.hidden)
        let rows: [JSONValue] = property.options.enumerated().map { index, option in
            var row: JSONObject = ["label": .string(option.label), "value": .string(option.value),
                                   "order": index < orders.count ? orders[index] : .null]
            if anyHidden { row["hidden"] = option.hidden ? "hidden" : .null }
            return .object(row)
        }
        lines.append("")
        lines.append(style.bold("options (\(property.options.count))"))
        lines += table(rows, columns: anyHidden ? ["label", "value", "order", "hidden"] : ["label", "value", "order"])
        return lines
    }
}
