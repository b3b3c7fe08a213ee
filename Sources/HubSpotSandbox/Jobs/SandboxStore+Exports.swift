extension SandboxStore {
    /// `POST /crm/v3/exports/export/async` (docs/sandbox.md, "Exports and imports"): a VIEW export of
    /// the input's `objectProperties` (all its records, or those its filters match), as CSV → its id.
    func startExport(_ input: ExportInput) throws(HubSpotError) -> Int {
        let type = try objectType(input.objectType)
        let catalog = catalog(type)
        let asked = input.objectProperties
        for name in asked where catalog[name] == nil && !type.systemProperties.contains(name) {
            throw HubSpotError.validation("Property \(name) does not exist on \(type.name)")
        }
        let names = ["hs_object_id"] + asked.filter { $0 != "hs_object_id" }
        let column = { (name: String) in self.tables[type.objectTypeId]?.column(name) ?? [] }
        let table = SearchTable(records: tables[type.objectTypeId]?.records ?? [], column: column)
        let compiler = SearchFilterCompiler(type: type, catalog: catalog, table: table) { reference, id in
            guard let target = try? self.objectType(reference) else { return nil }
            return self.associatedIds(of: type, to: target, id: id)
        }
        let records = table.records
        let scan = SearchScan(filter: try compiler.compile(input.filterGroups), query: nil,
                              querySources: QuerySources(type.queryProperties, type, in: table), after: 0, limit: records.count)
        let (count, positions) = scan.inTableOrder(records)
        var csv = CSVText.row(names.map { catalog[$0]?.label ?? ($0 == "hs_object_id" ? "Record ID" : $0) })
        for position in positions {
            csv += CSVText.row(names.map { records[position].value(of: $0, in: type) ?? "" })
        }
        lastJobId += 1
        exportJobs[lastJobId] = ExportJob(id: lastJobId, requestedAt: .now(), csv: csv, rows: count)
        return lastJobId
    }

    /// `GET /crm/v3/exports/export/async/tasks/{taskId}/status`: the export, one status further.
    func exportStatus(_ reference: String) throws(HubSpotError) -> ExportStatus {
        guard let id = Int(reference), var job = exportJobs[id] else {
            throw HubSpotError.resourceNotFound("Export task \(reference) does not exist")
        }
        let status = job.nextStatus()
        exportJobs[id] = job
        return ExportStatus(id: id, status: status, requestedAt: job.requestedAt, completedAt: status == "COMPLETE" ? .now() : nil)
    }

    /// The CSV file of a finished export.
    func exportFile(_ reference: String) throws(HubSpotError) -> String {
        guard let id = Int(reference), let job = exportJobs[id], job.reads >= 2 else {
            throw HubSpotError.resourceNotFound("Export file \(reference) does not exist")
        }
        return job.csv
    }
}
