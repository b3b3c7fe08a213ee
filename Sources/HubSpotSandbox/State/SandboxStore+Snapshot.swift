import JSONValue

/// The whole account as one JSON document, for `--state FILE`.
///
/// Records use short keys (`p` properties, `c`/`u` created/updated ms, `a` archived, `aa` archived ms,
/// `h` history) so a large account stays a reasonable file.
extension SandboxStore {
    /// The format tag and version written at the top of a state file.
    static let snapshotFormat: JSONValue = "hubsh-sandbox-state/1"

    /// Everything the account holds.
    func snapshot() -> JSONValue {
        var records = JSONObject()
        for (typeId, table) in tables {
            records[typeId] = .array(table.records.lazy.filter { $0.id != 0 }.map(Self.snapshot(of:)))
        }
        return [
            "format": Self.snapshotFormat,
            "portal": portal.json,
            "lastId": .int(lastId),
            "types": .array(types.values.map(\.json)),
            "properties": .object(JSONObject(uniqueKeysWithValues: properties.map { ($0.key, .array($0.value.values.map(\.json))) })),
            "groups": .object(JSONObject(uniqueKeysWithValues: groups.map { ($0.key, .array($0.value.values.map(\.json))) })),
            "schemas": .object(JSONObject(uniqueKeysWithValues: schemas.map { ($0.key, $0.value.json) })),
            "owners": .array(owners.map(\.json)),
            "pipelines": .object(JSONObject(uniqueKeysWithValues: pipelines.map { ($0.key, .array($0.value.map(\.json))) })),
            "records": .object(records),
            "associations": associations.snapshot(),
            "merged": .object(JSONObject(uniqueKeysWithValues: mergedInto.map { typeId, merges in
                (typeId, .object(JSONObject(uniqueKeysWithValues: merges.sorted { $0.key < $1.key }.map { (String($0.key), .int($0.value)) })))
            })),
        ]
    }

    /// Replaces the account with a snapshot's contents.
    func restore(_ snapshot: JSONValue) throws(StateFileError) {
        guard snapshot["format"] == Self.snapshotFormat else {
            throw StateFileError(message: "not a hubsh sandbox state file (no \(Self.snapshotFormat) format tag)")
        }
        if let portal = snapshot["portal"].flatMap(Portal.init(json:)) { self.portal = portal }
        lastId = snapshot["lastId"]?.intValue ?? lastId
        // Standard types keep this version's facts (required properties change as HubSpot's are
        // corrected); only custom types come from the file.
        for type in (snapshot["types"]?.arrayValue ?? []).compactMap(ObjectType.init(json:)) where types[type.objectTypeId] == nil {
            register(type)
        }
        for (typeId, list) in snapshot["properties"]?.objectValue ?? [:] {
            let definitions = (list.arrayValue ?? []).compactMap(PropertyDefinition.init(json:))
            properties[typeId] = PropertyCatalog(uniqueKeysWithValues: definitions.map { ($0.name, $0) })
        }
        for (typeId, list) in snapshot["groups"]?.objectValue ?? [:] {
            let loaded = (list.arrayValue ?? []).compactMap(PropertyGroup.init(json:))
            groups[typeId] = OrderedDictionary(uniqueKeysWithValues: loaded.map { ($0.name, $0) })
        }
        schemas = (snapshot["schemas"]?.objectValue ?? [:]).compactMapValues(ObjectSchema.init(json:))
        // A file written before empty accounts held their user keeps the one owner `init` gave.
        let savedOwners = (snapshot["owners"]?.arrayValue ?? []).compactMap(Owner.init(json:))
        if !savedOwners.isEmpty { owners = savedOwners }
        // Types the file has no pipelines for (new in this version) keep their standard ones.
        for (typeId, list) in snapshot["pipelines"]?.objectValue ?? [:] {
            pipelines[typeId] = (list.arrayValue ?? []).compactMap(Pipeline.init(json:))
        }
        for (typeId, list) in snapshot["records"]?.objectValue ?? [:] {
            var table = RecordTable()
            for record in (list.arrayValue ?? []).compactMap(Self.record(from:)).sorted(by: { $0.id < $1.id }) {
                table.insert(record)
            }
            tables[typeId] = table
            reindexUniqueProperties(of: typeId)
        }
        mergedInto = (snapshot["merged"]?.objectValue ?? [:]).reduce(into: [:]) { result, entry in
            result[entry.key] = (entry.value.objectValue ?? [:]).reduce(into: [:]) { merges, pair in
                if let old = Int(pair.key), let into = pair.value.intValue { merges[old] = into }
            }
        }
        do {
            associations = try AssociationGraph(snapshot: snapshot["associations"] ?? [:])
        } catch {
            throw StateFileError(message: "the associations cannot be read: \(error)")
        }
    }

    private static func snapshot(of record: StoredRecord) -> JSONValue {
        var o: JSONObject = ["id": .int(record.id), "p": .object(JSONObject(uniqueKeysWithValues: record.properties.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
                             "c": .int(Int(record.createdAt.milliseconds)), "u": .int(Int(record.updatedAt.milliseconds))]
        if record.archived { o["a"] = true }
        if let archivedAt = record.archivedAt { o["aa"] = .int(Int(archivedAt.milliseconds)) }
        if let history = record.history {
            o["h"] = .object(JSONObject(uniqueKeysWithValues: history.sorted { $0.key < $1.key }.map { name, versions in
                (name, .array(versions.map { ["v": .string($0.value), "t": .int(Int($0.timestamp.milliseconds)), "s": .string($0.sourceType)] }))
            }))
        }
        return .object(o)
    }

    private static func record(from json: JSONValue) -> StoredRecord? {
        guard let id = json["id"]?.intValue, let created = json["c"]?.intValue else { return nil }
        var record = StoredRecord(id: id, properties: (json["p"]?.objectValue ?? [:]).reduce(into: [:]) { $0[$1.key] = $1.value.stringValue },
                                  createdAt: Timestamp(milliseconds: Int64(created)),
                                  updatedAt: json["u"]?.intValue.map { Timestamp(milliseconds: Int64($0)) })
        record.archived = json["a"]?.boolValue ?? false
        record.archivedAt = json["aa"]?.intValue.map { Timestamp(milliseconds: Int64($0)) }
        if let history = json["h"]?.objectValue {
            record.history = history.reduce(into: [:]) { result, entry in
                result[entry.key] = (entry.value.arrayValue ?? []).compactMap { v in
                    guard let value = v["v"]?.stringValue, let t = v["t"]?.intValue else { return nil }
                    return PropertyVersion(value: value, timestamp: Timestamp(milliseconds: Int64(t)), sourceType: v["s"]?.stringValue ?? "API")
                }
            }
        }
        return record
    }
}

extension Portal {
    var json: JSONValue {
        ["portalId": .int(portalId), "accountType": .string(accountType), "timeZone": .string(timeZone),
         "companyCurrency": .string(companyCurrency), "additionalCurrencies": .array(additionalCurrencies.map(JSONValue.string)),
         "utcOffset": .string(utcOffset), "utcOffsetMilliseconds": .int(utcOffsetMilliseconds), "uiDomain": .string(uiDomain),
         "dataHostingLocation": .string(dataHostingLocation), "firstRecordId": .int(firstRecordId)]
    }

    init?(json: JSONValue) {
        guard let portalId = json["portalId"]?.intValue else { return nil }
        self.init()
        self.portalId = portalId
        accountType = json["accountType"]?.stringValue ?? accountType
        timeZone = json["timeZone"]?.stringValue ?? timeZone
        companyCurrency = json["companyCurrency"]?.stringValue ?? companyCurrency
        additionalCurrencies = json["additionalCurrencies"]?.arrayValue?.compactMap(\.stringValue) ?? additionalCurrencies
        utcOffset = json["utcOffset"]?.stringValue ?? utcOffset
        utcOffsetMilliseconds = json["utcOffsetMilliseconds"]?.intValue ?? utcOffsetMilliseconds
        uiDomain = json["uiDomain"]?.stringValue ?? uiDomain
        dataHostingLocation = json["dataHostingLocation"]?.stringValue ?? dataHostingLocation
        firstRecordId = json["firstRecordId"]?.intValue ?? firstRecordId
    }
}

extension ObjectType {
    var json: JSONValue {
        var o: JSONObject = [
            "name": .string(name), "objectTypeId": .string(objectTypeId), "singular": .string(singular),
            "errorLabel": .string(errorLabel), "createDateProperty": .string(createDateProperty),
            "lastModifiedProperty": .string(lastModifiedProperty),
            "defaultProperties": .array(defaultProperties.map(JSONValue.string)),
            "searchDefaultProperties": .array(searchDefaultProperties.map(JSONValue.string)),
            "requiredProperties": .array(requiredProperties.map(JSONValue.string)),
            "queryProperties": .array(queryProperties.map(JSONValue.string)), "scopeName": .string(scopeName),
        ]
        if let fullyQualifiedName { o["fullyQualifiedName"] = .string(fullyQualifiedName) }
        return .object(o)
    }

    init?(json: JSONValue) {
        func strings(_ key: String) -> [String] { json[key]?.arrayValue?.compactMap(\.stringValue) ?? [] }
        guard let name = json["name"]?.stringValue, let id = json["objectTypeId"]?.stringValue else { return nil }
        self.init(name: name, objectTypeId: id, singular: json["singular"]?.stringValue ?? name,
                  errorLabel: json["errorLabel"]?.stringValue ?? name.uppercased(),
                  createDateProperty: json["createDateProperty"]?.stringValue ?? "hs_createdate",
                  lastModifiedProperty: json["lastModifiedProperty"]?.stringValue ?? "hs_lastmodifieddate",
                  defaultProperties: strings("defaultProperties"), searchDefaultProperties: strings("searchDefaultProperties"),
                  requiredProperties: strings("requiredProperties"), queryProperties: strings("queryProperties"),
                  scopeName: json["scopeName"]?.stringValue ?? "custom", fullyQualifiedName: json["fullyQualifiedName"]?.stringValue)
    }
}
