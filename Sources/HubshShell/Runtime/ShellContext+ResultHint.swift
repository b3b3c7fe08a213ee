import HubSpotAPI
import JSONValue

extension ShellContext {
    /// Tells the terminal that the values are records of `objectType` (property types from the schema
    /// cache, never fetched for this) and, when given, which columns were asked for.
    func hintRecords(_ objectType: String?, columns: [String]?) async {
        var types: [String: String] = [:]
        if let objectType {
            for definition in await cachedPropertyDefinitions(objectType) ?? [] { types[definition.name] = definition.type }
        }
        resultHint.update { shape in
            if let objectType {
                shape.objectType = objectType
                shape.types = types
            }
            if let columns { shape.columns = columns }
        }
    }

    /// Tells the terminal that `values` are the report `kind`.
    func hintReport(_ kind: Report.Kind, values: [JSONValue]) {
        resultHint.update { $0.report = Report(kind, values: values) }
    }

    /// The cached property definitions of `objectType` on the current connection; nil when none are cached.
    func cachedPropertyDefinitions(_ objectType: String) async -> [PropertyDefinition]? {
        guard let name = await session.connectionName, let settings = await connections.settings(name) else { return nil }
        return await schemaCache.cachedProperties(objectType, of: settings, persist: !(await connections.isTransient(name)))
    }
}
