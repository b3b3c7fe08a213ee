import JSONValue

/// The checks a bulk job makes of each input before sending anything: values encoded by the
/// property definitions (types, options, read-only properties), and the id or unique key the
/// operation needs. A dry run makes the same checks without sending.
public struct BulkInputCheck: Sendable {
    public let operation: BulkOperation
    public let encoder: PropertyValueEncoder?

    public init(operation: BulkOperation, encoder: PropertyValueEncoder?) {
        self.operation = operation
        self.encoder = encoder
    }

    /// What a batch would carry for `input`: the key it is matched on (update, upsert, archive) and its
    /// properties as HubSpot's strings; or why it cannot be sent. Associations are checked by the batch.
    public func prepare(_ input: BulkInput) throws(HubSpotAPIError) -> (key: String?, properties: JSONObject) {
        // Archives and associations send no properties (a piped record's own are not checked).
        let given: JSONObject
        switch operation {
        case .archive, .associate, .unassociate: given = [:]
        case .create, .update, .upsert: given = input.properties
        }
        var properties = try encoder?.encode(given) ?? given.mapValues { .string(PropertyValueEncoder.text($0)) }
        var key: String?
        switch operation {
        case .create, .associate, .unassociate:
            break
        case .update(_, let idProperty):
            guard let id = input.id, !id.isEmpty else {
                throw HubSpotAPIError(.invalidRequest, "an update needs the record's \(idProperty ?? "id")")
            }
            key = id
        case .upsert(_, let idProperty):
            guard let id = input.id ?? properties[idProperty]?.stringValue, !id.isEmpty else {
                throw HubSpotAPIError(.invalidRequest, "an upsert by \(idProperty) needs a value for \(idProperty)")
            }
            key = id
            // Sent along so each result names its key and can be matched to its input.
            if idProperty != "hs_object_id" { properties[idProperty] = .string(id) }
        case .archive:
            guard let id = input.id, !id.isEmpty else { throw HubSpotAPIError(.invalidRequest, "an archive needs the record's id") }
            key = id
        }
        return (key, properties)
    }

    /// What a create of `objectType` must carry (hubspot-api.md §2.4): each entry is satisfied by any one
    /// of its names. Custom objects' own requirements are their schema's, which HubSpot checks.
    public static func requiredOnCreate(_ objectType: String) -> [[String]] {
        switch StandardObjectType.named(objectType)?.name ?? objectType {
        case "companies": [["name", "domain"]]
        case "deals": [["dealname"], ["dealstage"]]
        case "tickets": [["subject"], ["hs_pipeline"], ["hs_pipeline_stage"]]
        case "calls", "notes", "meetings", "tasks", "postal_mail": [["hs_timestamp"]]
        case "emails": [["hs_timestamp"], ["hs_email_direction"]]
        case "communications": [["hs_timestamp"], ["hs_communication_channel_type"]]
        case "products": [["name"], ["price"], ["description"], ["hs_sku"], ["hs_folder"]]
        case "quotes": [["hs_title"], ["hs_expiration_date"]]
        default: []
        }
    }

    /// Why a create carrying `properties` (encoded) would be refused for a missing required property, or nil.
    public func missingRequired(_ properties: JSONObject) -> String? {
        let present = Set(properties.filter { $0.value.stringValue?.isEmpty == false }.keys)
        let missing = Self.requiredOnCreate(operation.objectType).filter { $0.allSatisfy { !present.contains($0) } }
        guard !missing.isEmpty else { return nil }
        let names = missing.map { $0.joined(separator: " or ") }
        return "a new \(operation.objectType) record needs \(names.joined(separator: ", ")) (HubSpot refuses it without)"
    }
}
