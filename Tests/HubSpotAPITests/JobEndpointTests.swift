import HubSpotAPI
import HubSpotSandbox
import JSONValue
import Testing

/// The Imports and Exports API calls against a live sandbox: a multipart upload, states, error rows,
/// and an export's file fetched from its result URL.
struct JobEndpointTests {
    static func importRequest() -> JSONValue {
        ["name": "leads", "importOperations": ["0-1": "UPSERT"],
         "files": [["fileName": "leads.csv", "fileFormat": "CSV",
                    "fileImportPage": ["hasHeader": true, "columnMappings": [
                        ["columnObjectTypeId": "0-1", "columnName": "Email", "propertyName": "email", "idColumnType": "HUBSPOT_ALTERNATE_ID"],
                        ["columnObjectTypeId": "0-1", "columnName": "Stage", "propertyName": "lifecyclestage"]]]]]]
    }

    @Test(arguments: [APIVersion.v3, .dated("2026-03")])
    func anImportIsUploadedWatchedAndItsErrorRowsRead(version: APIVersion) async throws {
        try await withLiveSandbox(client: ClientOptions(version: version)) { client, _ in
            let csv = Array("Email,Stage\nann@jobs.example,lead\nbob@jobs.example,nonsense\n".utf8)
            let started = try await client.startImport(request: Self.importRequest(), fileName: "leads.csv", csv: csv)
            #expect(started["state"] == "STARTED")
            let id = try #require(started["id"]?.stringValue)
            var states: [String] = []
            for _ in 0..<3 { states.append(try await client.importStatus(id)["state"]?.stringValue ?? "") }
            #expect(states == ["PROCESSING", "DONE", "DONE"])
            let errors = try await client.importErrors(id)
            #expect(errors.map { $0["sourceData"]?["lineNumber"] } == [3])
            let ann = try await client.batchRead("contacts", ids: ["ann@jobs.example"], properties: ["lifecyclestage"], idProperty: "email")
            #expect(ann.results.first?[property: "lifecyclestage"] == "lead")
        }
    }

    @Test(arguments: [APIVersion.v3, .dated("2026-03")])
    func anExportIsStartedWatchedAndItsFileFetched(version: APIVersion) async throws {
        try await withLiveSandbox(client: ClientOptions(version: version)) { client, _ in
            _ = try await client.create("contacts", properties: ["email": "exp@jobs.example", "firstname": "Exa"])
            let task = try await client.startExport(["exportType": "VIEW", "format": "CSV", "exportName": "all", "language": "EN",
                                                     "objectType": "contacts", "objectProperties": ["email", "firstname"]])
            var status = try await client.exportStatus(task)
            while status["status"] != "COMPLETE" { status = try await client.exportStatus(task) }
            let url = try #require(status["result"]?.stringValue)
            let file = String(decoding: try await client.downloadExport(url), as: UTF8.self)
            #expect(file.hasPrefix("Record ID,Email,First Name\r\n"))
            #expect(file.contains(",exp@jobs.example,Exa\r\n"))
            let refused = await #expect(throws: HubSpotAPIError.self) {
                _ = try await client.startExport(["exportType": "VIEW", "format": "CSV", "objectType": "contacts", "objectProperties": ["nosuch"]])
            }
            #expect(refused?.status == 400)
        }
    }
}
