import HubSpotAPI
import HubSpotSandbox
import JSONValue
import Testing

struct PropertyEndpointTests {
    static let favourite: JSONValue = [
        "name": "favourite_fruit", "label": "Favourite fruit", "type": "enumeration", "fieldType": "select",
        "groupName": "contactinformation",
        "options": [["label": "Apple", "value": "apple", "hidden": false], ["label": "Pear", "value": "pear", "hidden": false]],
    ]

    @Test(arguments: APIVersion.known)
    func listsAndReadsStandardProperties(version: APIVersion) async throws {
        try await withLiveSandbox(client: ClientOptions(version: version)) { client, _ in
            let all = try await client.properties("contacts")
            #expect(all.contains { $0.name == "email" })
            let email = try await client.property("contacts", "email")
            #expect(email.type == "string")
            #expect(email.groupName == "contactinformation")
            let objectId = try await client.property("contacts", "hs_object_id")
            #expect(objectId.readOnlyValue)
        }
    }

    @Test func createUpdateArchiveRoundTrip() async throws {
        try await withLiveSandbox { client, _ in
            let created = try await client.createProperty("contacts", Self.favourite)
            #expect(created.name == "favourite_fruit")
            #expect(created.options.map(\.value) == ["apple", "pear"])
            let updated = try await client.updateProperty("contacts", "favourite_fruit", ["label": "Fruit"])
            #expect(updated.label == "Fruit")
            try await client.archiveProperty("contacts", "favourite_fruit")
            let error = await #expect(throws: HubSpotAPIError.self) { _ = try await client.property("contacts", "favourite_fruit") }
            #expect(error?.status == 404)
            let archived = try await client.properties("contacts", archived: true)
            #expect(archived.map(\.name) == ["favourite_fruit"])
            #expect(archived.first?.archived == true)
        }
    }

    @Test func creatingAPropertyTwiceIsAConflict() async throws {
        try await withLiveSandbox { client, _ in
            _ = try await client.createProperty("contacts", Self.favourite)
            let error = await #expect(throws: HubSpotAPIError.self) { _ = try await client.createProperty("contacts", Self.favourite) }
            #expect(error?.status == 409)
            #expect(error?.category == "CONFLICT")
        }
    }

    @Test func anIncompleteDefinitionIsAValidationError() async throws {
        try await withLiveSandbox { client, _ in
            let error = await #expect(throws: HubSpotAPIError.self) {
                _ = try await client.createProperty("contacts", ["name": "half", "label": "Half"])
            }
            #expect(error?.status == 400)
            #expect(error?.category == "VALIDATION_ERROR")
        }
    }

    @Test func unknownPropertyIsNotFound() async throws {
        try await withLiveSandbox { client, _ in
            let error = await #expect(throws: HubSpotAPIError.self) { _ = try await client.property("contacts", "no_such_property") }
            #expect(error?.status == 404)
            #expect(error?.category == "OBJECT_NOT_FOUND")
            #expect(error?.location == "GET /crm/v3/properties/contacts/no_such_property")
        }
    }

    @Test func hubSpotsOwnPropertiesCannotBeArchived() async throws {
        try await withLiveSandbox { client, _ in
            let error = await #expect(throws: HubSpotAPIError.self) { try await client.archiveProperty("contacts", "email") }
            #expect(error?.status == 400)
        }
    }

    @Test func batchReadNamesTheMissingPropertiesIn207() async throws {
        try await withLiveSandbox { client, _ in
            let batch = try await client.batchReadProperties("contacts", names: ["email", "firstname", "nope"])
            #expect(batch.status == 207)
            #expect(Set(batch.results.map(\.name)) == ["email", "firstname"])
            #expect(batch.errors.first?.category == "OBJECT_NOT_FOUND")
            let complete = try await client.batchReadProperties("contacts", names: ["email"])
            #expect(complete.status == 200)
            #expect(complete.errors.isEmpty)
        }
    }

    @Test func groupsAreCreatedListedAndArchived() async throws {
        try await withLiveSandbox { client, _ in
            let before = try await client.propertyGroups("contacts")
            #expect(before.contains { $0.name == "contactinformation" })
            let group = try await client.createPropertyGroup("contacts", name: "hobbies", label: "Hobbies", displayOrder: 7)
            #expect(group.name == "hobbies")
            #expect(group.displayOrder == 7)
            let listed = try await client.propertyGroups("contacts")
            #expect(listed.first { $0.name == "hobbies" }?.label == "Hobbies")
            let duplicate = await #expect(throws: HubSpotAPIError.self) {
                _ = try await client.createPropertyGroup("contacts", name: "hobbies", label: "Again")
            }
            #expect(duplicate?.status == 409)
            try await client.archivePropertyGroup("contacts", "hobbies")
            let after = try await client.propertyGroups("contacts")
            #expect(!after.contains { $0.name == "hobbies" })
            let missing = await #expect(throws: HubSpotAPIError.self) { try await client.archivePropertyGroup("contacts", "hobbies") }
            #expect(missing?.status == 404)
        }
    }

    @Test func aTokenWithoutTheSchemaScopeCannotCreateProperties() async throws {
        let token = "pat-na1-readonly-properties"
        try await withLiveSandbox(client: ClientOptions(token: token), configure: {
            $0.tokens.append(TokenGrant(token: token, scopes: ["crm.objects.contacts.read"]))
        }) { client, _ in
            let readable = try await client.properties("contacts")
            #expect(!readable.isEmpty)
            let error = await #expect(throws: HubSpotAPIError.self) { _ = try await client.createProperty("contacts", Self.favourite) }
            #expect(error?.status == 403)
            #expect(error?.category == "MISSING_SCOPES")
            #expect(error?.missingScopes == ["crm.schemas.contacts.write"])
        }
    }
}
