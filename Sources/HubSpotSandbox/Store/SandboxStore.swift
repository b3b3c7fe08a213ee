import JSONValue

/// The account the emulator serves: portal facts, object types, property definitions, records,
/// associations, owners and pipelines. One actor, so every request sees a consistent account.
///
/// Operations that belong to one HubSpot resource live in `SandboxStore+Resource.swift` files.
public actor SandboxStore {
    /// Portal facts served by `/account-info/v3/details` and used in messages.
    public internal(set) var portal: Portal
    /// Object types by type id (`0-1`, `2-123`), standard and custom.
    var types: OrderedDictionary<String, ObjectType> = [:]
    /// Property definitions per object type id.
    var properties: [String: PropertyCatalog] = [:]
    /// Property groups per object type id.
    var groups: [String: OrderedDictionary<String, PropertyGroup>] = [:]
    /// Records per object type id.
    var tables: [String: RecordTable] = [:]
    /// Custom object schemas by type id.
    var schemas: OrderedDictionary<String, ObjectSchema> = [:]
    /// Associations between records and the association types (labels) per object pair.
    var associations = AssociationGraph()
    /// Owners, in id order.
    var owners: [Owner] = []
    /// Pipelines per object type id, in display order.
    var pipelines: [String: [Pipeline]] = [:]
    /// Per object type id: merged-away record id → the id it was merged into. HubSpot keeps serving
    /// single reads and updates of a merged-away id (hubspot-api.md §2.4).
    var mergedInto: [String: [Int: Int]] = [:]
    /// The search lag new tables start with (an empty log); `nil`: search sees writes at once.
    var searchLag: SearchLagLog?
    /// The last id handed out; ids are unique across all object types, as HubSpot's look.
    var lastId: Int
    /// Export and import jobs by id (docs/sandbox.md, "Exports and imports"); not kept in state files.
    var exportJobs: [Int: ExportJob] = [:]
    var importJobs: [Int: ImportJob] = [:]
    var lastJobId = 7_000_000

    /// An empty account with the standard object types and their property definitions, pipelines, and
    /// its own user as its one owner (hubspot-api.md §6: a real account is never without owners).
    public init(portal: Portal = Portal()) {
        self.portal = portal
        self.lastId = portal.firstRecordId - 1
        var properties: [String: PropertyCatalog] = [:]
        var groups: [String: OrderedDictionary<String, PropertyGroup>] = [:]
        var pipelines: [String: [Pipeline]] = [:]
        StandardProperties.install(into: &properties, groups: &groups)
        StandardPipelines.install(into: &pipelines, properties: &properties)
        for type in ObjectType.standardTypes {
            types[type.objectTypeId] = type
            var table = RecordTable()
            table.indexUniqueProperties(of: properties[type.objectTypeId] ?? [:], in: type)
            tables[type.objectTypeId] = table
        }
        let owners = [DemoOwners.accountUser()]
        Self.setOwnerOptions(owners, in: &properties)
        self.owners = owners
        self.properties = properties
        self.groups = groups
        self.pipelines = pipelines
    }

    /// Adds an object type with an empty table.
    func register(_ type: ObjectType) {
        types[type.objectTypeId] = type
        if tables[type.objectTypeId] == nil {
            var table = RecordTable()
            table.searchLag = searchLag
            tables[type.objectTypeId] = table
        }
        if properties[type.objectTypeId] == nil { properties[type.objectTypeId] = [:] }
        if groups[type.objectTypeId] == nil { groups[type.objectTypeId] = [:] }
    }

    /// Makes the table index every unique-valued property of the type (and contact `email`).
    func reindexUniqueProperties(of typeId: String) {
        guard let catalog = properties[typeId], let type = types[typeId] else { return }
        tables[typeId, default: RecordTable()].indexUniqueProperties(of: catalog, in: type)
    }

    /// The object type a path names: API name (`contacts`), singular, type id (`0-1`, `2-12`) or a
    /// custom object's fully qualified name (`p123_cars`) or its short form `p_cars`, which clients
    /// such as Singer's HubSpot tap send [O]. HubSpot answers an unknown one with 400
    /// `Unable to infer object type from: …` [O; status UNCONFIRMED].
    public func objectType(_ reference: String) throws(HubSpotError) -> ObjectType {
        if let type = types[reference] { return type }
        let lower = reference.lowercased()
        if let type = types.values.first(where: { $0.matches(lower) || $0.name.lowercased() == lower }) { return type }
        if lower.hasPrefix("p_"), let type = types.values.first(where: { $0.isCustom && $0.name.lowercased() == lower.dropFirst(2) }) {
            return type
        }
        throw HubSpotError.validation("Unable to infer object type from: \(reference)")
    }

    /// The property definitions of a type.
    func catalog(_ type: ObjectType) -> PropertyCatalog {
        properties[type.objectTypeId] ?? [:]
    }

    /// How many records (archived ones included) the account holds.
    public var recordCount: Int {
        tables.values.reduce(0) { $0 + $1.records.lazy.filter { $0.id != 0 }.count }
    }

    /// Hands out the next record id.
    func nextId() -> Int {
        lastId += 1
        return lastId
    }
}

/// Facts about the emulated HubSpot account.
public struct Portal: Sendable, Hashable {
    public var portalId: Int = 46_217_395
    public var accountType: String = "STANDARD"
    public var timeZone: String = "US/Eastern"
    public var companyCurrency: String = "USD"
    public var additionalCurrencies: [String] = ["EUR"]
    public var utcOffset: String = "-05:00"
    public var utcOffsetMilliseconds: Int = -18_000_000
    public var uiDomain: String = "app.hubspot.com"
    public var dataHostingLocation: String = "na1"
    /// The first record id handed out (ids look like HubSpot's 11-digit ones).
    public var firstRecordId: Int = 10_000_000_001

    public init() {}
}
