/// The properties `export` writes when `props` names none: HubSpot's search defaults for the type
/// (hubspot-api.md §2.3), so both routes write the same columns; for other types the creation and
/// modification dates the type has.
enum ExportColumns {
    static let searchDefaults: [String: [String]] = [
        "contacts": ["firstname", "lastname", "email", "lastmodifieddate", "createdate"],
        "companies": ["name", "domain", "createdate", "hs_lastmodifieddate"],
        "deals": ["dealname", "amount", "closedate", "pipeline", "dealstage", "createdate", "hs_lastmodifieddate"],
        "tickets": ["content", "hs_pipeline", "hs_pipeline_stage", "hs_ticket_category", "hs_ticket_priority", "subject", "createdate", "hs_lastmodifieddate"],
        "products": ["name", "description", "price", "createdate", "hs_lastmodifieddate"],
        "line_items": ["quantity", "amount", "price", "createdate", "hs_lastmodifieddate"],
        "quotes": ["hs_expiration_date", "hs_public_url_key", "hs_status", "hs_title", "hs_createdate", "hs_lastmodifieddate"],
    ]

    /// The default columns of `objectType`, kept to the properties it has (`known`).
    static func defaults(for objectType: String, among known: [String]) -> [String] {
        let names = Set(known)
        let wanted = searchDefaults[objectType.lowercased()] ?? ["createdate", "hs_createdate", "hs_lastmodifieddate"]
        return wanted.filter { names.contains($0) }
    }
}
