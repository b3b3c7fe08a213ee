import JSONValue
import Testing

@testable import HubSpotSandbox

/// The Imports and Exports APIs of the sandbox (docs/sandbox.md, "Exports and imports").
struct JobTests {
    static let boundary = "hubsh-test-boundary"

    /// A multipart form of `importRequest` and a CSV file.
    static func form(_ request: JSONValue, csv: String) -> [UInt8] {
        let text = "--\(boundary)\r\nContent-Disposition: form-data; name=\"importRequest\"\r\n\r\n\(request.jsonString)\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"leads.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n"
            + "--\(boundary)--\r\n"
        return Array(text.utf8)
    }

    static func request(operation: String = "UPSERT", keyed: Bool = true) -> JSONValue {
        var email: JSONObject = ["columnObjectTypeId": "0-1", "columnName": "Email", "propertyName": "email"]
        if keyed { email["idColumnType"] = "HUBSPOT_ALTERNATE_ID" }
        return ["name": "leads", "importOperations": ["0-1": .string(operation)],
                "files": [["fileName": "leads.csv", "fileFormat": "CSV",
                           "fileImportPage": ["hasHeader": true, "columnMappings": [
                               .object(email),
                               ["columnObjectTypeId": "0-1", "columnName": "Stage", "propertyName": "lifecyclestage"],
                               ["columnObjectTypeId": "0-1", "columnName": "First Name", "propertyName": "firstname"]]]]]]
    }

    @Test(arguments: ["/crm/v3/imports", "/crm/imports/2026-03"])
    func anImportWritesItsRowsGoesThroughItsStatesAndKeepsTheRowsItRefused(prefix: String) async throws {
        try await withSandbox { client, _ in
            let csv = "Email,Stage,First Name\r\nann@jobs.example,lead,Ann\r\nbob@jobs.example,nonsense,Bob\r\n\"cy@jobs.example\",customer,\"Cy, Jr\"\r\nshort@jobs.example\r\n"
            let started = try await client.send(.post, prefix, rawBytes: Self.form(Self.request(), csv: csv),
                                                contentType: "multipart/form-data; boundary=\(Self.boundary)")
            #expect(started.status == 200, "\(started.text)")
            #expect(started.json["state"] == "STARTED")
            let id = try #require(started.json["id"]?.stringValue)
            #expect(try await client.get("\(prefix)/\(id)").json["state"] == "PROCESSING")
            let done = try await client.get("\(prefix)/\(id)")
            #expect(done.json["state"] == "DONE")
            #expect(done.json["metadata"]?["counters"] == ["TOTAL_ROWS": 4, "CREATED_OBJECTS": 2, "UPDATED_OBJECTS": 0, "ERRORS": 2])
            let errors = try await client.get("\(prefix)/\(id)/errors").json["results"]?.arrayValue ?? []
            #expect(errors.map { $0["sourceData"]?["lineNumber"] } == [3, 5])
            #expect(errors.map { $0["errorType"] } == ["INVALID_PROPERTY_VALUE", "INCORRECT_NUMBER_OF_COLUMNS"])
            #expect(errors.first?["sourceData"]?["rowData"] == ["bob@jobs.example", "nonsense", "Bob"])
            let cy = try await client.get("/crm/v3/objects/contacts/cy@jobs.example?idProperty=email&properties=firstname,lifecyclestage")
            #expect(cy.json["properties"]?["firstname"] == "Cy, Jr")
            #expect(cy.json["properties"]?["lifecyclestage"] == "customer")
            // Again: the same rows update.
            let again = try await client.send(.post, prefix, rawBytes: Self.form(Self.request(), csv: "Email,Stage,First Name\nann@jobs.example,customer,Ann\n"),
                                              contentType: "multipart/form-data; boundary=\(Self.boundary)")
            let second = try #require(again.json["id"]?.stringValue)
            _ = try await client.get("\(prefix)/\(second)")
            #expect(try await client.get("\(prefix)/\(second)").json["metadata"]?["counters"]?["UPDATED_OBJECTS"] == 1)
        }
    }

    @Test func aCreateImportOfSeveralBatchesRefusesOnlyItsBadRowsByLine() async throws {
        try await withSandbox { client, _ in
            // 250 rows: three batches of the store's path; a bad stage on line 120 and a second ann on line 202.
            var csv = "Email,Stage,First Name\n"
            for row in 2...251 {
                let email = row == 202 ? "many2@jobs.example" : "many\(row)@jobs.example"
                csv += "\(email),\(row == 120 ? "nonsense" : "lead"),M\(row)\n"
            }
            let started = try await client.send(.post, "/crm/v3/imports", rawBytes: Self.form(Self.request(operation: "CREATE", keyed: false), csv: csv),
                                                contentType: "multipart/form-data; boundary=\(Self.boundary)")
            let id = try #require(started.json["id"]?.stringValue)
            _ = try await client.get("/crm/v3/imports/\(id)")
            let done = try await client.get("/crm/v3/imports/\(id)")
            #expect(done.json["metadata"]?["counters"] == ["TOTAL_ROWS": 250, "CREATED_OBJECTS": 248, "UPDATED_OBJECTS": 0, "ERRORS": 2])
            let errors = try await client.get("/crm/v3/imports/\(id)/errors").json["results"]?.arrayValue ?? []
            #expect(errors.map { $0["sourceData"]?["lineNumber"] } == [120, 202])
            #expect(errors.map { $0["errorType"] } == ["INVALID_PROPERTY_VALUE", "DUPLICATE_VALUE"])
            #expect(errors.first?["invalidValue"] == "nonsense")
        }
    }

    @Test func anImportThatWritesNothingFailsAndABadRequestIsRefused() async throws {
        try await withSandbox { client, _ in
            let all = try await client.send(.post, "/crm/v3/imports", rawBytes: Self.form(Self.request(), csv: "Email,Stage,First Name\nx@jobs.example,nonsense,X\n"),
                                            contentType: "multipart/form-data; boundary=\(Self.boundary)")
            let id = try #require(all.json["id"]?.stringValue)
            _ = try await client.get("/crm/v3/imports/\(id)")
            #expect(try await client.get("/crm/v3/imports/\(id)").json["state"] == "FAILED")
            let unkeyed = try await client.send(.post, "/crm/v3/imports", rawBytes: Self.form(Self.request(keyed: false), csv: "Email\nx@y.z\n"),
                                                contentType: "multipart/form-data; boundary=\(Self.boundary)")
            #expect(unkeyed.status == 400)
            #expect(unkeyed.json["message"]?.stringValue?.contains("idColumnType") == true)
            let json = try await client.post("/crm/v3/imports", ["name": "x"])
            #expect(json.status == 415)
            #expect(try await client.get("/crm/v3/imports/999").status == 404)
            let scoped = try await client.send(.get, "/crm/v3/imports/\(id)", token: "pat-na1-no-import")
            #expect(scoped.status == 401 || scoped.status == 403)
        }
    }

    @Test(arguments: ["/crm/v3/exports/export/async", "/crm/exports/2026-03/export/async"])
    func anExportMakesACSVOfLabelsAndValuesServedOnceComplete(prefix: String) async throws {
        try await withSandbox { client, _ in
            for (email, stage) in [("a@exp.example", "lead"), ("b@exp.example", "customer"), ("c@exp.example", "lead")] {
                try await client.post("/crm/v3/objects/contacts", ["properties": ["email": .string(email), "lifecyclestage": .string(stage),
                                                                                  "firstname": "Lee, Ann"]])
            }
            let started = try await client.post(prefix, ["exportType": "VIEW", "format": "CSV", "exportName": "leads", "objectType": "contacts",
                                                         "objectProperties": ["email", "firstname"], "language": "EN",
                                                         "publicCrmSearchRequest": ["filters": [["propertyName": "lifecyclestage", "operator": "EQ", "value": "lead"]]]])
            #expect(started.status == 200, "\(started.text)")
            let id = try #require(started.json["id"]?.stringValue)
            let first = try await client.get("\(prefix)/tasks/\(id)/status")
            #expect(first.json["status"] == "PROCESSING")
            #expect(first.json["result"] == nil)
            let done = try await client.get("\(prefix)/tasks/\(id)/status")
            #expect(done.json["status"] == "COMPLETE")
            let url = try #require(done.json["result"]?.stringValue)
            let start = try #require(url.range(of: "/hubsh-sandbox"))
            let path = String(url[start.lowerBound...])
            let file = try await client.get(path)
            #expect(file.status == 200)
            let lines = file.text.split(separator: "\r\n").map(String.init)
            #expect(lines.first == "Record ID,Email,First Name")
            #expect(lines.count == 3)
            #expect(lines.dropFirst().allSatisfy { $0.hasSuffix(",\"Lee, Ann\"") })
            #expect(lines.dropFirst().map { $0.split(separator: ",")[1] } == ["a@exp.example", "c@exp.example"])
        }
    }

    @Test func aBadExportIsRefused() async throws {
        try await withSandbox { client, _ in
            let format = try await client.post("/crm/v3/exports/export/async", ["exportType": "VIEW", "format": "XLSX", "objectType": "contacts", "objectProperties": ["email"]])
            #expect(format.status == 400)
            let property = try await client.post("/crm/v3/exports/export/async", ["exportType": "VIEW", "format": "CSV", "objectType": "contacts", "objectProperties": ["emial"]])
            #expect(property.status == 400)
            #expect(property.json["message"] == "Property emial does not exist on contacts")
            #expect(try await client.get("/crm/v3/exports/export/async/tasks/42/status").status == 404)
        }
    }
}
