import JSONValue

extension JSONValue {
    /// The object and its identifying field `key`, read by `read`: how every answer model starts reading.
    /// Throws `missing` (with the start of the JSON) when this is not an object or the field is absent.
    func identified<Key>(by key: String, _ read: (JSONValue) -> Key?, else missing: String) throws(HubSpotAPIError) -> (object: JSONObject, key: Key) {
        guard let object = objectValue, let found = object[key].flatMap(read) else {
            throw HubSpotAPIError(.invalidResponse, "\(missing): \(jsonString.prefix(200))")
        }
        return (object, found)
    }
}
