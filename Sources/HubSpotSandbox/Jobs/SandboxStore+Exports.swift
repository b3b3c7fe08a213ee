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
        // An export reads the records, not the search index: it sees every write (UNCONFIRMED: docs/sandbox.md).
        let count = tables[type.objectTypeId]?.records.count ?? 0
        let (table, scan) = try scanning(type, filterGroups: input.filterGroups, query: nil, after: 0, limit: count, lagging: false)
        let records = table.records
        let positions = scan.inTableOrder(records).page
        var csv = CSVText.row(names.map { catalog[$0]?.label ?? ($0 == "hs_object_id" ? "Record ID" : $0) })
        for position in positions {
            csv += CSVText.row(names.map { records[position].value(of: $0, in: type) ?? "" })
        }
        lastJobId += 1
        exportJobs[lastJobId] = ExportJob(id: lastJobId, requestedAt: .now(), csv: csv)
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
