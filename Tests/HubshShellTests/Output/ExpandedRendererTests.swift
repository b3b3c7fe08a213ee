@testable import HubshShell
import JSONValue
import Testing

/// Records shown vertically: a rule per record, `field │ value` lines, wrapped values, sub-lists.
struct ExpandedRendererTests {
    @Test func eachRecordHasARuleAndAFieldALine() {
        let lines = ExpandedRenderer(width: 40).render([["id": "1", "properties": ["email": "a@x.com", "firstname": .null]],
                                                        ["id": "2", "properties": ["email": "b@x.com", "firstname": "Bo"]]],
                                                       shape: ResultShape(objectType: "contacts"))
        #expect(lines == [
            "-[ RECORD 1 ]------",
            "id        │ 1",
            "email     │ a@x.com",
            "firstname │",
            "-[ RECORD 2 ]------",
            "id        │ 2",
            "email     │ b@x.com",
            "firstname │ Bo",
        ])
    }

    @Test(arguments: [80, 120])
    func longValuesWrapUnderTheirColumnAndNothingIsCut(width: Int) {
        let error = String(repeating: "the property amount must be a number ", count: 8)
        let lines = ExpandedRenderer(width: width).render([["status": "failed", "id": "5", "error": .string(error)]])
        for line in lines { #expect(DisplayWidth.of(line) <= width, "\(line)") }
        let text = lines.filter { $0.contains("│") }.map { $0.split(separator: "│", maxSplits: 1).last.map(String.init) ?? "" }
            .joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(text.contains(error.split(separator: " ").joined(separator: " ")), "every word is there")
        #expect(lines.filter { $0.hasPrefix("       │ ") }.count >= 2, "continuation lines sit under the value: \(lines)")
    }

    @Test func nestedValuesAreSubLists() {
        let lines = ExpandedRenderer(width: 80).render([[
            "name": "Olivia", "teams": [["name": "Sales", "primary": true], ["name": "EMEA", "primary": false]],
            "scopes": ["crm.objects.contacts.read", "crm.objects.deals.read"], "empty": [],
        ]])
        #expect(lines == [
            "-[ RECORD 1 ]------------------------",
            "name   │ Olivia",
            "teams  │ • name: Sales, primary: true",
            "       │ • name: EMEA, primary: false",
            "scopes │ • crm.objects.contacts.read",
            "       │ • crm.objects.deals.read",
            "empty  │ (none)",
        ])
    }

    @Test func lineBreaksInAValueStartNewLinesUnderItsColumn() {
        let lines = ExpandedRenderer(width: 80).record(number: nil, fields: [("note", "first\r\nsecond\nthird")])
        #expect(lines == ["note │ first", "     │ second", "     │ third"])
    }

    @Test func unicodeNamesAndValuesLineUp() {
        let lines = ExpandedRenderer(width: 80).record(number: nil, fields: [("名前", "東京"), ("id", "1"), ("note", "")])
        #expect(lines == ["名前 │ 東京", "id   │ 1", "note │ \"\""])
    }
}
