import JSONValue

/// The HubSpot-defined property definitions and groups of the standard object types (hubspot-api.md §2.2,
/// §2.3, §4): HubSpot's internal names, labels, types, field types and options. The tables per object
/// family live in `StandardProperties+Family.swift`.
enum StandardProperties {
    /// Fills `properties` and `groups` for every type of `ObjectType.standardTypes`.
    static func install(into properties: inout [String: PropertyCatalog], groups: inout [String: OrderedDictionary<String, PropertyGroup>]) {
        for type in ObjectType.standardTypes {
            var table = PropertyTableBuilder(type)
            switch type.name {
            case "contacts": contacts(&table)
            case "companies": companies(&table)
            case "deals": deals(&table)
            case "tickets": tickets(&table)
            case "products": products(&table)
            case "line_items": lineItems(&table)
            case "quotes": quotes(&table)
            case "calls", "emails", "meetings", "notes", "tasks", "communications", "postal_mail": engagement(&table)
            default: newerObject(&table)
            }
            let (catalog, typeGroups) = table.finish()
            properties[type.objectTypeId] = catalog
            groups[type.objectTypeId] = typeGroups
        }
    }
}
