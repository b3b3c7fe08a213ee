import HubSpotAPI
import JSONValue

extension ShellContext {
    /// The property definitions of `objectType` on the current connection, from the schema cache;
    /// `fresh` asks HubSpot whatever is cached (and caches the answer).
    public func propertyDefinitions(_ objectType: String, fresh: Bool = false) async throws -> [PropertyDefinition] {
        let (settings, persist, client) = try await schemaSource()
        return try await schemaCache.properties(objectType, of: settings, persist: persist, client: client, fresh: fresh)
    }

    /// The custom object schemas of the current connection, from the schema cache.
    public func customObjectSchemas(fresh: Bool = false) async throws -> [ObjectSchema] {
        let (settings, persist, client) = try await schemaSource()
        return try await schemaCache.objectSchemas(of: settings, persist: persist, client: client, fresh: fresh)
    }

    /// The account's owners on the current connection, from the schema cache.
    public func owners(fresh: Bool = false) async throws -> [Owner] {
        let (settings, persist, client) = try await schemaSource()
        return try await schemaCache.owners(of: settings, persist: persist, client: client, fresh: fresh)
    }

    /// The pipelines of `objectType` on the current connection, from the schema cache.
    public func pipelines(_ objectType: String, fresh: Bool = false) async throws -> [Pipeline] {
        let (settings, persist, client) = try await schemaSource()
        return try await schemaCache.pipelines(objectType, of: settings, persist: persist, client: client, fresh: fresh)
    }

    /// The time zone dates typed for date-time properties are read in: the account's, else UTC
    /// (also when there is no connection or it does not answer).
    public func portalTimeZone() async -> PortalTimeZone {
        guard let (settings, persist, client) = try? await schemaSource() else { return .utc }
        return (try? await schemaCache.timeZone(of: settings, persist: persist, client: client)) ?? .utc
    }

    /// Forgets the owners, pipelines and time zone kept for the current connection (`refresh`).
    public func forgetValueFacts() async {
        guard let (settings, persist, _) = try? await schemaSource() else { return }
        await schemaCache.forgetValueFacts(of: settings, persist: persist)
    }

    /// The names an object type can be given on the current connection: the standard ones and the
    /// custom objects' names (custom ones only when they can be had).
    public func objectTypeNames() async -> [String] {
        let custom = (try? await customObjectSchemas())?.map(\.name) ?? []
        return StandardObjectType.all.map(\.name) + custom
    }

    /// The object types whose properties the cache holds for the current connection.
    public func cachedObjectTypes() async -> [String] {
        guard let (settings, persist, _) = try? await schemaSource() else { return [] }
        return await schemaCache.cachedObjectTypes(settings, persist: persist)
    }

    /// The current connection, whether its facts may be saved on disk, and its client.
    private func schemaSource() async throws -> (ConnectionSettings, Bool, HubSpotClient) {
        let client = try await client()
        // `client()` has found the current connection, so it has settings.
        guard let name = await session.connectionName, let settings = await connections.settings(name) else {
            throw HubSpotAPIError(.invalidRequest, "no connection is in use")
        }
        return (settings, !(await connections.isTransient(name)), client)
    }
}
