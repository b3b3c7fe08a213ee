/// What Tab completion can offer without waiting: names gathered from the session and the connection
/// between statements (the line editor calls the completer synchronously).
public struct CompletionSnapshot: Sendable {
    public var signatures: [CommandSignature]
    public var connections: [String] = []
    public var activities: [String] = []
    public var variables: [String] = []
    /// Standard and custom object types.
    public var objectTypes: [String] = []
    /// Property names by object type.
    public var properties: [String: [String]] = [:]
    /// Enumeration values by object type, then property.
    public var options: [String: [String: [String]]] = [:]

    public init(signatures: [CommandSignature]) { self.signatures = signatures }
}

extension ShellContext {
    /// A snapshot of what completion offers now, with the properties of `objectTypes` from the
    /// current connection (failures leave them out: completion never reports errors).
    public func completionSnapshot(loadingPropertiesOf objectTypes: [String], previous: CompletionSnapshot? = nil) async -> CompletionSnapshot {
        var snapshot = previous ?? CompletionSnapshot(signatures: registry.signatures)
        snapshot.signatures = registry.signatures
        snapshot.connections = await connections.names
        snapshot.activities = await activities.names
        snapshot.variables = await session.variableNames
        if snapshot.objectTypes.isEmpty { snapshot.objectTypes = ObjectsCommand.standard.map(\.name) }
        guard let client = try? await client() else { return snapshot }
        if let schemas = try? await client.schemas() {
            snapshot.objectTypes = ObjectsCommand.standard.map(\.name) + schemas.map(\.name)
        }
        for type in objectTypes where snapshot.properties[type] == nil {
            guard let definitions = try? await client.properties(type) else { continue }
            snapshot.properties[type] = definitions.map(\.name).sorted()
            var options: [String: [String]] = [:]
            for definition in definitions where !definition.options.isEmpty { options[definition.name] = definition.options.map(\.value) }
            snapshot.options[type] = options
        }
        return snapshot
    }
}
