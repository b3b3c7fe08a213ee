import JSONValue

/// A properties batch answer: the definitions found, and a 207's errors naming the others.
public struct PropertyBatchResponse: Sendable {
    public var status: Int
    public var results: [PropertyDefinition]
    public var errors: [HubSpotErrorBody]
}

/// The properties API (hubspot-api.md §4): property definitions and property groups of an object type.
extension HubSpotClient {
    /// `GET …/properties/{type}` → every definition (no paging); `archived` lists only archived ones.
    public func properties(_ objectType: String, archived: Bool = false) async throws(HubSpotAPIError) -> [PropertyDefinition] {
        let query: [(name: String, value: String)] = archived ? [("archived", "true")] : []
        let json = try await json(HubSpotRequest(.GET, propertiesPath(objectType), query: query))
        return try definitions(json["results"])
    }

    /// `GET …/properties/{type}/{name}`; 404 for an unknown name.
    public func property(_ objectType: String, _ name: String, archived: Bool = false) async throws(HubSpotAPIError) -> PropertyDefinition {
        let query: [(name: String, value: String)] = archived ? [("archived", "true")] : []
        return try PropertyDefinition(try await json(HubSpotRequest(.GET, "\(propertiesPath(objectType))/\(segment(name))", query: query)))
    }

    /// `POST …/properties/{type}` with a `PropertyCreate` (`name, label, type, fieldType, groupName, options?…`) → 201.
    public func createProperty(_ objectType: String, _ definition: JSONValue) async throws(HubSpotAPIError) -> PropertyDefinition {
        try PropertyDefinition(try await json(HubSpotRequest(.POST, propertiesPath(objectType), body: definition, idempotent: false)))
    }

    /// `PATCH …/properties/{type}/{name}` with the fields to change → 200.
    public func updateProperty(_ objectType: String, _ name: String, _ changes: JSONValue) async throws(HubSpotAPIError) -> PropertyDefinition {
        try PropertyDefinition(try await json(HubSpotRequest(.PATCH, "\(propertiesPath(objectType))/\(segment(name))", body: changes)))
    }

    /// `DELETE …/properties/{type}/{name}` → 204. HubSpot's own properties cannot be archived.
    public func archiveProperty(_ objectType: String, _ name: String) async throws(HubSpotAPIError) {
        _ = try await send(HubSpotRequest(.DELETE, "\(propertiesPath(objectType))/\(segment(name))"))
    }

    /// `POST …/properties/{type}/batch/read` → 200, or 207 naming the properties not found.
    public func batchReadProperties(_ objectType: String, names: [String], archived: Bool = false) async throws(HubSpotAPIError) -> PropertyBatchResponse {
        let body: JSONValue = ["inputs": .array(names.map { ["name": .string($0)] }), "archived": .bool(archived)]
        let request = HubSpotRequest(.POST, "\(propertiesPath(objectType))/batch/read", body: body, idempotent: true)
        let response = try await send(request)
        let json = try response.json()
        return PropertyBatchResponse(status: response.status, results: try definitions(json["results"]),
                                     errors: (json["errors"]?.arrayValue ?? []).map(HubSpotErrorBody.init))
    }

    /// `GET …/properties/{type}/groups`.
    public func propertyGroups(_ objectType: String) async throws(HubSpotAPIError) -> [PropertyGroup] {
        let json = try await json(HubSpotRequest(.GET, "\(propertiesPath(objectType))/groups"))
        var groups: [PropertyGroup] = []
        for item in json["results"]?.arrayValue ?? [] { groups.append(try PropertyGroup(item)) }
        return groups
    }

    /// `POST …/properties/{type}/groups` → 201; a name in use is 409.
    public func createPropertyGroup(_ objectType: String, name: String, label: String,
                                    displayOrder: Int? = nil) async throws(HubSpotAPIError) -> PropertyGroup {
        var body: JSONObject = ["name": .string(name), "label": .string(label)]
        if let displayOrder { body["displayOrder"] = .int(displayOrder) }
        return try PropertyGroup(try await json(HubSpotRequest(.POST, "\(propertiesPath(objectType))/groups", body: .object(body), idempotent: false)))
    }

    /// `DELETE …/properties/{type}/groups/{name}` → 204.
    public func archivePropertyGroup(_ objectType: String, _ name: String) async throws(HubSpotAPIError) {
        _ = try await send(HubSpotRequest(.DELETE, "\(propertiesPath(objectType))/groups/\(segment(name))"))
    }

    func propertiesPath(_ objectType: String) -> String { "\(version.properties)/\(segment(objectType))" }

    /// A `results` array read as definitions.
    func definitions(_ results: JSONValue?) throws(HubSpotAPIError) -> [PropertyDefinition] {
        var definitions: [PropertyDefinition] = []
        for item in results?.arrayValue ?? [] { definitions.append(try PropertyDefinition(item)) }
        return definitions
    }
}
