import HubSpotAPI
import HubSpotSandbox
import JSONValue
import Testing

struct SchemaEndpointTests {
    static let car: JSONValue = [
        "name": "car", "labels": ["singular": "Car", "plural": "Cars"],
        "primaryDisplayProperty": "model", "requiredProperties": ["model"], "searchableProperties": ["model"],
        "properties": [["name": "model", "label": "Model", "type": "string", "fieldType": "text"],
                       ["name": "year", "label": "Year", "type": "number", "fieldType": "number"]],
        "associatedObjects": ["CONTACT"],
    ]

    @Test(arguments: [APIVersion.v3, .dated("2026-03")])
    func createdSchemaIsListedAndReadByAnyName(version: APIVersion) async throws {
        try await withLiveSandbox(client: ClientOptions(version: version)) { client, _ in
            let created = try await client.createSchema(Self.car)
            #expect(created.name == "car")
            #expect(created.objectTypeId == "2-\(created.id)")
            #expect(created.singularLabel == "Car" && created.pluralLabel == "Cars")
            #expect(created.primaryDisplayProperty == "model")
            #expect(created.requiredProperties == ["model"])
            #expect(created.properties.contains { $0.name == "year" && $0.type == "number" })
            #expect(created.associations.contains { $0.toObjectTypeId == "0-1" })
            let listed = try await client.schemas()
            #expect(listed.map(\.objectTypeId) == [created.objectTypeId])
            let byName = try await client.schema(created.fullyQualifiedName)
            #expect(byName.objectTypeId == created.objectTypeId)
            let record = try await client.create(created.objectTypeId, properties: ["model": "Model T"])
            #expect(record[property: "model"] == "Model T")
        }
    }

    @Test func updateChangesLabelsAndDisplaySettings() async throws {
        try await withLiveSandbox { client, _ in
            let created = try await client.createSchema(Self.car)
            let updated = try await client.updateSchema(created.objectTypeId, ["labels": ["plural": "Automobiles"], "searchableProperties": ["model", "year"]])
            #expect(updated.pluralLabel == "Automobiles")
            #expect(updated.searchableProperties == ["model", "year"])
            let error = await #expect(throws: HubSpotAPIError.self) {
                _ = try await client.updateSchema("car", ["primaryDisplayProperty": "colour"])
            }
            #expect(error?.status == 400)
        }
    }

    @Test func associationsAreAddedAndRemoved() async throws {
        try await withLiveSandbox { client, _ in
            let created = try await client.createSchema(Self.car)
            let association = try await client.addSchemaAssociation("car", toObjectTypeId: "0-2", name: "car_to_company")
            #expect(association.fromObjectTypeId == created.objectTypeId)
            #expect(association.toObjectTypeId == "0-2")
            let withIt = try await client.schema("car")
            #expect(withIt.associations.contains { $0.id == association.id })
            try await client.removeSchemaAssociation("car", associationId: association.id)
            let without = try await client.schema("car")
            #expect(!without.associations.contains { $0.id == association.id })
            let error = await #expect(throws: HubSpotAPIError.self) {
                try await client.removeSchemaAssociation("car", associationId: association.id)
            }
            #expect(error?.status == 404)
        }
    }

    @Test func deleteNeedsTheRecordsGoneAndPurgeFreesTheName() async throws {
        try await withLiveSandbox { client, _ in
            let created = try await client.createSchema(Self.car)
            let record = try await client.create("car", properties: ["model": "Beetle"])
            let blocked = await #expect(throws: HubSpotAPIError.self) { try await client.deleteSchema("car") }
            #expect(blocked?.status == 400)
            try await client.archive("car", id: record.id)
            try await client.deleteSchema(created.objectTypeId)
            let gone = await #expect(throws: HubSpotAPIError.self) { _ = try await client.schema(created.objectTypeId) }
            #expect(gone?.status == 404)
            let archived = try await client.schemas(archived: true)
            #expect(archived.map(\.objectTypeId) == [created.objectTypeId])
            let taken = await #expect(throws: HubSpotAPIError.self) { _ = try await client.createSchema(Self.car) }
            #expect(taken?.status == 409)
            try await client.deleteSchema(created.objectTypeId, archived: true)
            let again = try await client.createSchema(Self.car)
            #expect(again.name == "car")
        }
    }

    @Test func unknownSchemaIsNotFound() async throws {
        try await withLiveSandbox { client, _ in
            let error = await #expect(throws: HubSpotAPIError.self) { _ = try await client.schema("2-999") }
            #expect(error?.status == 404)
            #expect(error?.category == "OBJECT_NOT_FOUND")
        }
    }

    @Test func aTokenWithoutSchemaScopesIsRefused() async throws {
        let token = "pat-na1-no-schemas"
        try await withLiveSandbox(client: ClientOptions(token: token), configure: {
            $0.tokens.append(TokenGrant(token: token, scopes: ["crm.objects.contacts.read"]))
        }) { client, _ in
            let error = await #expect(throws: HubSpotAPIError.self) { _ = try await client.schemas() }
            #expect(error?.status == 403)
            #expect(error?.missingScopes.contains("crm.schemas.custom.read") == true)
        }
    }
}
