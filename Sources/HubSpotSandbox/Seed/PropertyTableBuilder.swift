import JSONValue

/// One row of a standard property table: internal name, label, value type and field type.
typealias PropertyRow = (name: String, label: String, type: PropertyDefinition.ValueType, field: String)

/// Collects the property groups and definitions of one standard object type from compact tables, so
/// the HubSpot-defined properties read as data rather than as hundreds of initialisers.
struct PropertyTableBuilder {
    /// The object type the properties belong to.
    let type: ObjectType
    /// The definitions collected so far, in display order.
    private(set) var catalog = PropertyCatalog()
    /// The groups collected so far, in display order.
    private(set) var groups = OrderedDictionary<String, PropertyGroup>()
    /// Options of the enumeration properties, by property name; rows look their options up here.
    var options: [String: [PropertyOption]] = [:]

    init(_ type: ObjectType) {
        self.type = type
    }

    /// Adds `rows` to the group `group` (created with `label` when new). `readOnly` rows are HubSpot's
    /// calculated or system-maintained properties (`modificationMetadata.readOnlyValue: true`).
    mutating func add(group: String, label: String, _ rows: [PropertyRow], readOnly: Bool = false) {
        if groups[group] == nil {
            groups[group] = PropertyGroup(name: group, label: label, displayOrder: groups.count)
        }
        for row in rows {
            catalog[row.name] = PropertyDefinition(
                name: row.name, label: row.label, type: row.type, fieldType: row.field, groupName: group,
                options: options[row.name] ?? [], formField: !readOnly && row.type != .datetime,
                calculated: readOnly && row.type == .number, readOnlyValue: readOnly)
        }
    }

    /// Adds the system properties every record carries (hubspot-api.md §2.2) to the first group, unless
    /// a table already defined them, and returns the finished catalog and groups.
    mutating func finish() -> (PropertyCatalog, OrderedDictionary<String, PropertyGroup>) {
        let group = groups.keys.first ?? "\(type.singular)information"
        let engagementStyle = type.createDateProperty == "hs_createdate"
        var system: [PropertyRow] = [("hs_object_id", "Record ID", .number, "number")]
        system.append((type.createDateProperty, engagementStyle ? "Object create date/time" : "Create Date", .datetime, "date"))
        system.append((type.lastModifiedProperty, engagementStyle ? "Object last modified date/time" : "Last Modified Date",
                       .datetime, "date"))
        let missing = system.filter { catalog[$0.name] == nil }
        if !missing.isEmpty { add(group: group, label: groups[group]?.label ?? "Information", missing, readOnly: true) }
        return (catalog, groups)
    }
}

extension PropertyOption {
    /// Options from `(value, label)` pairs, numbered in the order given.
    static func list(_ pairs: [(String, String)]) -> [PropertyOption] {
        pairs.enumerated().map { PropertyOption(label: $1.1, value: $1.0, displayOrder: $0) }
    }

    /// Yes/No options with the values `true`/`false`, as HubSpot's enumeration booleans have.
    static let yesNo = list([("true", "Yes"), ("false", "No")])
}
