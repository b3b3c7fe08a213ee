import JSONValue
import Testing

@testable import HubSpotSandbox

/// The value rules of hubspot-api.md §4, applied by `PropertyDefinition.check`.
struct PropertyValueTests {
    static let contacts = ObjectType.standardTypes[0]

    static func definition(_ type: PropertyDefinition.ValueType, fieldType: String? = nil, options: [String] = []) -> PropertyDefinition {
        PropertyDefinition(name: "p", label: "P", type: type, fieldType: fieldType, groupName: "g",
                           options: options.map { PropertyOption(label: $0.capitalized, value: $0) })
    }

    @Test(arguments: [
        (PropertyDefinition.ValueType.number, "17", "17"), (.number, "17.50", "17.5"), (.number, "-3", "-3"),
        (.bool, "TRUE", "true"), (.bool, "false", "false"),
        (.date, "2019-10-31", "2019-10-31"), (.date, "1572480000000", "2019-10-31"),
        (.datetime, "2024-01-17T19:55:04.281Z", "2024-01-17T19:55:04.281Z"),
        (.datetime, "1705521304281", "2024-01-17T19:55:04.281Z"),
        (.datetime, "2024-01-17T20:55:04+01:00", "2024-01-17T19:55:04.000Z"),
        (.datetime, "2020-02-21T14:13:28.818002Z", "2020-02-21T14:13:28.818Z"),
        (.string, "anything at all", "anything at all"),
    ])
    func acceptedValuesAreStoredInHubSpotsForm(_ type: PropertyDefinition.ValueType, _ input: String, _ stored: String) throws {
        let result = Self.definition(type).check(input, objectType: Self.contacts)
        #expect(try result.get() == stored)
    }

    @Test(arguments: [
        (PropertyDefinition.ValueType.number, "1,000", "INVALID_INTEGER"), (.number, "ten", "INVALID_INTEGER"),
        (.bool, "yes", "INVALID_BOOLEAN"), (.date, "2019-10-31T10:00:00Z", "INVALID_DATE"),
        (.date, "not a date", "INVALID_DATE"), (.datetime, "31/10/2019", "INVALID_DATE"),
    ])
    func refusedValuesNameTheirCode(_ type: PropertyDefinition.ValueType, _ input: String, _ code: String) {
        guard case .failure(let problem) = Self.definition(type).check(input, objectType: Self.contacts) else {
            Issue.record("\(input) was accepted as \(type)")
            return
        }
        #expect(problem.code == code)
        #expect(problem.name == "p")
    }

    @Test func enumerationsAcceptOnlyOptionValuesExactly() throws {
        let select = Self.definition(.enumeration, options: ["lead", "customer"])
        #expect(try select.check("lead", objectType: Self.contacts).get() == "lead")
        guard case .failure(let problem) = select.check("Lead", objectType: Self.contacts) else {
            Issue.record("an option is case-sensitive")
            return
        }
        #expect(problem.code == "INVALID_OPTION")
        #expect(problem.message == "Lead was not one of the allowed options: [lead, customer]")
    }

    @Test func multiSelectValuesAreJoinedWithSemicolons() throws {
        let checkbox = Self.definition(.enumeration, fieldType: "checkbox", options: ["a", "b", "c"])
        #expect(try checkbox.check("a;c", objectType: Self.contacts).get() == "a;c")
        if case .success = checkbox.check("a;z", objectType: Self.contacts) { Issue.record("z is not an option") }
    }

    @Test func contactEmailMustLookLikeOne() {
        let email = PropertyDefinition(name: "email", label: "Email", type: .string, groupName: "g")
        guard case .failure(let problem) = email.check("x@", objectType: Self.contacts) else {
            Issue.record("x@ was accepted")
            return
        }
        #expect(problem.code == "INVALID_EMAIL")
        #expect(problem.message == "Email address x@ is invalid")
    }

    @Test func aWholeWriteIsCheckedAtOnceAndNormalised() throws {
        var catalog = PropertyCatalog()
        catalog["n"] = PropertyDefinition(name: "n", label: "N", type: .number, groupName: "g")
        catalog["b"] = PropertyDefinition(name: "b", label: "B", type: .bool, groupName: "g")
        let values = try catalog.normalise(try RecordInput.values(["n": 5, "b": true]), for: Self.contacts, portalId: 1)
        #expect(values.map(\.0) == ["n", "b"])
        #expect(values.map(\.1) == ["5", "true"])
        #expect(throws: HubSpotError.self) { try catalog.normalise(["n": "x", "zz": "1"], for: Self.contacts, portalId: 1) }
        do {
            _ = try catalog.normalise(["n": "x", "zz": "1"], for: Self.contacts, portalId: 1)
        } catch {
            #expect(error.errors?.count == 2)
        }
    }
}
