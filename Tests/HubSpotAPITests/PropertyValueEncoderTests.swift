@testable import HubSpotAPI
import JSONValue
import Testing

struct PropertyValueEncoderTests {
    static let encoder = PropertyValueEncoder([
        try! PropertyDefinition(["name": "closedate", "type": "date", "fieldType": "date"]),
        try! PropertyDefinition(["name": "seen", "type": "datetime", "fieldType": "date"]),
        try! PropertyDefinition(["name": "opted", "type": "bool", "fieldType": "booleancheckbox"]),
        try! PropertyDefinition(["name": "amount", "type": "number", "fieldType": "number"]),
        try! PropertyDefinition(["name": "flavours", "type": "enumeration", "fieldType": "checkbox",
                                 "options": [["label": "Chocolate", "value": "chocolate"], ["label": "Strawberry", "value": "strawberry"]]]),
        try! PropertyDefinition(["name": "stage", "type": "enumeration", "fieldType": "select",
                                 "options": [["label": "Lead", "value": "lead"], ["label": "Customer", "value": "customer"]]]),
        try! PropertyDefinition(["name": "hs_object_id", "type": "number", "fieldType": "number",
                                 "modificationMetadata": ["readOnlyValue": true]]),
    ])

    @Test(arguments: [
        ("closedate", JSONValue.string("2025-01-31"), "1738281600000"),
        ("closedate", .string("2025-01-31T00:00:00Z"), "1738281600000"),
        ("closedate", .int(1_738_281_600_000), "1738281600000"),
        ("seen", .string("2025-01-31T10:00:00Z"), "2025-01-31T10:00:00.000Z"),
        ("seen", .string("2025-01-31T12:30:15.250+02:00"), "2025-01-31T10:30:15.250Z"),
        ("seen", .int(1_738_317_600_000), "2025-01-31T10:00:00.000Z"),
        ("seen", .string("1970-01-01"), "1970-01-01T00:00:00.000Z"),
        ("opted", .bool(true), "true"),
        ("opted", .string("No"), "false"),
        ("amount", .double(12.5), "12.5"),
        ("amount", .double(3.0), "3"),
        ("amount", .string("-7"), "-7"),
        ("flavours", .array(["chocolate", "Strawberry"]), "chocolate;strawberry"),
        ("flavours", .string("strawberry;chocolate"), "strawberry;chocolate"),
        ("stage", .string("Customer"), "customer"),
        ("stage", .null, ""),
        ("unknown_prop", .int(5), "5"),
    ])
    func valuesTakeHubSpotsForm(name: String, value: JSONValue, expected: String) throws {
        #expect(try Self.encoder.encode(name, value) == expected)
    }

    @Test(arguments: [
        ("closedate", JSONValue.string("2025-01-31T10:00:00Z"), "is not midnight UTC"),
        ("closedate", .string("31/01/2025"), "is not a date (write YYYY-MM-DD)"),
        ("seen", .string("yesterday"), "is not a date-time"),
        ("opted", .string("maybe"), "is not a yes/no value"),
        ("amount", .string("1,000"), "has a comma"),
        ("amount", .string("ten"), "is not a number"),
        ("stage", .string("prospect"), "'prospect' is not one of its options (lead, customer)"),
        ("stage", .array(["lead", "customer"]), "takes one value, not 2"),
        ("hs_object_id", .string("1"), "it is read-only"),
    ])
    func badValuesAreRefusedWithTheReason(name: String, value: JSONValue, reason: String) {
        let error = #expect(throws: HubSpotAPIError.self) { _ = try Self.encoder.encode(name, value) }
        #expect(error?.message.hasPrefix("property \(name): ") == true)
        #expect(error?.message.contains(reason) == true)
    }

    @Test func calendarArithmeticRoundTrips() {
        for days in stride(from: Int64(-800_000), through: 800_000, by: 997) {
            let (y, m, d) = UTCDate.civil(days: days)
            #expect(UTCDate.days(year: y, month: m, day: d) == days)
        }
        #expect(UTCDate.iso8601(milliseconds: 0) == "1970-01-01T00:00:00.000Z")
        #expect(UTCDate.milliseconds("2024-02-29") == 1_709_164_800_000)
        #expect(UTCDate.milliseconds("2024-13-01") == nil)
    }
}
