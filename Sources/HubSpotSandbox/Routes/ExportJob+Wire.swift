import JSONValue

// The Exports API's request and answers (docs/sandbox.md, "Exports and imports"): the request decoded
// into an `ExportInput`, the store's typed answers encoded outside its actor.

extension ExportInput {
    /// `PublicExportRequest`: a VIEW export to CSV; `publicCrmSearchRequest.filters` are read by the
    /// search's own parser, as one filter group.
    init(json body: JSONValue) throws(HubSpotError) {
        guard let reference = body["objectType"]?.stringValue else { throw HubSpotError.validation("objectType is required") }
        let exportType = body["exportType"]?.stringValue ?? "VIEW"
        guard exportType == "VIEW" else { throw HubSpotError.validation("The sandbox exports views only (exportType VIEW), not \(exportType)") }
        let format = body["format"]?.stringValue ?? "CSV"
        guard format == "CSV" else { throw HubSpotError.validation("The sandbox writes CSV exports only, not \(format)") }
        let asked = (body["objectProperties"]?.arrayValue ?? []).compactMap(\.stringValue)
        guard !asked.isEmpty else { throw HubSpotError.validation("objectProperties must name at least one property") }
        var search: JSONObject = ["limit": 0]
        if let filters = body["publicCrmSearchRequest"]?["filters"]?.arrayValue, !filters.isEmpty {
            search["filterGroups"] = [["filters": .array(filters)]]
        }
        let request = try SearchRequest(parsing: .object(search), bodySize: 0)
        self.init(objectType: reference, objectProperties: asked, filterGroups: request.filterGroups)
    }

    /// The answer to a started export: `{id, links}`.
    static func started(_ id: Int) -> JSONValue {
        ["id": .string(String(id)), "links": ["status": .string("/crm/v3/exports/export/async/tasks/\(id)/status")]]
    }
}

extension ExportStatus {
    /// `{status, requestedAt, startedAt, links, completedAt?, result?}`, the result a URL under `fileBase`
    /// once COMPLETE.
    func json(fileBase: String) -> JSONValue {
        var answer: JSONObject = ["status": .string(status), "requestedAt": .string(requestedAt.iso8601),
                                  "startedAt": .string(requestedAt.iso8601), "links": [:]]
        if let completedAt {
            answer["completedAt"] = .string(completedAt.iso8601)
            answer["result"] = .string("\(fileBase)/\(id)/export.csv")
        }
        return .object(answer)
    }
}
