import Foundation
import HubSpotAPI
import HubshLanguage
import JSONValue

/// An import through HubSpot's Imports API: says (at the prompt, asks) that undo cannot be offered,
/// uploads the file with its column mappings, follows the job's state on the progress line, then
/// fetches the rows HubSpot refused and yields one `{status: failed, line, column, value, errorType,
/// error}` per row. The rows written count as done, the refused ones as failed (exit status 3 or 1).
struct ImportJobRun: Sendable {
    let plan: ImportPlan
    let bound: BoundCommand

    /// The states an import ends in.
    static let finalStates: Set<String> = ["DONE", "FAILED", "CANCELED", "REVERTED"]

    /// The `importRequest` JSON: one CSV file, its mapped columns (the key column marked), the operation.
    func request(objectTypeId: String) -> JSONValue {
        var mappings: [JSONValue] = []
        for (column, property) in plan.source.columns {
            var mapping: JSONObject = ["columnObjectTypeId": .string(objectTypeId), "columnName": .string(column)]
            if property == "id" {
                // A create makes new ids: the id column says nothing to it.
                guard plan.operation != .create else { continue }
                mapping["propertyName"] = "hs_object_id"
                if plan.key == nil { mapping["idColumnType"] = "HUBSPOT_OBJECT_ID" }
            } else {
                mapping["propertyName"] = .string(property)
                if property == plan.key { mapping["idColumnType"] = "HUBSPOT_ALTERNATE_ID" }
            }
            mappings.append(.object(mapping))
        }
        return ["name": .string("hubsh import \(plan.source.name)"),
                "importOperations": .object([objectTypeId: .string(plan.operation.jobName)]),
                "files": [["fileName": .string(plan.source.name), "fileFormat": "CSV",
                           "fileImportPage": ["hasHeader": true, "columnMappings": .array(mappings)]]]]
    }

    func run(context: ShellContext) async throws -> ValueStream {
        let client = try await context.client()
        let objectTypeId = try await plan.objectTypeId(context: context)
        let connection = await context.session.connectionName ?? "HubSpot"
        let what = "\(ProgressLine.grouped(plan.source.rows)) rows of \(plan.source.name) into \(plan.objectType)"
        if !bound.has(ImportCommand.yes), let confirm = context.confirm {
            guard await confirm("Import \(what) on \(connection) through HubSpot's Imports API? It is journalled, but undo cannot be offered. [y/N] ") else {
                throw ImportCancelled()
            }
        } else {
            context.message("import: HubSpot's Imports API writes the rows on its side: the journal records the import, but undo cannot be offered")
        }
        let csv: [UInt8]
        do {
            csv = Array(try Data(contentsOf: URL(fileURLWithPath: plan.source.path)))
        } catch {
            throw Diagnostic("import: cannot read \(plan.source.path): \(error.localizedDescription)", at: bound[ImportCommand.file]?.range ?? bound.syntax.range)
        }
        // Journalled (as merge and gdpr-delete are) before anything is sent, so `journal` lists it and
        // `undo` says why it cannot; the job's id follows once HubSpot gives it.
        let journal = try await RecordWrite.journalFile(.importJob, objectType: plan.objectType, context: context, bound: bound)
        await context.tally.noteWritten(plan.objectType)
        await context.tally.notePhase("import: uploading")
        let started = try await client.startImport(request: request(objectTypeId: objectTypeId), fileName: plan.source.name, csv: csv)
        guard let id = started["id"]?.scalarText else { throw HubSpotAPIError(.invalidResponse, "an import started without an id") }
        try journal?.append([.importing(file: plan.source.name, jobId: id, rows: plan.source.rows)])
        var status = started
        var pause = Duration.milliseconds(200)
        while !Self.finalStates.contains(status["state"]?.stringValue ?? "") {
            await context.tally.notePhase("import \(id): \(status["state"]?.stringValue ?? "?")")
            try await Task.sleep(for: pause)
            pause = min(pause * 2, .seconds(5))
            status = try await client.importStatus(id)
        }
        let state = status["state"]?.stringValue ?? "?"
        await context.tally.notePhase("import \(id): \(state), reading its errors")
        let errors = try await client.importErrors(id)
        await context.tally.notePhase(nil)
        let counters = status["metadata"]?["counters"]
        let (created, updated) = (counters?["CREATED_OBJECTS"]?.intValue, counters?["UPDATED_OBJECTS"]?.intValue)
        // HubSpot's counter names are not documented: without them, every row not refused was written.
        let written = created == nil && updated == nil ? max(0, plan.source.rows - errors.count) : (created ?? 0) + (updated ?? 0)
        await context.tally.record(succeeded: written, failed: errors.count)
        try journal?.finish(written: written, failed: errors.count)
        context.message("import \(id): \(state) · \(ProgressLine.grouped(plan.source.rows)) rows · "
            + "\(ProgressLine.grouped(created ?? written)) created · \(ProgressLine.grouped(updated ?? 0)) updated · "
            + "\(ProgressLine.grouped(errors.count)) refused")
        if errors.isEmpty, state != "DONE" {
            throw HubSpotAPIError(.invalidRequest, "import \(id) ended \(state) on HubSpot's side without saying which rows")
        }
        var rejects: RejectFile?
        if let path = bound[ImportCommand.rejects] { rejects = RejectFile(path: try await context.text(path)) }
        var rows: [JSONValue] = []
        for error in errors.sorted(by: { ($0["sourceData"]?["lineNumber"]?.intValue ?? 0) < ($1["sourceData"]?["lineNumber"]?.intValue ?? 0) }) {
            let row = ImportErrorRow(error, header: plan.source.header)
            rows.append(row.value)
            if let rejects, let cells = row.cells { try rejects.write(.object(plan.source.properties(of: cells))) }
        }
        try rejects?.close()
        return ValueStream(rows)
    }
}

struct ImportCancelled: Error, CustomStringConvertible {
    var description: String { "import cancelled: nothing was sent" }
}
