import HubSpotAPI
import JSONValue
import Testing

@testable import HubshShell

/// The pieces `import` and `export` are made of: the route rule, a refused import row as shown, the
/// export's default columns and request, and the job's phase on the progress line.
struct JobPiecesTests {
    @Test(arguments: [(JobRoute.auto, 10, JobRoute.batch), (.auto, JobRoute.threshold, .batch), (.auto, JobRoute.threshold + 1, .job),
                      (.batch, 1_000_000, .batch), (.job, 1, .job)])
    func autoTakesTheJobOnlyAboveTheThreshold(route: JobRoute, count: Int, expected: JobRoute) {
        #expect(route.resolved(count: count) == expected)
    }

    @Test func aRefusedRowNamesItsColumnByHubSpotsNumberElseByItsValue() {
        let header = ["Email", "Lifecycle Stage", "First Name"]
        let byValue = ImportErrorRow(["errorType": "INVALID_PROPERTY_VALUE", "errorMessage": "bad stage", "invalidValue": "Nonsense",
                                      "sourceData": ["lineNumber": 3, "rowData": ["b@x.example", "Nonsense", ""]]], header: header)
        #expect(byValue.value == ["status": "failed", "line": 3, "column": "Lifecycle Stage", "value": "Nonsense",
                                  "errorType": "INVALID_PROPERTY_VALUE", "error": "bad stage"])
        #expect(byValue.cells == ["Email": "b@x.example", "Lifecycle Stage": "Nonsense"])
        let byNumber = ImportErrorRow(["errorType": "X", "errorMessage": "m", "knownColumnNumber": 3,
                                       "sourceData": ["lineNumber": 7, "rowData": ["a", "b", "c"]]], header: header)
        #expect(byNumber.value["column"] == "First Name")
        let bare = ImportErrorRow(["message": "whole row"], header: header)
        #expect(bare.value == ["status": "failed", "error": "whole row"])
        #expect(bare.cells == nil)
    }

    @Test func exportDefaultsAreTheSearchDefaultsTheTypeHas() {
        #expect(ExportColumns.defaults(for: "contacts", among: ["email", "firstname", "lastname", "createdate"]) == ["firstname", "lastname", "email", "createdate"])
        #expect(ExportColumns.defaults(for: "widgets", among: ["hs_createdate", "name", "hs_lastmodifieddate"]) == ["hs_createdate", "hs_lastmodifieddate"])
    }

    @Test func anExportRequestIsAViewToCSVWithItsFiltersAnded() {
        let request = ExportRequest(name: "n", objectType: "contacts", properties: ["email"], filters: [SearchFilter("lifecyclestage", .EQ, "lead")])
        #expect(request.body["exportType"] == "VIEW")
        #expect(request.body["format"] == "CSV")
        #expect(request.body["objectProperties"] == ["email"])
        #expect(request.body["publicCrmSearchRequest"]?["filters"] == [["propertyName": "lifecyclestage", "operator": "EQ", "value": "lead"]])
        #expect(ExportRequest(name: "n", objectType: "contacts", properties: ["email"]).body["publicCrmSearchRequest"] == nil)
    }

    @Test func theProgressLineSaysWhatTheJobIsDoing() {
        let text = ProgressLine.text(line: 2, read: 0, done: 0, failed: 0, phase: "import 7: PROCESSING", elapsed: .seconds(3))
        #expect(text == "line 2: import 7: PROCESSING · 3 s")
    }

    @Test func anExportFileIsReadByCSVSwiftWithoutItsByteOrderMark() throws {
        let file = try ExportFile(bytes: Array("\u{FEFF}Record ID,First Name\r\n1,\"Ann, Jr\"\r\n2,Bob\r\n".utf8))
        #expect(file.header == ["Record ID", "First Name"])
        #expect(try file.next() == ["1", "Ann, Jr"])
        #expect(try file.next() == ["2", "Bob"])
        #expect(try file.next() == nil)
    }
}
