import JSONValue

// The associations API's answers (hubspot-api.md §5) encoded from the store's typed answers. Ids are
// JSON numbers where v4 documents them so [D], strings elsewhere.

extension AssociationType {
    /// `AssociationSpecWithLabel`: `{category, typeId, label}`.
    var specWithLabel: JSONValue {
        ["category": .string(category), "typeId": .int(id), "label": JSONValue(label)]
    }

    /// `AssociationSpec`: `{associationCategory, associationTypeId}`.
    var spec: JSONValue {
        ["associationCategory": .string(category), "associationTypeId": .int(id)]
    }

    /// A v3 type: `{id, name}`, the id as a string (§5.1).
    var v3JSON: JSONValue {
        ["id": .string(String(id)), "name": .string(name)]
    }
}

extension AssociationTarget {
    /// `{toObjectId, associationTypes}`.
    var json: JSONValue {
        ["toObjectId": .int(toId), "associationTypes": .array(types.map(\.specWithLabel))]
    }
}

extension AssociationPage {
    /// A record's associations, with `paging.next` (and its link under `linkBase`) while there is more.
    func json(linkBase: String) -> JSONValue {
        var body: JSONObject = ["results": .array(targets.map(\.json))]
        if let next {
            body["paging"] = ["next": ["after": .string(next), "link": .string("\(linkBase)?limit=\(limit)&after=\(next)")]]
        }
        return .object(body)
    }
}

extension LabelsBetween {
    /// `LabelsBetweenObjectPair`.
    var json: JSONValue {
        ["fromObjectTypeId": .string(fromObjectTypeId), "fromObjectId": .int(fromId),
         "toObjectTypeId": .string(toObjectTypeId), "toObjectId": .int(toId), "labels": .array(labels.map(JSONValue.string))]
    }
}

extension DefaultAssociation {
    /// `PublicDefaultAssociation`.
    var json: JSONValue {
        ["from": ["id": .string(String(fromId))], "to": ["id": .string(String(toId))], "associationSpec": type.spec]
    }
}

extension AssociationRead {
    /// `{from: {id}, to: [...], paging?}`.
    var json: JSONValue {
        var result: JSONObject = ["from": ["id": .string(fromId)], "to": .array(page.targets.map(\.json))]
        if let next = page.next { result["paging"] = ["next": ["after": .string(next)]] }
        return .object(result)
    }
}

extension V3Association {
    /// `PublicAssociation`.
    var json: JSONValue {
        ["from": ["id": .string(String(fromId))], "to": ["id": .string(String(toId))], "type": .string(typeName)]
    }
}

extension V3AssociationRead {
    /// `{from: {id}, to: [{id, type}]}`.
    var json: JSONValue {
        ["from": ["id": .string(fromId)], "to": .array(links.map { ["id": .string(String($0.id)), "type": .string($0.typeName)] })]
    }
}

extension AssociationLimit {
    /// `{category, typeId, label, userEnforcedMaxToObjectIds}`.
    var json: JSONValue {
        ["category": .string(type.category), "typeId": .int(type.id), "label": JSONValue(type.label),
         "userEnforcedMaxToObjectIds": .int(maxToObjectIds)]
    }
}
