import HubSpotAPI
@testable import HubshShell
import JSONValue
import Testing

/// A CSV header of HubSpot's labels read as property names (`HeaderMap`), alone.
struct HeaderMapTests {
    static func definition(_ name: String, _ label: String, readOnly: Bool = false) -> PropertyDefinition {
        // A definition made here always has a name.
        try! PropertyDefinition(["name": .string(name), "label": .string(label), "modificationMetadata": ["readOnlyValue": .bool(readOnly)]])
    }

    static let contacts = [
        definition("hs_object_id", "Record ID", readOnly: true), definition("email", "Email"), definition("firstname", "First Name"),
        definition("lastname", "Last Name"), definition("createdate", "Create Date", readOnly: true), definition("company", "Company Name"),
        // Two properties share a label: the writable one is chosen.
        definition("hs_calculated_phone", "Phone Number", readOnly: true), definition("phone", "Phone Number"),
    ]

    @Test func labelsNamesAndTheRecordIdBecomePropertiesAndReadOnlyColumnsAreLeftOut() throws {
        let map = try HeaderMap(header: ["Record ID", "Email", "first  name", "lastname", "Create Date", "Phone Number", "Associated Company", ""],
                                definitions: Self.contacts)
        #expect(map.unmapped == ["Associated Company"])
        #expect(map.readOnly.map(\.column) == ["Create Date"] && map.readOnly.map(\.property) == ["createdate"])
        #expect(map.renamed.map(\.property) == ["id", "email", "firstname", "phone"])
        let row: JSONValue = ["Record ID": "101", "Email": "ann@x.org", "first  name": "Ann", "lastname": "Lee", "Create Date": "2024-01-01",
                              "Phone Number": "555", "Associated Company": "Acme"]
        #expect(map.apply(row) == ["id": "101", "email": "ann@x.org", "firstname": "Ann", "lastname": "Lee", "phone": "555",
                                   "Associated Company": "Acme"])
    }

    @Test func mapOverridesComeFirstAndAreChecked() throws {
        let map = try HeaderMap(header: ["E-mail address", "Company"], definitions: Self.contacts,
                                overrides: [("e-mail ADDRESS", "email"), ("Company", "company")])
        #expect(map.unmapped.isEmpty)
        #expect(map.apply(["E-mail address": "a@b.c", "Company": "Acme"]) == ["email": "a@b.c", "company": "Acme"])
        #expect(throws: HeaderMap.Problem.noSuchColumn("Emial", suggestion: "did you mean 'Email'?")) {
            try HeaderMap(header: ["Email"], definitions: Self.contacts, overrides: [("Emial", "email")])
        }
        #expect(throws: HeaderMap.Problem.noSuchProperty("emial", suggestion: "did you mean 'email'?")) {
            try HeaderMap(header: ["Email"], definitions: Self.contacts, overrides: [("Email", "emial")])
        }
    }

    @Test func aHeaderThatNamesNothingWritableIsRefusedButAnIdColumnIsEnough() throws {
        #expect(throws: HeaderMap.Problem.nothingMapped) { try HeaderMap(header: ["Foo", "Create Date"], definitions: Self.contacts) }
        let ids = try HeaderMap(header: ["id"], definitions: Self.contacts)
        #expect(ids.apply(["id": "7"]) == ["id": "7"])
    }

    @Test(arguments: [
        ("Email=email", [("Email", "email")]),
        (" First Name = firstname , Company=company", [("First Name", "firstname"), ("Company", "company")]),
    ] as [(String, [(String, String)])])
    func mapTextIsColumnEqualsPropertyPairs(text: String, expected: [(String, String)]) {
        let pairs = HeaderMap.overrides(text)
        #expect(pairs?.map(\.column) == expected.map(\.0))
        #expect(pairs?.map(\.property) == expected.map(\.1))
    }

    @Test(arguments: ["Email", "Email=", "=email", "a=b,c"])
    func mapTextWithoutAPairIsRefused(text: String) {
        #expect(HeaderMap.overrides(text) == nil)
    }

    @Test func theHeaderIsTheFirstRowThatIsNotBlank() throws {
        let file = try InputFile("\n\nRecord ID, Email ,First Name\n1,a@b.c,Ann\n")
        defer { file.remove() }
        #expect(try CSVRecordReader.header(of: try file.cursor()) == ["Record ID", "Email", "First Name"])
        let empty = try InputFile("")
        defer { empty.remove() }
        #expect(try CSVRecordReader.header(of: try empty.cursor()) == nil)
    }
}
