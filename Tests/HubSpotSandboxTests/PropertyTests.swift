import JSONValue
import Testing

@testable import HubSpotSandbox

/// The properties API (hubspot-api.md §4): definitions, groups, batch calls, scopes, and the effect of
/// new definitions on record writes.
struct PropertyTests {
    /// A valid create body for a custom contact property in `group`.
    static func stringProperty(_ name: String, group: String = "test_group", unique: Bool = false) -> JSONValue {
        ["name": .string(name), "label": "Test property", "type": "string", "fieldType": "text", "groupName": .string(group),
         "hasUniqueValue": .bool(unique)]
    }

    /// Creates the property group `test_group` on contacts.
    static func createTestGroup(_ client: SandboxClient) async throws {
        let group = try await client.post("/crm/v3/properties/contacts/groups", ["name": "test_group", "label": "Test group"])
        #expect(group.status == 201)
    }

    @Test func listsPropertiesAndFiltersThemByName() async throws {
        try await withSandbox { client, _ in
            let all = try await client.get("/crm/v3/properties/contacts")
            #expect(all.status == 200)
            #expect(all.json["paging"] == nil)
            let names = all.json["results"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
            #expect(names.contains("email"))
            #expect(names.contains("hs_object_id"))

            let some = try await client.get("/crm/v3/properties/contacts?properties=email,firstname")
            #expect(some.status == 200)
            #expect(Set(some.json["results"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []) == ["email", "firstname"])
        }
    }

    @Test func readsOneHubSpotDefinedProperty() async throws {
        try await withSandbox { client, _ in
            let email = try await client.get("/crm/v3/properties/contacts/email")
            #expect(email.status == 200)
            #expect(email.json["name"] == "email")
            #expect(email.json["hubspotDefined"] == true)
            #expect(email.json["modificationMetadata"]?["archivable"] == false)
            #expect(email.json["modificationMetadata"]?["readOnlyDefinition"] == true)
        }
    }

    @Test func anUnknownPropertyIs404InHubSpotsErrorShape() async throws {
        try await withSandbox { client, _ in
            let missing = try await client.get("/crm/v3/properties/contacts/no_such_property")
            #expect(missing.status == 404)
            #expect(missing.json["status"] == "error")
            #expect(missing.json["category"] == "OBJECT_NOT_FOUND")
            #expect(missing.json["message"] == "Unable to find property no_such_property on object type 0-1")
            #expect(missing.json["correlationId"]?.stringValue?.isEmpty == false)
        }
    }

    @Test func aCustomPropertyIsCreatedReadUpdatedAndArchived() async throws {
        try await withSandbox { client, _ in
            try await Self.createTestGroup(client)
            let created = try await client.post("/crm/v3/properties/contacts", [
                "name": "favourite_colour", "label": "Favourite colour", "type": "string", "fieldType": "text",
                "groupName": "test_group", "description": "What they like", "displayOrder": 3,
            ])
            #expect(created.status == 201)
            #expect(created.json["name"] == "favourite_colour")
            #expect(created.json["label"] == "Favourite colour")
            #expect(created.json["type"] == "string")
            #expect(created.json["fieldType"] == "text")
            #expect(created.json["groupName"] == "test_group")
            #expect(created.json["description"] == "What they like")
            #expect(created.json["displayOrder"] == 3)
            #expect(created.json["options"] == [])
            #expect(created.json["hubspotDefined"] == false)
            #expect(created.json["archived"] == false)
            #expect(created.json["modificationMetadata"] == ["archivable": true, "readOnlyDefinition": false, "readOnlyValue": false])

            let read = try await client.get("/crm/v3/properties/contacts/favourite_colour")
            #expect(read.status == 200)
            #expect(read.json["label"] == "Favourite colour")

            let updated = try await client.patch("/crm/v3/properties/contacts/favourite_colour", ["label": "Colour", "fieldType": "textarea"])
            #expect(updated.status == 200)
            #expect(updated.json["label"] == "Colour")
            #expect(updated.json["fieldType"] == "textarea")
            #expect(updated.json["description"] == "What they like")

            let archived = try await client.delete("/crm/v3/properties/contacts/favourite_colour")
            #expect(archived.status == 204)
            #expect(archived.text.isEmpty)
            let gone = try await client.get("/crm/v3/properties/contacts/favourite_colour")
            #expect(gone.status == 404)
            let kept = try await client.get("/crm/v3/properties/contacts/favourite_colour?archived=true")
            #expect(kept.status == 200)
            #expect(kept.json["archived"] == true)
            #expect(kept.json["archivedAt"]?.stringValue != nil)
            let archivedList = try await client.get("/crm/v3/properties/contacts?archived=true")
            #expect(archivedList.json["results"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["favourite_colour"])
        }
    }

    @Test func aDuplicateNameIs409Conflict() async throws {
        try await withSandbox { client, _ in
            try await Self.createTestGroup(client)
            let first = try await client.post("/crm/v3/properties/contacts", Self.stringProperty("shoe_size"))
            #expect(first.status == 201)
            let second = try await client.post("/crm/v3/properties/contacts", Self.stringProperty("shoe_size"))
            #expect(second.status == 409)
            #expect(second.json["category"] == "CONFLICT")
            #expect(second.json["message"] == "Property named 'shoe_size' already exists on object type 0-1.")
            let standard = try await client.post("/crm/v3/properties/contacts", Self.stringProperty("email"))
            #expect(standard.status == 409)
        }
    }

    /// Create bodies HubSpot refuses with 400, and the message of each.
    static let invalidCreates: [(JSONValue, String)] = [
        (["name": "bad_type", "label": "L", "type": "text", "fieldType": "text", "groupName": "test_group"],
         "text is not a valid property type. Valid types are: [bool, date, datetime, enumeration, number, phone_number, string]"),
        (["name": "bad_field", "label": "L", "type": "number", "fieldType": "select", "groupName": "test_group"],
         "fieldType select is not valid for property \"bad_field\" of type number. Valid field types for number are: [number, calculation_equation]"),
        (["name": "odd_field", "label": "L", "type": "string", "fieldType": "slider", "groupName": "test_group"],
         "slider is not a valid fieldType. Valid field types are: [booleancheckbox, calculation_equation, checkbox, date, file, html, number, phonenumber, radio, select, text, textarea]"),
        (["name": "no_group", "label": "L", "type": "string", "fieldType": "text", "groupName": "nowhere"],
         "Property group \"nowhere\" does not exist. Create it first with POST …/groups."),
        (["name": "no_options", "label": "L", "type": "enumeration", "fieldType": "select", "groupName": "test_group"],
         "Property \"no_options\" of type enumeration needs at least one option."),
        (["label": "L", "type": "string", "fieldType": "text"],
         "Cannot build PropertyCreate, some of required attributes are not set [name, groupName]"),
        (["name": "Bad Name", "label": "L", "type": "string", "fieldType": "text", "groupName": "test_group"],
         "Property name \"Bad Name\" is invalid: a name must start with a lower-case letter and contain only lower-case letters, digits and underscores."),
        (["name": "twice", "label": "L", "type": "enumeration", "fieldType": "radio", "groupName": "test_group",
          "options": [["label": "A", "value": "a"], ["label": "Also A", "value": "a"]]],
         "Property \"twice\" has the option value \"a\" twice; option values must be unique."),
    ]

    @Test(arguments: invalidCreates)
    func anInvalidCreateIs400(_ body: JSONValue, _ message: String) async throws {
        try await withSandbox { client, _ in
            try await Self.createTestGroup(client)
            let reply = try await client.post("/crm/v3/properties/contacts", body)
            #expect(reply.status == 400)
            #expect(reply.json["category"] == "VALIDATION_ERROR")
            #expect(reply.json["message"]?.stringValue == message)
        }
    }

    @Test func hubSpotDefinedPropertiesCannotBeChangedOrArchived() async throws {
        try await withSandbox { client, _ in
            let archive = try await client.delete("/crm/v3/properties/contacts/email")
            #expect(archive.status == 400)
            #expect(archive.json["message"] == "Property \"email\" is defined by HubSpot and cannot be archived.")
            let update = try await client.patch("/crm/v3/properties/contacts/email", ["label": "Mail"])
            #expect(update.status == 400)
            #expect(update.json["message"] == "Property \"email\" is defined by HubSpot: its definition is read-only and cannot be updated.")
            let batch = try await client.post("/crm/v3/properties/contacts/batch/archive", ["inputs": [["name": "email"]]])
            #expect(batch.status == 400)
            let still = try await client.get("/crm/v3/properties/contacts/email")
            #expect(still.json["archived"] == false)
        }
    }

    @Test func batchCreateIs201OrIs207WhenAnInputFails() async throws {
        try await withSandbox { client, _ in
            try await Self.createTestGroup(client)
            let created = try await client.post("/crm/v3/properties/contacts/batch/create",
                                                ["inputs": [Self.stringProperty("first_prop"), Self.stringProperty("second_prop")]])
            #expect(created.status == 201)
            #expect(created.json["status"] == "COMPLETE")
            #expect(created.json["results"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["first_prop", "second_prop"])

            let partial = try await client.post("/crm/v3/properties/contacts/batch/create",
                                                ["inputs": [Self.stringProperty("third_prop"), Self.stringProperty("first_prop")]])
            #expect(partial.status == 207)
            #expect(partial.json["numErrors"] == 1)
            #expect(partial.json["results"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["third_prop"])
            #expect(partial.json["errors"]?[0]?["category"] == "CONFLICT")
            #expect(partial.json["errors"]?[0]?["status"] == "error")
        }
    }

    @Test func batchReadIs200OrIs207NamingTheUnknownProperties() async throws {
        try await withSandbox { client, _ in
            let found = try await client.post("/crm/v3/properties/contacts/batch/read",
                                              ["inputs": [["name": "email"], ["name": "firstname"]], "archived": false])
            #expect(found.status == 200)
            #expect(found.json["results"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["email", "firstname"])

            let partial = try await client.post("/crm/v3/properties/contacts/batch/read",
                                                ["inputs": [["name": "email"], ["name": "nope"]], "archived": false])
            #expect(partial.status == 207)
            #expect(partial.json["results"]?.arrayValue?.count == 1)
            #expect(partial.json["errors"]?[0]?["category"] == "OBJECT_NOT_FOUND")
            #expect(partial.json["errors"]?[0]?["context"]?["names"] == ["nope"])
        }
    }

    @Test func batchArchiveIs204EvenForUnknownNames() async throws {
        try await withSandbox { client, _ in
            try await Self.createTestGroup(client)
            _ = try await client.post("/crm/v3/properties/contacts", Self.stringProperty("old_prop"))
            let reply = try await client.post("/crm/v3/properties/contacts/batch/archive",
                                              ["inputs": [["name": "old_prop"], ["name": "never_existed"]]])
            #expect(reply.status == 204)
            let again = try await client.post("/crm/v3/properties/contacts/batch/archive", ["inputs": [["name": "old_prop"]]])
            #expect(again.status == 204)
            let gone = try await client.get("/crm/v3/properties/contacts/old_prop")
            #expect(gone.status == 404)
        }
    }

    @Test func propertyGroupsAreListedCreatedReadUpdatedAndDeleted() async throws {
        try await withSandbox { client, _ in
            let created = try await client.post("/crm/v3/properties/contacts/groups",
                                                ["name": "loyalty", "label": "Loyalty", "displayOrder": 4])
            #expect(created.status == 201)
            #expect(created.json == ["name": "loyalty", "label": "Loyalty", "displayOrder": 4, "archived": false])

            let list = try await client.get("/crm/v3/properties/contacts/groups")
            #expect(list.status == 200)
            #expect(list.json["results"]?.arrayValue?.contains { $0["name"] == "loyalty" } == true)

            let read = try await client.get("/crm/v3/properties/contacts/groups/loyalty")
            #expect(read.status == 200)
            #expect(read.json["label"] == "Loyalty")

            let updated = try await client.patch("/crm/v3/properties/contacts/groups/loyalty", ["label": "Loyalty programme"])
            #expect(updated.status == 200)
            #expect(updated.json["label"] == "Loyalty programme")
            #expect(updated.json["displayOrder"] == 4)

            let duplicate = try await client.post("/crm/v3/properties/contacts/groups", ["name": "loyalty", "label": "Again"])
            #expect(duplicate.status == 409)
            #expect(duplicate.json["message"] == "Property group named 'loyalty' already exists on object type 0-1.")

            let deleted = try await client.delete("/crm/v3/properties/contacts/groups/loyalty")
            #expect(deleted.status == 204)
            let gone = try await client.get("/crm/v3/properties/contacts/groups/loyalty")
            #expect(gone.status == 404)
            #expect(gone.json["message"] == "Unable to find property group loyalty on object type 0-1")
        }
    }

    @Test func aGroupHoldingPropertiesIsNotDeleted() async throws {
        try await withSandbox { client, _ in
            try await Self.createTestGroup(client)
            _ = try await client.post("/crm/v3/properties/contacts", Self.stringProperty("member_prop"))
            let refused = try await client.delete("/crm/v3/properties/contacts/groups/test_group")
            #expect(refused.status == 400)
            #expect(refused.json["message"] == "Property group \"test_group\" still holds properties [member_prop]; move or archive them first.")
        }
    }

    @Test func aNewEnumerationPropertyIsEnforcedOnRecordCreate() async throws {
        try await withSandbox { client, _ in
            try await Self.createTestGroup(client)
            let created = try await client.post("/crm/v3/properties/contacts", [
                "name": "tier", "label": "Tier", "type": "enumeration", "fieldType": "select", "groupName": "test_group",
                "options": [["label": "Gold", "value": "gold", "displayOrder": 1, "hidden": false],
                            ["label": "Silver", "value": "silver", "displayOrder": 2, "hidden": false]],
            ])
            #expect(created.status == 201)
            #expect(created.json["options"]?[1]?["value"] == "silver")

            let bad = try await client.post("/crm/v3/objects/contacts", ["properties": ["tier": "bronze"]])
            #expect(bad.status == 400)
            #expect(bad.json["errors"]?[0]?["code"] == "INVALID_OPTION")
            #expect(bad.json["errors"]?[0]?["context"]?["propertyName"] == ["tier"])

            let good = try await client.post("/crm/v3/objects/contacts", ["properties": ["tier": "gold"]])
            #expect(good.status == 201)
            #expect(good.json["properties"]?["tier"] == "gold")
        }
    }

    @Test func aNewUniquePropertyIsEnforcedOnRecordCreate() async throws {
        try await withSandbox { client, _ in
            try await Self.createTestGroup(client)
            let created = try await client.post("/crm/v3/properties/contacts", Self.stringProperty("member_number", unique: true))
            #expect(created.status == 201)
            #expect(created.json["hasUniqueValue"] == true)

            let first = try await client.post("/crm/v3/objects/contacts", ["properties": ["member_number": "M-1"]])
            #expect(first.status == 201)
            let id = first.json["id"]?.stringValue ?? ""
            let second = try await client.post("/crm/v3/objects/contacts", ["properties": ["member_number": "M-1"]])
            #expect(second.status == 409)
            #expect(second.json["category"] == "CONFLICT")
            #expect(second.json["message"]?.stringValue == "A record with member_number=M-1 already exists. Existing ID: \(id)")
        }
    }

    @Test(arguments: DateVersion.all)
    func dateVersionedPathsServeTheSameProperties(_ version: String) async throws {
        try await withSandbox { client, _ in
            let read = try await client.get("/crm/properties/\(version)/contacts/email")
            #expect(read.status == 200)
            #expect(read.json["name"] == "email")
            let group = try await client.post("/crm/properties/\(version)/contacts/groups", ["name": "test_group", "label": "Test"])
            #expect(group.status == 201)
            let created = try await client.post("/crm/properties/\(version)/contacts", Self.stringProperty("dated_prop"))
            #expect(created.status == 201)
            let viaV3 = try await client.get("/crm/v3/properties/contacts/dated_prop")
            #expect(viaV3.status == 200)
        }
    }

    @Test func writesNeedTheSchemaWriteScopeAndReadsAcceptTheObjectReadScope() async throws {
        try await withSandbox(configure: { $0.tokens = [TokenGrant(parsing: "limited:crm.objects.contacts.read")] }) { client, _ in
            var client = client
            client.token = "limited"
            let create = try await client.post("/crm/v3/properties/contacts", Self.stringProperty("scoped_prop", group: "contactinformation"))
            #expect(create.status == 403)
            #expect(create.json["category"] == "MISSING_SCOPES")
            #expect(create.json["errors"]?[0]?["context"]?["requiredGranularScopes"] == ["crm.schemas.contacts.write"])

            let read = try await client.get("/crm/v3/properties/contacts/email")
            #expect(read.status == 200)
            let otherType = try await client.get("/crm/v3/properties/companies")
            #expect(otherType.status == 403)
            #expect(otherType.json["errors"]?[0]?["context"]?["requiredGranularScopes"] == ["crm.schemas.companies.read", "crm.objects.companies.read"])
        }
    }
}
