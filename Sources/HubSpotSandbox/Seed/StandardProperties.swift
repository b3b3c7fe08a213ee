import JSONValue

/// The property definitions and groups of the standard object types. (Stub.)
enum StandardProperties {
    static func install(into properties: inout [String: PropertyCatalog], groups: inout [String: OrderedDictionary<String, PropertyGroup>]) {
        for type in ObjectType.standardTypes {
            var catalog = PropertyCatalog()
            for name in Set(type.defaultProperties + type.requiredProperties + type.queryProperties) {
                catalog[name] = PropertyDefinition(name: name, label: name, type: .string, groupName: "\(type.singular)information")
            }
            for name in type.systemProperties {
                catalog[name] = PropertyDefinition(name: name, label: name, type: name == "hs_object_id" ? .number : .datetime,
                                                   groupName: "\(type.singular)information", readOnlyValue: true)
            }
            properties[type.objectTypeId] = catalog
        }
    }
}
