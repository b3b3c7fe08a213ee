@testable import HubshShell
import JSONValue
import Testing

/// A write's results in a table: the status leads and the result's own fields stay.
struct WriteResultTableTests {
    @Test func aWrittenRecordShowsItsStatusFirstAndItsLine() {
        let result: JSONValue = ["status": "created", "id": "7", "properties": ["email": "a@example.com", "hs_object_id": "7"], "line": 2]
        let cells = OutputWriter.flatten(result)
        #expect(Array(cells.keys) == ["status", "id", "email", "line"])
    }

    @Test func aHubSpotRecordShowsItsPropertiesOnly() {
        let record: JSONValue = ["id": "7", "properties": ["email": "a@example.com"], "createdAt": "2024-01-01T00:00:00Z", "archived": false]
        #expect(Array(OutputWriter.flatten(record).keys) == ["id", "email"])
    }

    @Test func aDryRunShowsWhatWouldChange() {
        let plan: JSONValue = ["status": "would update", "dryRun": true, "id": "7", "properties": ["firstname": "Zed"],
                               "current": ["firstname": "Ann"], "changes": "firstname: Ann → Zed"]
        let table = TableRenderer(width: 200).render([plan])
        #expect(table.first?.contains("status") == true)
        #expect(table.last?.contains("would update") == true)
        #expect(table.last?.contains("firstname: Ann → Zed") == true)
    }
}
