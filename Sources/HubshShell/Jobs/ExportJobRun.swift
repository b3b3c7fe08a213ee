import Foundation
import HubSpotAPI
import HubshLanguage
import JSONValue

/// An export through HubSpot's Exports API: starts it, follows its status on the progress line,
/// downloads the file and gives it out as CSV lines whose header names properties as the search
/// export's does (`id`, then `columns`): HubSpot's labels ("Record ID", "First Name") are read back
/// as names, and the columns are put in the order asked.
struct ExportJobRun: Sendable {
    let objectType: String
    let columns: [String]
    let filters: [SearchFilter]
    let statement: BoundCommand

    func run(client: HubSpotClient, context: ShellContext) async throws -> ValueStream {
        let request = ExportRequest(name: "hubsh export \(objectType)", objectType: objectType, properties: columns, filters: filters)
        await context.tally.notePhase("export: starting")
        let id = try await client.startExport(request.body)
        var pause = Duration.milliseconds(200)
        var status: JSONValue = ["status": "PENDING"]
        var url: String?
        while url == nil {
            let state = status["status"]?.stringValue ?? "?"
            if state == "CANCELED" { throw HubSpotAPIError(.invalidRequest, "export \(id) was canceled on HubSpot's side") }
            if state == "COMPLETE" { throw HubSpotAPIError(.invalidResponse, "export \(id) is complete but names no file") }
            await context.tally.notePhase("export \(id): \(state)")
            try await Task.sleep(for: pause)
            pause = min(pause * 2, .seconds(5))
            status = try await client.exportStatus(id)
            url = status["status"]?.stringValue == "COMPLETE" ? status["result"]?.stringValue : nil
        }
        await context.tally.notePhase("export \(id): downloading")
        let bytes = try await client.downloadExport(url ?? "")
        await context.tally.notePhase(nil)
        let labels = try await labelNames(context: context)
        let file = try ExportFile(bytes: bytes)
        let header = ["id"] + columns
        let names = file.header.map { labels[HeaderMap.simplified($0)] ?? $0 }
        let tally = context.tally
        let columns = columns
        return ValueStream.unfold(state: { (file, false) }) { state in
            guard state.1 else {
                state.1 = true
                return .string(try CSVRowWriter.line(header))
            }
            guard let row = try state.0.next() else { return nil }
            await tally.noteRead()
            var cells: [String: String] = [:]
            for (index, name) in names.enumerated() where index < row.count { cells[name] = row[index] }
            return .string(try CSVRowWriter.line([cells["id"] ?? ""] + columns.map { cells[$0] ?? "" }))
        }
    }

    /// The names HubSpot's export labels stand for: "Record ID" is `id`; each column asked by its
    /// label (or name), compared as `HeaderMap` compares them.
    func labelNames(context: ShellContext) async throws -> [String: String] {
        let definitions = try await context.propertyDefinitions(objectType)
        var names: [String: String] = [HeaderMap.simplified("Record ID"): "id", HeaderMap.simplified(HeaderMap.recordId): "id"]
        for definition in definitions where columns.contains(definition.name) {
            names[HeaderMap.simplified(definition.label)] = definition.name
        }
        for column in columns { names[HeaderMap.simplified(column)] = column }
        return names
    }
}
