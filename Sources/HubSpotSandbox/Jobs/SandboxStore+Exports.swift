import JSONValue

extension SandboxStore {
    /// `POST /crm/v3/exports/export/async` (docs/sandbox.md, "Exports and imports"): a VIEW export of
    /// `objectType`'s `objectProperties` (all its records, or those `publicCrmSearchRequest.filters`
    /// match, ANDed), as CSV → `{id, links}`.
    func startExport(_ body: JSONValue) throws(HubSpotError) -> JSONValue {
        guard let reference = body["objectType"]?.stringValue else { throw HubSpotError.validation("objectType is required") }
        let type = try objectType(reference)
        let exportType = body["exportType"]?.stringValue ?? "VIEW"
        guard exportType == "VIEW" else { throw HubSpotError.validation("The sandbox exports views only (exportType VIEW), not \(exportType)") }
        let format = body["format"]?.stringValue ?? "CSV"
        guard format == "CSV" else { throw HubSpotError.validation("The sandbox writes CSV exports only, not \(format)") }
        let catalog = catalog(type)
        let asked = (body["objectProperties"]?.arrayValue ?? []).compactMap(\.stringValue)
        guard !asked.isEmpty else { throw HubSpotError.validation("objectProperties must name at least one property") }
        for name in asked where catalog[name] == nil && !type.systemProperties.contains(name) {
            throw HubSpotError.validation("Property \(name) does not exist on \(type.name)")
        }
        let names = ["hs_object_id"] + asked.filter { $0 != "hs_object_id" }
        var search: JSONObject = ["limit": 0]
        if let filters = body["publicCrmSearchRequest"]?["filters"]?.arrayValue, !filters.isEmpty {
            search["filterGroups"] = [["filters": .array(filters)]]
        }
        let request = try SearchRequest(parsing: .object(search), bodySize: 0)
        let column = { (name: String) in self.tables[type.objectTypeId]?.column(name) ?? [] }
        let table = SearchTable(records: tables[type.objectTypeId]?.records ?? [], column: column)
        let compiler = SearchFilterCompiler(type: type, catalog: catalog, table: table) { reference, id in
            guard let target = try? self.objectType(reference) else { return nil }
            return self.associatedIds(of: type, to: target, id: id)
        }
        let records = table.records
        let scan = SearchScan(filter: try compiler.compile(request.filterGroups), query: nil,
                              querySources: QuerySources(type.queryProperties, type, in: table), after: 0, limit: records.count)
        let (count, positions) = scan.inTableOrder(records)
        var csv = CSVText.row(names.map { catalog[$0]?.label ?? ($0 == "hs_object_id" ? "Record ID" : $0) })
        for position in positions {
            csv += CSVText.row(names.map { records[position].value(of: $0, in: type) ?? "" })
        }
        lastJobId += 1
        exportJobs[lastJobId] = ExportJob(id: lastJobId, requestedAt: .now(), csv: csv, rows: count)
        return ["id": .string(String(lastJobId)), "links": ["status": .string("/crm/v3/exports/export/async/tasks/\(lastJobId)/status")]]
    }

    /// `GET /crm/v3/exports/export/async/tasks/{taskId}/status`: `{status, requestedAt, startedAt,
    /// completedAt?, result?}`, the result a URL under `fileBase` once COMPLETE.
    func exportStatus(_ reference: String, fileBase: String) throws(HubSpotError) -> JSONValue {
        guard let id = Int(reference), var job = exportJobs[id] else {
            throw HubSpotError.resourceNotFound("Export task \(reference) does not exist")
        }
        let status = job.nextStatus()
        exportJobs[id] = job
        var answer: JSONObject = ["status": .string(status), "requestedAt": .string(job.requestedAt.iso8601),
                                  "startedAt": .string(job.requestedAt.iso8601), "links": [:]]
        if status == "COMPLETE" {
            answer["completedAt"] = .string(Timestamp.now().iso8601)
            answer["result"] = .string("\(fileBase)/\(id)/export.csv")
        }
        return .object(answer)
    }

    /// The CSV file of a finished export.
    func exportFile(_ reference: String) throws(HubSpotError) -> String {
        guard let id = Int(reference), let job = exportJobs[id], job.reads >= 2 else {
            throw HubSpotError.resourceNotFound("Export file \(reference) does not exist")
        }
        return job.csv
    }
}
