import JSONValue

/// The objects API (hubspot-api.md §2): list, read, create, update, archive, merge, GDPR delete.
extension HubSpotClient {
    /// A `properties` query longer than this is sent in a batch-read body instead, so a URL never
    /// grows past what HubSpot accepts (414).
    static let maxPropertiesQueryLength = 1_500

    /// One page of `GET …/objects/{type}` (page size at most 100).
    public func listPage(_ objectType: String, limit: Int = 100, after: String? = nil, properties: [String] = [],
                         associations: [String] = [], archived: Bool = false) async throws(HubSpotAPIError) -> Page<CRMRecord> {
        let longProperties = properties.joined(separator: ",").count > HubSpotClient.maxPropertiesQueryLength
        var query: [(name: String, value: String)] = [("limit", String(min(max(limit, 1), 100)))]
        if let after { query.append(("after", after)) }
        if !properties.isEmpty { query.append(("properties", longProperties ? "hs_object_id" : properties.joined(separator: ","))) }
        if !associations.isEmpty { query.append(("associations", associations.joined(separator: ","))) }
        if archived { query.append(("archived", "true")) }
        let json = try await self.json(HubSpotRequest(.GET, "\(version.objects)/\(segment(objectType))", query: query))
        var page = Page(results: try json.records(), after: json.nextAfter)
        if longProperties, !page.results.isEmpty {
            // Many properties: read the page's records again with the names in the body.
            let full = try await batchRead(objectType, ids: page.results.map(\.id), properties: properties, archived: archived)
            let byId = Dictionary(full.results.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            page.results = page.results.map { byId[$0.id] ?? $0 }
        }
        return page
    }

    /// `GET …/objects/{type}/{id}`, by record id or by a unique property (`idProperty`). Many
    /// properties go through batch read instead of the URL.
    public func record(_ objectType: String, id: String, properties: [String] = [], associations: [String] = [],
                       idProperty: String? = nil, archived: Bool = false) async throws(HubSpotAPIError) -> CRMRecord {
        if properties.joined(separator: ",").count > HubSpotClient.maxPropertiesQueryLength, associations.isEmpty {
            let batch = try await batchRead(objectType, ids: [id], properties: properties, idProperty: idProperty, archived: archived)
            guard let record = batch.results.first else {
                throw batch.errors.first.map { HubSpotAPIError(.http(status: 404), $0.message ?? "not found", body: $0) }
                    ?? HubSpotAPIError(.http(status: 404), "Object not found.")
            }
            return record
        }
        var query: [(name: String, value: String)] = []
        if !properties.isEmpty { query.append(("properties", properties.joined(separator: ","))) }
        if !associations.isEmpty { query.append(("associations", associations.joined(separator: ","))) }
        if let idProperty { query.append(("idProperty", idProperty)) }
        if archived { query.append(("archived", "true")) }
        return try CRMRecord(try await json(HubSpotRequest(.GET, "\(version.objects)/\(segment(objectType))/\(segment(id))", query: query)))
    }

    /// `POST …/objects/{type}` → 201. `associations` are v4-style specs (hubspot-api.md §2.4).
    public func create(_ objectType: String, properties: JSONObject, associations: [JSONValue] = []) async throws(HubSpotAPIError) -> CRMRecord {
        var body: JSONObject = ["properties": .object(properties)]
        if !associations.isEmpty { body["associations"] = .array(associations) }
        return try CRMRecord(try await json(HubSpotRequest(.POST, "\(version.objects)/\(segment(objectType))", body: .object(body), idempotent: false)))
    }

    /// `PATCH …/objects/{type}/{id}` → 200.
    public func update(_ objectType: String, id: String, properties: JSONObject, idProperty: String? = nil) async throws(HubSpotAPIError) -> CRMRecord {
        let query: [(name: String, value: String)] = idProperty.map { [("idProperty", $0)] } ?? []
        let request = HubSpotRequest(.PATCH, "\(version.objects)/\(segment(objectType))/\(segment(id))", query: query,
                                     body: ["properties": .object(properties)])
        return try CRMRecord(try await json(request))
    }

    /// `DELETE …/objects/{type}/{id}` → 204 (a soft delete HubSpot keeps for 90 days).
    public func archive(_ objectType: String, id: String) async throws(HubSpotAPIError) {
        _ = try await send(HubSpotRequest(.DELETE, "\(version.objects)/\(segment(objectType))/\(segment(id))"))
    }

    /// `POST /crm/v3/objects/{type}/merge` → the merged record.
    public func merge(_ objectType: String, primaryId: String, mergingId: String) async throws(HubSpotAPIError) -> CRMRecord {
        let body: JSONValue = ["primaryObjectId": .string(primaryId), "objectIdToMerge": .string(mergingId)]
        return try CRMRecord(try await json(HubSpotRequest(.POST, "\(version.objects)/\(segment(objectType))/merge", body: body, idempotent: false)))
    }

    /// `POST /crm/v3/objects/contacts/gdpr-delete` → 204: erases a contact for good.
    public func gdprDelete(_ objectType: String = "contacts", id: String, idProperty: String? = nil) async throws(HubSpotAPIError) {
        var body: JSONObject = ["objectId": .string(id)]
        if let idProperty { body["idProperty"] = .string(idProperty) }
        _ = try await send(HubSpotRequest(.POST, "\(version.objects)/\(segment(objectType))/gdpr-delete", body: .object(body), idempotent: true))
    }
}

/// One path segment, percent-encoded (object types and ids are user input).
func segment(_ text: String) -> String { percentEncode(text) }
