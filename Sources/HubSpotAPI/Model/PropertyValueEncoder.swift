import JSONValue

/// Puts property values into the form HubSpot wants (hubspot-api.md §0, §4), guided by the property
/// definitions: dates as midnight-UTC epoch milliseconds, datetimes as ISO-8601, booleans as
/// `true`/`false`, multi-select values joined with `;`, enumeration labels mapped to their values.
/// A value that cannot be right fails here, with the property and the reason, before anything is sent.
public struct PropertyValueEncoder: Sendable {
    let definitions: [String: PropertyDefinition]

    public init(_ definitions: [PropertyDefinition]) {
        self.definitions = Dictionary(definitions.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Every value of a property map, encoded. Properties without a definition pass unchanged (as text):
    /// HubSpot reports unknown names itself.
    public func encode(_ properties: JSONObject) throws(HubSpotAPIError) -> JSONObject {
        var out = JSONObject(minimumCapacity: properties.count)
        for (name, value) in properties {
            out[name] = .string(try encode(name, value))
        }
        return out
    }

    /// One value as HubSpot's string. `null` becomes `""`, which clears the value.
    public func encode(_ name: String, _ value: JSONValue) throws(HubSpotAPIError) -> String {
        guard let definition = definitions[name] else { return PropertyValueEncoder.text(value) }
        func refuse(_ why: String) -> HubSpotAPIError {
            HubSpotAPIError(.invalidRequest, "property \(name): \(why)")
        }
        if definition.readOnlyValue { throw refuse("it is read-only (HubSpot computes it)") }
        if value.isNull { return "" }
        let text = PropertyValueEncoder.text(value)
        if text.isEmpty, value.arrayValue == nil { return "" }
        switch definition.type {
        case "bool":
            if let bool = value.boolValue { return bool ? "true" : "false" }
            switch text.lowercased() {
            case "true", "yes", "y", "1", "on": return "true"
            case "false", "no", "n", "0", "off": return "false"
            default: throw refuse("'\(text)' is not a yes/no value (use true or false)")
            }
        case "number":
            if text.contains(",") { throw refuse("'\(text)' has a comma; HubSpot numbers take none (write 1234.5)") }
            guard Double(text) != nil else { throw refuse("'\(text)' is not a number") }
            return text
        case "date":
            guard let ms = PropertyValueEncoder.milliseconds(value) else {
                throw refuse("'\(text)' is not a date (write YYYY-MM-DD)")
            }
            guard ms % UTCDate.msPerDay == 0 else { throw refuse("'\(text)' is not midnight UTC; a date property holds a day (write YYYY-MM-DD)") }
            return String(ms)
        case "datetime":
            guard let ms = PropertyValueEncoder.milliseconds(value) else {
                throw refuse("'\(text)' is not a date-time (write 2025-01-31T10:00:00Z or epoch milliseconds)")
            }
            return UTCDate.iso8601(milliseconds: ms)
        case "enumeration" where !definition.options.isEmpty:
            let given: [String] = value.arrayValue.map { $0.map(PropertyValueEncoder.text) }
                ?? (definition.isMultiSelect ? text.split(separator: ";").map(String.init) : [text])
            if given.count > 1, !definition.isMultiSelect { throw refuse("takes one value, not \(given.count)") }
            var values: [String] = []
            for item in given {
                guard let option = definition.option(matching: item) else {
                    let known = definition.options.prefix(12).map(\.value).joined(separator: ", ")
                    throw refuse("'\(item)' is not one of its options (\(known)\(definition.options.count > 12 ? ", …" : ""))")
                }
                values.append(option.value)
            }
            return values.joined(separator: ";")
        default:
            if let array = value.arrayValue { return array.map(PropertyValueEncoder.text).joined(separator: ";") }
            return text
        }
    }

    /// Whether `current` (what a record holds, as HubSpot's string) already is the encoded `new` value:
    /// the same text, both empty, the same instant (datetimes), number or set of options.
    public func isSame(_ name: String, current: String?, new: String) -> Bool {
        let held = current ?? ""
        if held == new { return true }
        guard !held.isEmpty, !new.isEmpty else { return false }
        switch definitions[name]?.type {
        case "datetime", "date":
            guard let a = PropertyValueEncoder.milliseconds(.string(held)), let b = PropertyValueEncoder.milliseconds(.string(new)) else { return false }
            return a == b
        case "number":
            guard let a = Double(held), let b = Double(new) else { return false }
            return a == b
        case "enumeration":
            return Set(held.split(separator: ";")) == Set(new.split(separator: ";"))
        default:
            return false
        }
    }

    /// The names of `properties` the definitions do not know (HubSpot would refuse them).
    public func unknownNames(_ properties: JSONObject) -> [String] {
        properties.keys.filter { definitions[$0] == nil }.sorted()
    }

    /// The properties whose values are unique per record (`hasUniqueValue`), but `hs_object_id`.
    public var uniqueNames: [String] {
        definitions.values.filter { $0.hasUniqueValue && $0.name != "hs_object_id" }.map(\.name).sorted()
    }

    /// A scalar as text: strings as they are, numbers without a needless `.0`, booleans as words.
    public static func text(_ value: JSONValue) -> String {
        switch value {
        case .double(let d) where d.rounded() == d && abs(d) < 1e15: String(Int64(d))
        case .array(let items): items.map(text).joined(separator: ";")
        default: value.scalarText ?? value.jsonString
        }
    }

    /// Epoch milliseconds of a number, a string of digits, or an ISO date or date-time.
    static func milliseconds(_ value: JSONValue) -> Int64? {
        if let int = value.intValue { return Int64(int) }
        guard let text = value.stringValue?.trimmingCharacters(in: " ") else { return nil }
        if let ms = Int64(text) { return ms }
        return UTCDate.milliseconds(text)
    }
}

extension PropertyDefinition {
    /// The option whose value matches exactly, else the one whose value or label matches ignoring case.
    func option(matching text: String) -> Option? {
        options.first { $0.value == text }
            ?? options.first { $0.value.lowercased() == text.lowercased() || $0.label.lowercased() == text.lowercased() }
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}
