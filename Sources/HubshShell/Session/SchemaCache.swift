import Foundation
import HubSpotAPI
import JSONValue

/// Schema facts per connection — the custom object types, each object type's property definitions,
/// and what values typed for them are read against (the owners, each type's pipelines, the account's
/// time zone) — kept in memory and on disk, so completion, `props`, `describe` and the checks made
/// before a statement runs answer without a round trip.
///
/// On disk each connection has one file, `NAME.json` in `$XDG_CACHE_HOME/hubsh/schema` (else
/// `~/.cache/hubsh/schema`), 0600 like every file hubsh writes. A file is used only for the same base
/// URL and API version, and each part of it for a day (`maxAge`); `refresh` drops it at once, and
/// adding or removing a connection drops that name's. Connections that are never saved (`--sandbox`)
/// are cached in memory only.
public actor SchemaCache {
    /// What is known of one connection, and where it came from.
    struct Entry {
        /// `baseURL apiVersion`: a file written for another account is not used.
        var source: String
        var objects: Part<[ObjectSchema]>?
        var properties: [String: Part<[PropertyDefinition]>] = [:]
        var owners: Part<[Owner]>?
        var pipelines: [String: Part<[Pipeline]>] = [:]
        var timeZone: Part<PortalTimeZone>?
    }

    /// Facts and when they were fetched.
    struct Part<Facts> {
        var facts: Facts
        var fetchedAt: Date
    }

    /// Where files go; nil keeps everything in memory.
    public nonisolated let directory: ConfigDirectory?
    /// How long a fetched fact is used before it is fetched again.
    public nonisolated let maxAge: TimeInterval
    private var entries: [String: Entry] = [:]
    private let now: @Sendable () -> Date

    /// A cache writing to `directory` (nil: memory only), using facts for `maxAge` seconds.
    public init(directory: ConfigDirectory? = nil, maxAge: TimeInterval = 24 * 60 * 60, now: @escaping @Sendable () -> Date = Date.init) {
        self.directory = directory
        self.maxAge = maxAge
        self.now = now
    }

    /// The cache of the XDG cache folder (`$XDG_CACHE_HOME/hubsh/schema`, else `~/.cache/hubsh/schema`);
    /// memory only when no home folder is known.
    public static func standard(environment: [String: String]) -> SchemaCache {
        let base: String?
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            base = cache
        } else if let home = environment["HOME"], !home.isEmpty {
            base = home + "/.cache"
        } else {
            base = nil
        }
        return SchemaCache(directory: base.map { ConfigDirectory(path: $0 + "/hubsh/schema") })
    }

    /// The custom object schemas of `connection`: cached, else fetched with `client`.
    /// `fresh` fetches whatever is cached.
    public func objectSchemas(of connection: ConnectionSettings, persist: Bool, client: HubSpotClient,
                              fresh: Bool = false) async throws(HubSpotAPIError) -> [ObjectSchema] {
        try await cached(\.objects, of: connection, persist: persist, fresh: fresh) { () async throws(HubSpotAPIError) in try await client.schemas() }
    }

    /// The property definitions of `objectType` on `connection`: cached, else fetched with `client`.
    /// `fresh` fetches whatever is cached.
    public func properties(_ objectType: String, of connection: ConnectionSettings, persist: Bool, client: HubSpotClient,
                           fresh: Bool = false) async throws(HubSpotAPIError) -> [PropertyDefinition] {
        try await cached(\.properties[objectType], of: connection, persist: persist, fresh: fresh) { () async throws(HubSpotAPIError) in
            try await client.properties(objectType)
        }
    }

    /// The account's owners on `connection`: cached, else fetched with `client`.
    public func owners(of connection: ConnectionSettings, persist: Bool, client: HubSpotClient,
                       fresh: Bool = false) async throws(HubSpotAPIError) -> [Owner] {
        try await cached(\.owners, of: connection, persist: persist, fresh: fresh) { () async throws(HubSpotAPIError) in try await client.owners() }
    }

    /// The pipelines of `objectType` on `connection`: cached, else fetched with `client`.
    public func pipelines(_ objectType: String, of connection: ConnectionSettings, persist: Bool, client: HubSpotClient,
                          fresh: Bool = false) async throws(HubSpotAPIError) -> [Pipeline] {
        try await cached(\.pipelines[objectType], of: connection, persist: persist, fresh: fresh) { () async throws(HubSpotAPIError) in
            try await client.pipelines(objectType)
        }
    }

    /// The account's time zone on `connection`: cached, else read from its details with `client`.
    /// Details HubSpot refuses (a status, such as a missing scope) give UTC, kept like an answer.
    public func timeZone(of connection: ConnectionSettings, persist: Bool, client: HubSpotClient,
                         fresh: Bool = false) async throws(HubSpotAPIError) -> PortalTimeZone {
        try await cached(\.timeZone, of: connection, persist: persist, fresh: fresh) { () async throws(HubSpotAPIError) in
            do throws(HubSpotAPIError) {
                return PortalTimeZone(try await client.accountDetails())
            } catch {
                guard error.status != nil else { throw error }
                return .utc
            }
        }
    }

    /// The part of `connection`'s entry at `part`: kept when fresh (and not asked `fresh`), else
    /// fetched, kept and stored.
    private func cached<Facts>(_ part: WritableKeyPath<Entry, Part<Facts>?>, of connection: ConnectionSettings, persist: Bool, fresh: Bool,
                               fetch: () async throws(HubSpotAPIError) -> Facts) async throws(HubSpotAPIError) -> Facts {
        if !fresh, let kept = entry(connection, persist: persist)[keyPath: part], isFresh(kept.fetchedAt) { return kept.facts }
        let facts = try await fetch()
        // Read the entry again: another fetch may have stored into it meanwhile.
        var entry = entry(connection, persist: persist)
        entry[keyPath: part] = Part(facts: facts, fetchedAt: now())
        store(entry, for: connection.name, persist: persist)
        return facts
    }

    /// Drops the owners, pipelines and time zone kept for `connection`, so they are read again
    /// when next needed (`refresh`).
    public func forgetValueFacts(of connection: ConnectionSettings, persist: Bool) {
        var entry = entry(connection, persist: persist)
        entry.owners = nil
        entry.pipelines = [:]
        entry.timeZone = nil
        store(entry, for: connection.name, persist: persist)
    }

    /// The property definitions of `objectType` cached for `connection` (however old), without a call.
    public func cachedProperties(_ objectType: String, of connection: ConnectionSettings, persist: Bool) -> [PropertyDefinition]? {
        entry(connection, persist: persist).properties[objectType]?.facts
    }

    /// The object types whose properties are cached for `connection`.
    public func cachedObjectTypes(_ connection: ConnectionSettings, persist: Bool) -> [String] {
        entry(connection, persist: persist).properties.keys.sorted()
    }

    /// Drops what is known of the connection called `name`, in memory and on disk.
    public func forget(_ name: String) {
        entries[name] = nil
        if let directory { unlink(directory.path(of: Self.fileName(name))) }
    }

    private func isFresh(_ fetchedAt: Date) -> Bool { now().timeIntervalSince(fetchedAt) < maxAge }

    /// The connection's entry: from memory, else from its file, else empty. An entry for another
    /// base URL or API version is replaced by an empty one.
    private func entry(_ connection: ConnectionSettings, persist: Bool) -> Entry {
        let source = connection.baseURL + " " + connection.api
        if let entry = entries[connection.name], entry.source == source { return entry }
        let loaded = persist ? load(connection.name).flatMap { $0.source == source ? $0 : nil } : nil
        let entry = loaded ?? Entry(source: source)
        entries[connection.name] = entry
        return entry
    }

    private func store(_ entry: Entry, for name: String, persist: Bool) {
        entries[name] = entry
        guard persist, let directory else { return }
        // A cache that cannot be written costs a round trip next time, nothing more.
        try? directory.writeJSON(Self.json(entry), to: Self.fileName(name))
    }

    private func load(_ name: String) -> Entry? {
        guard let directory, let json = try? directory.readJSON(Self.fileName(name)) else { return nil }
        return Self.entry(json)
    }

    /// `NAME.json`, with any character that is not a letter, digit, `.`, `_` or `-` written `%XX`.
    public static func fileName(_ name: String) -> String {
        var file = ""
        for byte in name.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar),
               !(file.isEmpty && scalar == ".") {
                file.unicodeScalars.append(scalar)
            } else {
                file += String(format: "%%%02X", byte)
            }
        }
        return file + ".json"
    }

    // MARK: The file's JSON

    private static func json(_ entry: Entry) -> JSONValue {
        var file: JSONObject = ["source": .string(entry.source)]
        if let objects = entry.objects {
            file["objects"] = ["fetchedAt": .double(objects.fetchedAt.timeIntervalSince1970),
                               "results": .array(objects.facts.map { .object($0.json) })]
        }
        var properties: JSONObject = [:]
        for (type, part) in entry.properties.sorted(by: { $0.key < $1.key }) {
            properties[type] = ["fetchedAt": .double(part.fetchedAt.timeIntervalSince1970),
                                "results": .array(part.facts.map { .object($0.json) })]
        }
        file["properties"] = .object(properties)
        if let owners = entry.owners {
            file["owners"] = ["fetchedAt": .double(owners.fetchedAt.timeIntervalSince1970),
                              "results": .array(owners.facts.map { .object($0.json) })]
        }
        var pipelines: JSONObject = [:]
        for (type, part) in entry.pipelines.sorted(by: { $0.key < $1.key }) {
            pipelines[type] = ["fetchedAt": .double(part.fetchedAt.timeIntervalSince1970),
                               "results": .array(part.facts.map { .object($0.json) })]
        }
        if !pipelines.isEmpty { file["pipelines"] = .object(pipelines) }
        if let zone = entry.timeZone {
            file["timeZone"] = ["fetchedAt": .double(zone.fetchedAt.timeIntervalSince1970), "name": .string(zone.facts.name),
                                "utcOffsetMilliseconds": .int(zone.facts.utcOffsetMilliseconds)]
        }
        return .object(file)
    }

    /// Reads a file; nil when it is not one hubsh wrote (it is then fetched again and replaced).
    private static func entry(_ json: JSONValue) -> Entry? {
        guard let source = json["source"]?.stringValue else { return nil }
        var entry = Entry(source: source)
        if let objects = json["objects"], let part = part(objects, ObjectSchema.init) { entry.objects = part }
        for (type, value) in json["properties"]?.objectValue ?? [:] {
            if let part = part(value, PropertyDefinition.init) { entry.properties[type] = part }
        }
        if let owners = json["owners"], let part = part(owners, Owner.init) { entry.owners = part }
        for (type, value) in json["pipelines"]?.objectValue ?? [:] {
            if let part = part(value, Pipeline.init) { entry.pipelines[type] = part }
        }
        if let zone = json["timeZone"], let seconds = zone["fetchedAt"]?.doubleValue, let name = zone["name"]?.stringValue {
            entry.timeZone = Part(facts: PortalTimeZone(name: name, utcOffsetMilliseconds: zone["utcOffsetMilliseconds"]?.intValue ?? 0),
                                  fetchedAt: Date(timeIntervalSince1970: seconds))
        }
        return entry
    }

    private static func part<T>(_ json: JSONValue, _ make: (JSONValue) throws(HubSpotAPIError) -> T) -> Part<[T]>? {
        guard let seconds = json["fetchedAt"]?.doubleValue, let results = json["results"]?.arrayValue else { return nil }
        var facts: [T] = []
        for result in results {
            guard let fact = try? make(result) else { return nil }
            facts.append(fact)
        }
        return Part(facts: facts, fetchedAt: Date(timeIntervalSince1970: seconds))
    }
}
