import JSONValue

extension SandboxStore {
    /// `POST /crm/v3/objects/{type}/search` (hubspot-api.md §2.6). (Stub.)
    public func search(_ typeReference: String, _ body: JSONValue, bodySize: Int) throws(HubSpotError) -> JSONValue {
        let type = try objectType(typeReference)
        _ = type
        return ["total": 0, "results": []]
    }
}
