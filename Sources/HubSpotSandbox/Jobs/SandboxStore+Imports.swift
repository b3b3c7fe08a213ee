extension SandboxStore {
    /// `POST /crm/v3/imports` with the `importRequest` JSON and one CSV file (docs/sandbox.md, "Exports
    /// and imports"): maps the columns by `columnMappings`, writes each row as the `importOperations`
    /// say (CREATE, or UPDATE/UPSERT by the column whose `idColumnType` is HUBSPOT_OBJECT_ID or
    /// HUBSPOT_ALTERNATE_ID), and keeps each row it refused as an error → the job, STARTED.
    func startImport(_ input: ImportInput, file: [UInt8]) throws(HubSpotError) -> ImportJob {
        let type = try objectType(input.objectTypeId)
        let catalog = catalog(type)
        var rows = CSVRows.parse(String(decoding: file, as: UTF8.self)).filter { $0 != [""] }
        let hasHeader = input.hasHeader
        let header = hasHeader && !rows.isEmpty ? rows.removeFirst() : []
        // Each mapping's column: by name in the header, else by position.
        var columns: [(index: Int, property: String, key: String?)] = []
        for (position, mapping) in input.columns.enumerated() {
            let property = mapping.property
            guard catalog[property] != nil else { throw HubSpotError.validation("Property \(property) does not exist on \(type.name)") }
            let index = mapping.name.flatMap { header.firstIndex(of: $0) } ?? position
            let key: String? = switch mapping.key {
            case .objectId: "hs_object_id"
            case .alternateId: property
            case nil: nil
            }
            columns.append((index, property, key))
        }
        let operation = input.operations[type.objectTypeId] ?? "CREATE"
        let keyColumn = columns.first { $0.key != nil }
        if operation != "CREATE", keyColumn == nil {
            throw HubSpotError.validation("An \(operation) import needs a column with idColumnType HUBSPOT_OBJECT_ID or HUBSPOT_ALTERNATE_ID")
        }
        lastJobId += 1
        var job = ImportJob(id: lastJobId, name: input.name, createdAt: .now(), request: input.echo,
                            objectTypeId: type.objectTypeId)
        job.totalRows = rows.count
        let width = header.isEmpty ? (rows.first?.count ?? 0) : header.count
        // Rows go through the batch endpoints' own path, 100 a call with a trace id each, so one row's
        // refusal is its own (docs/sandbox.md, "Exports and imports").
        var chunk: [ImportRow] = []
        for (offset, row) in rows.enumerated() {
            let line = offset + (hasHeader ? 2 : 1)
            guard row.count == width else {
                job.refuse(ImportRow(line: line, cells: row, properties: [:], key: nil), type: type, "INCORRECT_NUMBER_OF_COLUMNS",
                           "The row has \(row.count) columns; the file has \(width)")
                continue
            }
            var properties: PropertyValues = [:]
            for column in columns where column.index < row.count && !row[column.index].isEmpty && column.key != "hs_object_id" {
                properties[column.property] = row[column.index]
            }
            let key = keyColumn.flatMap { $0.index < row.count ? row[$0.index] : nil }.flatMap { $0.isEmpty ? nil : $0 }
            chunk.append(ImportRow(line: line, cells: row, properties: properties, key: operation == "CREATE" ? nil : key))
            if chunk.count == batchInputLimit {
                writeImportRows(chunk, type: type, operation: operation, idProperty: keyColumn?.key, job: &job)
                chunk.removeAll(keepingCapacity: true)
            }
        }
        writeImportRows(chunk, type: type, operation: operation, idProperty: keyColumn?.key, job: &job)
        // A row refused before its batch was sent comes in line order with the others.
        job.errors.sort { $0.line < $1.line }
        importJobs[job.id] = job
        return job
    }

    /// `GET /crm/v3/imports/{importId}`: the import, one state further.
    func importStatus(_ reference: String) throws(HubSpotError) -> ImportJob {
        guard let id = Int(reference), var job = importJobs[id] else { throw HubSpotError.resourceNotFound("Import \(reference) does not exist") }
        _ = job.nextState()
        importJobs[id] = job
        return job
    }

    /// `GET /crm/v3/imports/{importId}/errors?limit=&after=`: the rows refused, by line.
    func importErrors(_ reference: String, limit: Int, after: String?) throws(HubSpotError) -> ImportErrorPage {
        guard let id = Int(reference), let job = importJobs[id] else { throw HubSpotError.resourceNotFound("Import \(reference) does not exist") }
        let start = after.flatMap { Int($0) } ?? 0
        let page = Array(job.errors.dropFirst(start).prefix(limit))
        return ImportErrorPage(results: page, nextAfter: start + page.count < job.errors.count ? start + page.count : nil)
    }
}
