import JSONValue

// The schemas API's answers (hubspot-api.md §3) encoded from the typed schemas. State files keep a
// schema as `json` (its stored form) and read it back with `init(json:)`.

extension ObjectSchema {
    /// The schema's stored form: every field it holds, properties left to the catalog.
    var json: JSONValue {
        var object: JSONObject = [
            "id": .string(id), "name": .string(name), "labels": labelsJSON, "objectTypeId": .string(objectTypeId),
            "fullyQualifiedName": .string(fullyQualifiedName), "associations": .array(associations.map(\.json)),
            "requiredProperties": Self.strings(requiredProperties), "searchableProperties": Self.strings(searchableProperties),
            "secondaryDisplayProperties": Self.strings(secondaryDisplayProperties),
        ]
        if let primaryDisplayProperty { object["primaryDisplayProperty"] = .string(primaryDisplayProperty) }
        if let description { object["description"] = .string(description) }
        object["createdAt"] = .string(createdAt.iso8601)
        object["updatedAt"] = .string(updatedAt.iso8601)
        object["archived"] = .bool(archived)
        if let archivedAt { object["archivedAt"] = .string(archivedAt.iso8601) }
        return .object(object)
    }

    /// A schema saved as `json`; nil when a field is missing.
    init?(json: JSONValue) {
        guard let id = json["id"]?.stringValue, let name = json["name"]?.stringValue,
              let typeId = json["objectTypeId"]?.stringValue,
              let created = json["createdAt"]?.stringValue.flatMap(Timestamp.init(parsing:)),
              let updated = json["updatedAt"]?.stringValue.flatMap(Timestamp.init(parsing:)) else { return nil }
        self.init(id: id, name: name, singularLabel: json["labels"]?["singular"]?.stringValue ?? name,
                  pluralLabel: json["labels"]?["plural"]?.stringValue ?? name, objectTypeId: typeId,
                  fullyQualifiedName: json["fullyQualifiedName"]?.stringValue ?? name,
                  associations: (json["associations"]?.arrayValue ?? []).compactMap(SchemaAssociation.init(json:)),
                  requiredProperties: SchemaInput.strings(json["requiredProperties"]),
                  searchableProperties: SchemaInput.strings(json["searchableProperties"]),
                  secondaryDisplayProperties: SchemaInput.strings(json["secondaryDisplayProperties"]),
                  primaryDisplayProperty: json["primaryDisplayProperty"]?.stringValue, description: json["description"]?.stringValue,
                  createdAt: created, updatedAt: updated, archived: json["archived"]?.boolValue ?? false,
                  archivedAt: json["archivedAt"]?.stringValue.flatMap(Timestamp.init(parsing:)))
    }

    /// `ObjectTypeDefinition`: the schema without properties and associations, plus `portalId`.
    func definitionJSON(portalId: Int) -> JSONValue {
        var object: JSONObject = [
            "id": .string(id), "objectTypeId": .string(objectTypeId), "fullyQualifiedName": .string(fullyQualifiedName),
            "name": .string(name), "labels": labelsJSON, "requiredProperties": Self.strings(requiredProperties),
            "searchableProperties": Self.strings(searchableProperties),
        ]
        if let primaryDisplayProperty { object["primaryDisplayProperty"] = .string(primaryDisplayProperty) }
        object["secondaryDisplayProperties"] = Self.strings(secondaryDisplayProperties)
        if let description { object["description"] = .string(description) }
        object["portalId"] = .int(portalId)
        object["createdAt"] = .string(createdAt.iso8601)
        object["updatedAt"] = .string(updatedAt.iso8601)
        object["archived"] = .bool(archived)
        return .object(object)
    }

    var labelsJSON: JSONValue {
        ["singular": .string(singularLabel), "plural": .string(pluralLabel)]
    }

    static func strings(_ names: [String]) -> JSONValue {
        .array(names.map(JSONValue.string))
    }
}

extension SchemaAnswer {
    /// `ObjectSchema`, members in the order of hubspot-api.md §3.
    var json: JSONValue {
        var object: JSONObject = [
            "id": .string(schema.id), "name": .string(schema.name), "labels": schema.labelsJSON,
            "objectTypeId": .string(schema.objectTypeId), "fullyQualifiedName": .string(schema.fullyQualifiedName),
            "properties": .array(properties.map(\.answerJSON)),
            "associations": .array(includesAssociations ? schema.associations.map(\.json) : []),
            "requiredProperties": ObjectSchema.strings(schema.requiredProperties),
            "searchableProperties": ObjectSchema.strings(schema.searchableProperties),
        ]
        if let primary = schema.primaryDisplayProperty { object["primaryDisplayProperty"] = .string(primary) }
        object["secondaryDisplayProperties"] = ObjectSchema.strings(schema.secondaryDisplayProperties)
        if let description = schema.description { object["description"] = .string(description) }
        object["createdAt"] = .string(schema.createdAt.iso8601)
        object["updatedAt"] = .string(schema.updatedAt.iso8601)
        object["archived"] = .bool(schema.archived)
        if let archivedAt = schema.archivedAt { object["archivedAt"] = .string(archivedAt.iso8601) }
        return .object(object)
    }
}

extension SchemaAssociation {
    /// `AssociationDefinition`.
    var json: JSONValue {
        ["id": .string(id), "fromObjectTypeId": .string(fromObjectTypeId), "toObjectTypeId": .string(toObjectTypeId),
         "name": .string(name), "createdAt": .string(createdAt.iso8601), "updatedAt": .string(updatedAt.iso8601)]
    }

    init?(json: JSONValue) {
        guard let id = json["id"]?.stringValue, let from = json["fromObjectTypeId"]?.stringValue,
              let to = json["toObjectTypeId"]?.stringValue, let name = json["name"]?.stringValue,
              let created = json["createdAt"]?.stringValue.flatMap(Timestamp.init(parsing:)),
              let updated = json["updatedAt"]?.stringValue.flatMap(Timestamp.init(parsing:)) else { return nil }
        self.init(id: id, fromObjectTypeId: from, toObjectTypeId: to, name: name, createdAt: created, updatedAt: updated)
    }
}
