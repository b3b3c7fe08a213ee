import JSONValue

// The records API's answers (hubspot-api.md §2.2, §2.5, §2.6) encoded from the store's typed answers,
// outside the store's actor.

extension RecordAnswer {
    /// `SimplePublicObject` (with `propertiesWithHistory`, `associations`, `url`, `objectWriteTraceId` and
    /// `new` when the answer carries them), members in HubSpot's order.
    var json: JSONValue {
        var properties = JSONObject(minimumCapacity: names.count)
        for name in names { properties[name] = JSONValue(record.value(of: name, in: type)) }
        var object: JSONObject = ["id": .string(String(record.id)), "properties": .object(properties)]
        if let history {
            var withHistory = JSONObject()
            for name in history {
                withHistory[name] = .array(record.versions(of: name, in: type).map {
                    ["value": .string($0.value), "timestamp": .string($0.timestamp.iso8601), "sourceType": .string($0.sourceType)]
                })
            }
            object["propertiesWithHistory"] = .object(withHistory)
        }
        object["createdAt"] = .string(record.createdAt.iso8601)
        object["updatedAt"] = .string(record.updatedAt.iso8601)
        object["archived"] = .bool(record.archived)
        if let archivedAt = record.archivedAt { object["archivedAt"] = .string(archivedAt.iso8601) }
        if !associations.isEmpty {
            var embedded = JSONObject()
            for association in associations { embedded[association.typeName] = association.json }
            object["associations"] = .object(embedded)
        }
        if let url { object["url"] = .string(url) }
        if let objectWriteTraceId { object["objectWriteTraceId"] = .string(objectWriteTraceId) }
        if let isNew { object["new"] = .bool(isNew) }
        return .object(object)
    }
}

extension EmbeddedAssociations {
    /// `{results: [{id, type}]}`, the type as its v3 name.
    var json: JSONValue {
        ["results": .array(links.map { ["id": .string(String($0.id)), "type": .string($0.label)] })]
    }
}

extension RecordPage {
    /// `CollectionResponseSimplePublicObjectWithAssociations`: the page, and `paging.next` with a link
    /// under `linkBase` while there is more.
    func json(linkBase: String) -> JSONValue {
        var body: JSONObject = ["results": .array(records.map(\.json))]
        if let next {
            body["paging"] = ["next": ["after": .string(String(next)), "link": .string("\(linkBase)?limit=\(limit)&after=\(next)")]]
        }
        return .object(body)
    }
}

extension SearchPage {
    /// `CollectionResponseWithTotalSimplePublicObject`: `{total, results, paging?}`.
    var json: JSONValue {
        var answer: JSONObject = ["total": .int(total), "results": .array(records.map(\.json))]
        if let next { answer["paging"] = ["next": ["after": .string(String(next))]] }
        return .object(answer)
    }
}
