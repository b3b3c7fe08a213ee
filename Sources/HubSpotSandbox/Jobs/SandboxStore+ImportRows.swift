import JSONValue

/// One row of an import, ready to write.
struct ImportRow: Sendable {
    /// Its line in the file (the header is line 1).
    let line: Int
    let cells: [String]
    let properties: PropertyValues
    /// The value of the key column (update, upsert); nil for a create, or a row without one.
    let key: String?

    var traceId: String { "import-line-\(line)" }

    /// The row's value a refusal's message quotes, if any.
    func value(quotedIn message: String) -> String? {
        properties.values.first { !$0.isEmpty && message.contains($0) }
    }

    /// The row as a batch input: by its key when it has one, traced so its answer is its own.
    func input(idProperty: String?, traced: Bool = true) -> RecordInput {
        RecordInput(id: key, idProperty: key == nil ? nil : idProperty ?? "hs_object_id", properties: properties,
                    objectWriteTraceId: traced ? traceId : nil)
    }
}

extension ImportJob {
    /// Keeps `row` as refused: a `PublicImportError` with its line and cells.
    mutating func refuse(_ row: ImportRow, type: ObjectType, _ kind: String, _ message: String, value: String? = nil) {
        errors.append(ImportError(id: "\(id)-\(row.line)", kind: kind, message: message, createdAt: Int(Timestamp.now().milliseconds),
                                  objectType: type.singular.uppercased(), objectTypeId: type.objectTypeId, line: row.line,
                                  cells: row.cells, invalidValue: value))
    }

    /// Keeps `row` as refused for `error`, naming the value the message quotes.
    mutating func refuse(_ row: ImportRow, type: ObjectType, for error: HubSpotError) {
        refuse(row, type: type, error.category == "CONFLICT" ? "DUPLICATE_VALUE" : "INVALID_PROPERTY_VALUE", error.message,
               value: row.value(quotedIn: error.message))
    }
}

extension SandboxStore {
    /// Writes up to 100 rows of an import through the batch endpoints' path: creates (and rows of an
    /// update or upsert without a key) by batch create, updates by batch update, each row traced so a
    /// refusal is that row's. A batch that fails whole (an upsert's refusal, a key twice) is written
    /// row by row instead, so each row still gets its own answer.
    func writeImportRows(_ rows: [ImportRow], type: ObjectType, operation: String, idProperty: String?, job: inout ImportJob) {
        guard !rows.isEmpty else { return }
        let creates = rows.filter { operation == "CREATE" || $0.key == nil }
        let keyed = rows.filter { operation != "CREATE" && $0.key != nil }
        if !creates.isEmpty {
            record(try? batchCreate(type.objectTypeId, creates.map { $0.input(idProperty: nil) }), rows: creates, type: type,
                   operation: "CREATE", idProperty: idProperty, job: &job)
        }
        if !keyed.isEmpty {
            let inputs = keyed.map { $0.input(idProperty: idProperty) }
            let outcome = operation == "UPDATE" ? try? batchUpdate(type.objectTypeId, inputs) : try? batchUpsert(type.objectTypeId, inputs)
            record(outcome, rows: keyed, type: type, operation: operation, idProperty: idProperty, job: &job)
        }
    }

    /// Counts a batch's answer into the job, row by row; without one (the batch failed whole) writes
    /// the rows one at a time.
    private func record(_ outcome: BatchResults<RecordAnswer>?, rows: [ImportRow], type: ObjectType, operation: String, idProperty: String?,
                        job: inout ImportJob) {
        guard let outcome else {
            for row in rows { writeImportRow(row, type: type, operation: operation, idProperty: idProperty, job: &job) }
            return
        }
        var refused = Set<Int>()
        for error in outcome.errors {
            let message = error.message
            let traces = error.context?["objectWriteTraceId"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let ids = Set(error.context?["ids"]?.arrayValue?.compactMap(\.scalarText) ?? [])
            for row in rows where traces.contains(row.traceId) || (row.key.map { ids.contains($0) } ?? false) {
                guard refused.insert(row.line).inserted else { continue }
                let value = row.value(quotedIn: message)
                let duplicate = error.category == "CONFLICT" || message.hasPrefix("Duplicate value")
                job.refuse(row, type: type, duplicate ? "DUPLICATE_VALUE" : ids.isEmpty ? "INVALID_PROPERTY_VALUE" : "UNKNOWN_OBJECT_VALUE",
                           message, value: value)
            }
        }
        for result in outcome.results {
            if operation == "CREATE" || result.isNew == true { job.created += 1 } else { job.updated += 1 }
        }
    }

    /// One row on its own (after its batch failed whole).
    private func writeImportRow(_ row: ImportRow, type: ObjectType, operation: String, idProperty: String?, job: inout ImportJob) {
        do throws(HubSpotError) {
            if operation == "CREATE" || row.key == nil {
                _ = try create(type.objectTypeId, row.input(idProperty: nil, traced: false))
                job.created += 1
                return
            }
            let input = [row.input(idProperty: idProperty, traced: false)]
            let outcome = operation == "UPDATE" ? try batchUpdate(type.objectTypeId, input) : try batchUpsert(type.objectTypeId, input)
            if let failure = outcome.errors.first {
                job.refuse(row, type: type, "INVALID_PROPERTY_VALUE", failure.message)
            } else if outcome.results.first?.isNew == true {
                job.created += 1
            } else {
                job.updated += 1
            }
        } catch {
            job.refuse(row, type: type, for: error)
        }
    }
}
