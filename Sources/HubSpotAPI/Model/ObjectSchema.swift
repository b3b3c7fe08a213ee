import JSONValue

/// A custom object's schema (hubspot-api.md §3): its names, display settings, properties and
/// association definitions. An update answers without properties and associations; they are then empty.
public struct ObjectSchema: Sendable, Hashable {
    /// One association definition of the schema.
    public struct Association: Sendable, Hashable {
        /// The association type id, as a string.
        public var id: String
        public var fromObjectTypeId: String
        public var toObjectTypeId: String
        public var name: String

        /// Reads an `AssociationDefinition`; refuses one without an `id`.
        public init(_ json: JSONValue) throws(HubSpotAPIError) {
            let id = try json.identified(by: "id", \.scalarText, else: "an association definition without an id").key
            self.id = id
            fromObjectTypeId = json["fromObjectTypeId"]?.scalarText ?? ""
            toObjectTypeId = json["toObjectTypeId"]?.scalarText ?? ""
            name = json["name"]?.stringValue ?? ""
        }
    }

    /// The schema exactly as received.
    public let json: JSONObject
    /// The numeric id, as a string (`123456`).
    public var id: String
    public var name: String
    /// `2-{id}`: what the objects API takes as the object type.
    public var objectTypeId: String
    /// `p{portalId}_{name}`.
    public var fullyQualifiedName: String
    public var singularLabel: String
    public var pluralLabel: String
    public var primaryDisplayProperty: String?
    public var requiredProperties: [String]
    public var searchableProperties: [String]
    public var properties: [PropertyDefinition]
    public var associations: [Association]
    public var archived: Bool

    /// Reads a schema; refuses JSON without an `objectTypeId`.
    public init(_ json: JSONValue) throws(HubSpotAPIError) {
        let (object, objectTypeId) = try json.identified(by: "objectTypeId", \.stringValue, else: "a schema without an objectTypeId")
        self.json = object
        self.objectTypeId = objectTypeId
        id = object["id"]?.scalarText ?? String(objectTypeId.dropFirst(2))
        name = object["name"]?.stringValue ?? ""
        fullyQualifiedName = object["fullyQualifiedName"]?.stringValue ?? ""
        singularLabel = object["labels"]?["singular"]?.stringValue ?? name
        pluralLabel = object["labels"]?["plural"]?.stringValue ?? name
        primaryDisplayProperty = object["primaryDisplayProperty"]?.stringValue
        requiredProperties = (object["requiredProperties"]?.arrayValue ?? []).compactMap(\.stringValue)
        searchableProperties = (object["searchableProperties"]?.arrayValue ?? []).compactMap(\.stringValue)
        var properties: [PropertyDefinition] = []
        for item in object["properties"]?.arrayValue ?? [] { properties.append(try PropertyDefinition(item)) }
        self.properties = properties
        var associations: [Association] = []
        for item in object["associations"]?.arrayValue ?? [] { associations.append(try Association(item)) }
        self.associations = associations
        archived = object["archived"]?.boolValue ?? false
    }
}
