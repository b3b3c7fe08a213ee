import JSONValue
import Testing

@testable import HubSpotSandbox

/// Custom object schemas (hubspot-api.md §3) and the records of the object types they define.
struct SchemaTests {
    /// The `ObjectSchemaEgg` of a `cars` object: `model` required and primary, `vin` unique.
    static let carsEgg: JSONValue = [
        "name": "cars",
        "labels": ["singular": "Car", "plural": "Cars"],
        "primaryDisplayProperty": "model",
        "secondaryDisplayProperties": ["year"],
        "requiredProperties": ["model"],
        "searchableProperties": ["model", "vin"],
        "properties": [
            ["name": "model", "label": "Model", "type": "string", "fieldType": "text"],
            ["name": "vin", "label": "VIN", "type": "string", "fieldType": "text", "hasUniqueValue": true],
            ["name": "year", "label": "Year", "type": "number", "fieldType": "number"],
        ],
        "associatedObjects": ["CONTACT"],
    ]

    /// Creates the `cars` schema and returns its answer.
    static func createCars(_ client: SandboxClient, at prefix: String = "/crm-object-schemas/v3/schemas") async throws -> JSONValue {
        let reply = try await client.post(prefix, carsEgg)
        #expect(reply.status == 201)
        return reply.json
    }

    @Test func aCreatedSchemaHasItsIdsPropertiesAndAssociations() async throws {
        try await withSandbox { client, sandbox in
            let schema = try await Self.createCars(client)
            let portalId = await sandbox.store.portal.portalId
            let id = try #require(schema["id"]?.stringValue)
            #expect(Int(id) != nil)
            #expect(schema["objectTypeId"]?.stringValue == "2-\(id)")
            #expect(schema["fullyQualifiedName"]?.stringValue == "p\(portalId)_cars")
            #expect(schema["name"] == "cars")
            #expect(schema["labels"] == ["singular": "Car", "plural": "Cars"])
            #expect(schema["requiredProperties"] == ["model"])
            #expect(schema["searchableProperties"] == ["model", "vin"])
            #expect(schema["primaryDisplayProperty"] == "model")
            #expect(schema["secondaryDisplayProperties"] == ["year"])
            #expect(schema["archived"] == false)
            #expect(schema["createdAt"]?.stringValue != nil)
            let properties = schema["properties"]?.arrayValue ?? []
            #expect(Set(properties.compactMap { $0["name"]?.stringValue })
                == ["hs_object_id", "hs_createdate", "hs_lastmodifieddate", "model", "vin", "year"])
            let model = properties.first { $0["name"] == "model" }
            #expect(model?["groupName"] == "cars_information")
            #expect(model?["hubspotDefined"] == false)
            #expect(properties.first { $0["name"] == "vin" }?["hasUniqueValue"] == true)
            let association = schema["associations"]?[0]
            #expect(association?["fromObjectTypeId"]?.stringValue == "2-\(id)")
            #expect(association?["toObjectTypeId"] == "0-1")
            #expect(association?["name"] == "cars_to_contact")
        }
    }

    @Test func recordsOfACustomObjectWorkByNameTypeIdAndFullyQualifiedName() async throws {
        try await withSandbox { client, sandbox in
            let schema = try await Self.createCars(client)
            let typeId = try #require(schema["objectTypeId"]?.stringValue)
            let portalId = await sandbox.store.portal.portalId
            for (index, reference) in ["cars", typeId, "p\(portalId)_cars"].enumerated() {
                let created = try await client.post("/crm/v3/objects/\(reference)",
                                                    ["properties": ["model": .string("Civic \(index)"), "year": "2020"]])
                #expect(created.status == 201)
                #expect(created.json["properties"]?["model"]?.stringValue == "Civic \(index)")
                #expect(created.json["properties"]?["hs_createdate"]?.stringValue != nil)
                let id = try #require(created.json["id"]?.stringValue)

                let read = try await client.get("/crm/v3/objects/\(reference)/\(id)")
                #expect(read.status == 200)
                #expect(read.json["properties"]?["model"]?.stringValue == "Civic \(index)")
                #expect(read.json["properties"]?["year"] == nil)

                let updated = try await client.patch("/crm/v3/objects/\(reference)/\(id)", ["properties": ["year": "2021"]])
                #expect(updated.status == 200)
                #expect(updated.json["properties"]?["year"] == "2021")

                let batch = try await client.post("/crm/v3/objects/\(reference)/batch/read",
                                                  ["inputs": [["id": .string(id)]], "properties": ["year"]])
                #expect(batch.status == 200)
                #expect(batch.json["results"]?[0]?["properties"]?["year"] == "2021")

                let deleted = try await client.delete("/crm/v3/objects/\(reference)/\(id)")
                #expect(deleted.status == 204)
                let gone = try await client.get("/crm/v3/objects/\(reference)/\(id)")
                #expect(gone.status == 404)
            }
        }
    }

    @Test func theSchemasRequiredAndUniquePropertiesAreEnforced() async throws {
        try await withSandbox { client, _ in
            _ = try await Self.createCars(client)
            let missing = try await client.post("/crm/v3/objects/cars", ["properties": ["year": "2020"]])
            #expect(missing.status == 400)
            #expect(missing.json["errors"]?[0]?["code"] == "REQUIRED_PROPERTY")
            #expect(missing.json["errors"]?[0]?["context"]?["propertyName"] == ["model"])

            let first = try await client.post("/crm/v3/objects/cars", ["properties": ["model": "Golf", "vin": "WVW123"]])
            #expect(first.status == 201)
            let second = try await client.post("/crm/v3/objects/cars", ["properties": ["model": "Polo", "vin": "WVW123"]])
            #expect(second.status == 409)
            #expect(second.json["category"] == "CONFLICT")
        }
    }

    @Test func aCustomObjectsRecordsCanBeListedWithItsPrimaryDisplayPropertyByDefault() async throws {
        try await withSandbox { client, _ in
            _ = try await Self.createCars(client)
            _ = try await client.post("/crm/v3/objects/cars", ["properties": ["model": "Golf", "year": "2019"]])
            let list = try await client.get("/crm/v3/objects/cars")
            #expect(list.status == 200)
            let properties = list.json["results"]?[0]?["properties"]?.objectValue ?? [:]
            #expect(Set(properties.keys) == ["model", "hs_object_id", "hs_createdate", "hs_lastmodifieddate"])
        }
    }

    @Test(arguments: ["/crm-object-schemas/v3/schemas", "/crm/v3/schemas", "/crm-object-schemas/2026-03/schemas"])
    func aSchemaIsReadByTypeIdFullyQualifiedNameAndNameAtEveryPrefix(_ prefix: String) async throws {
        try await withSandbox { client, _ in
            let schema = try await Self.createCars(client, at: prefix)
            let typeId = try #require(schema["objectTypeId"]?.stringValue)
            let fqn = try #require(schema["fullyQualifiedName"]?.stringValue)
            for reference in [typeId, fqn, "cars"] {
                let read = try await client.get("\(prefix)/\(reference)")
                #expect(read.status == 200)
                #expect(read.json["objectTypeId"]?.stringValue == typeId)
            }
            let list = try await client.get(prefix)
            #expect(list.status == 200)
            #expect(list.json["results"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["cars"])
            let unknown = try await client.get("\(prefix)/2-999")
            #expect(unknown.status == 404)
            #expect(unknown.json["category"] == "OBJECT_NOT_FOUND")
            #expect(unknown.json["message"] == "Unable to find object schema 2-999")
        }
    }

    @Test func anUpdateChangesLabelsAndTheRequiredPropertiesOfRecords() async throws {
        try await withSandbox { client, sandbox in
            let schema = try await Self.createCars(client)
            let typeId = try #require(schema["objectTypeId"]?.stringValue)
            let updated = try await client.patch("/crm/v3/schemas/\(typeId)", [
                "labels": ["singular": "Vehicle", "plural": "Vehicles"], "requiredProperties": ["model", "year"],
                "primaryDisplayProperty": "vin",
            ])
            #expect(updated.status == 200)
            #expect(updated.json["labels"] == ["singular": "Vehicle", "plural": "Vehicles"])
            #expect(updated.json["requiredProperties"] == ["model", "year"])
            #expect(updated.json["primaryDisplayProperty"] == "vin")
            #expect(updated.json["portalId"]?.intValue == (await sandbox.store.portal.portalId))
            #expect(updated.json["properties"] == nil)

            let missingYear = try await client.post("/crm/v3/objects/cars", ["properties": ["model": "Golf"]])
            #expect(missingYear.status == 400)
            #expect(missingYear.json["errors"]?[0]?["context"]?["propertyName"] == ["year"])

            let unknown = try await client.patch("/crm/v3/schemas/cars", ["requiredProperties": ["colour"]])
            #expect(unknown.status == 400)
            #expect(unknown.json["message"] == "requiredProperties names properties that are not defined on this object: [colour]")
        }
    }

    @Test func aSchemaWithRecordsIsNotDeletedAndADeletedOneIsPurgedBeforeItsNameIsReused() async throws {
        try await withSandbox { client, _ in
            let schema = try await Self.createCars(client)
            let typeId = try #require(schema["objectTypeId"]?.stringValue)
            let car = try await client.post("/crm/v3/objects/cars", ["properties": ["model": "Golf"]])
            let carId = try #require(car.json["id"]?.stringValue)

            let refused = try await client.delete("/crm/v3/schemas/cars")
            #expect(refused.status == 400)
            #expect(refused.json["message"]?.stringValue
                == "Object type cars (\(typeId)) still has 1 record. Delete its records before deleting the schema.")

            let archivedCar = try await client.delete("/crm/v3/objects/cars/\(carId)")
            #expect(archivedCar.status == 204)
            let deleted = try await client.delete("/crm/v3/schemas/cars")
            #expect(deleted.status == 204)
            let gone = try await client.get("/crm/v3/schemas/\(typeId)")
            #expect(gone.status == 404)
            let records = try await client.get("/crm/v3/objects/cars")
            #expect(records.status == 400)
            #expect(records.json["message"] == "Unable to infer object type from: cars")
            let archivedList = try await client.get("/crm/v3/schemas?archived=true")
            #expect(archivedList.json["results"]?[0]?["archived"] == true)

            let taken = try await client.post("/crm/v3/schemas", Self.carsEgg)
            #expect(taken.status == 409)
            #expect(taken.json["message"] == "An object type named 'cars' already exists.")

            let purged = try await client.delete("/crm/v3/schemas/\(typeId)?archived=true")
            #expect(purged.status == 204)
            let archivedAfterPurge = try await client.get("/crm/v3/schemas?archived=true")
            #expect(archivedAfterPurge.json["results"] == [])
            let recreated = try await client.post("/crm/v3/schemas", Self.carsEgg)
            #expect(recreated.status == 201)
        }
    }

    /// Eggs HubSpot refuses, the status and the message.
    static let invalidEggs: [(JSONValue, Int, String)] = [
        (["labels": ["singular": "A", "plural": "As"]], 400, "name is required"),
        (["name": "boats"], 400, "labels.singular and labels.plural are required"),
        (["name": "2fast", "labels": ["singular": "A", "plural": "As"]], 400,
         "Object name \"2fast\" is invalid: it must start with a letter and contain only letters, digits and underscores."),
        (["name": "contacts", "labels": ["singular": "A", "plural": "As"]], 409, "An object type named 'contacts' already exists."),
        (["name": "boats", "labels": ["singular": "Boat", "plural": "Boats"], "requiredProperties": ["hull"]], 400,
         "requiredProperties names properties that are not defined on this object: [hull]"),
        (["name": "boats", "labels": ["singular": "Boat", "plural": "Boats"], "associatedObjects": ["SPACESHIP"]], 400,
         "associatedObjects names an unknown object type: SPACESHIP"),
        (["name": "boats", "labels": ["singular": "Boat", "plural": "Boats"],
          "properties": [["name": "hull", "label": "Hull", "type": "colour"]]], 400,
         "colour is not a valid property type. Valid types are: [bool, date, datetime, enumeration, number, phone_number, string]"),
    ]

    @Test(arguments: invalidEggs)
    func anInvalidSchemaIsRefused(_ egg: JSONValue, _ status: Int, _ message: String) async throws {
        try await withSandbox { client, _ in
            let reply = try await client.post("/crm-object-schemas/v3/schemas", egg)
            #expect(reply.status == status)
            #expect(reply.json["message"]?.stringValue == message)
            let list = try await client.get("/crm-object-schemas/v3/schemas")
            #expect(list.json["results"] == [])
        }
    }

    @Test func associationDefinitionsAreAddedAndRemoved() async throws {
        try await withSandbox { client, _ in
            let schema = try await Self.createCars(client)
            let typeId = try #require(schema["objectTypeId"]?.stringValue)
            let added = try await client.post("/crm/v3/schemas/cars/associations",
                                              ["fromObjectTypeId": .string(typeId), "toObjectTypeId": "0-2", "name": "car_to_dealer"])
            #expect(added.status == 201)
            #expect(added.json["fromObjectTypeId"]?.stringValue == typeId)
            #expect(added.json["toObjectTypeId"] == "0-2")
            #expect(added.json["name"] == "car_to_dealer")
            let id = try #require(added.json["id"]?.stringValue)

            let read = try await client.get("/crm/v3/schemas/cars")
            #expect(read.json["associations"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["cars_to_contact", "car_to_dealer"])

            let duplicate = try await client.post("/crm/v3/schemas/cars/associations",
                                                  ["fromObjectTypeId": .string(typeId), "toObjectTypeId": "0-2", "name": "car_to_dealer"])
            #expect(duplicate.status == 409)
            let foreign = try await client.post("/crm/v3/schemas/cars/associations", ["fromObjectTypeId": "0-1", "toObjectTypeId": "0-2"])
            #expect(foreign.status == 400)

            let removed = try await client.delete("/crm/v3/schemas/cars/associations/\(id)")
            #expect(removed.status == 204)
            let after = try await client.get("/crm/v3/schemas/cars")
            #expect(after.json["associations"]?.arrayValue?.count == 1)
            let unknown = try await client.delete("/crm/v3/schemas/cars/associations/no_such_association")
            #expect(unknown.status == 404)
        }
    }

    @Test func associatedObjectsDefineAssociationTypesRecordsCanUse() async throws {
        try await withSandbox { client, _ in
            let schema = try await Self.createCars(client)
            let associationId = try #require(schema["associations"]?[0]?["id"]?.stringValue)
            let types = try await client.get("/crm/v3/associations/cars/contacts/types")
            #expect(types.status == 200)
            #expect(types.json["results"]?.arrayValue?.contains { $0["id"]?.stringValue == associationId && $0["name"] == "cars_to_contact" } == true)

            let car = try await client.post("/crm/v3/objects/cars", ["properties": ["model": "Golf"]])
            let contact = try await client.post("/crm/v3/objects/contacts", ["properties": ["email": "driver@example.com"]])
            let carId = try #require(car.json["id"]?.stringValue)
            let contactId = try #require(contact.json["id"]?.stringValue)
            let linked = try await client.send(.put, "/crm/v4/objects/cars/\(carId)/associations/default/contacts/\(contactId)")
            #expect(linked.status == 200)
            let listed = try await client.get("/crm/v4/objects/cars/\(carId)/associations/contacts")
            #expect(listed.json["results"]?[0]?["toObjectId"]?.scalarText == contactId)
        }
    }

    @Test func batchReadReturnsTheSchemasItFinds() async throws {
        try await withSandbox { client, _ in
            let schema = try await Self.createCars(client)
            let typeId = try #require(schema["objectTypeId"]?.stringValue)
            let reply = try await client.post("/crm-object-schemas/v3/schemas/batch/read", ["inputs": [.string(typeId), "2-999"]])
            #expect(reply.status == 200)
            #expect(reply.json["results"]?.arrayValue?.compactMap { $0["objectTypeId"]?.stringValue } == [typeId])
        }
    }

    @Test func thePropertiesAPIServesACustomObjectsDefinitions() async throws {
        try await withSandbox { client, _ in
            _ = try await Self.createCars(client)
            let model = try await client.get("/crm/v3/properties/cars/model")
            #expect(model.status == 200)
            #expect(model.json["groupName"] == "cars_information")
            let created = try await client.post("/crm/v3/properties/cars", [
                "name": "colour", "label": "Colour", "type": "string", "fieldType": "text", "groupName": "cars_information",
            ])
            #expect(created.status == 201)
            let schema = try await client.get("/crm/v3/schemas/cars")
            #expect(schema.json["properties"]?.arrayValue?.contains { $0["name"] == "colour" } == true)
            let record = try await client.post("/crm/v3/objects/cars", ["properties": ["model": "Golf", "colour": "red"]])
            #expect(record.status == 201)
            #expect(record.json["properties"]?["colour"] == "red")
        }
    }

    @Test func customObjectsUseTheCustomScopes() async throws {
        try await withSandbox(configure: {
            $0.tokens = [TokenGrant(token: SandboxConfiguration.defaultToken),
                         TokenGrant(parsing: "limited:crm.objects.contacts.read,crm.objects.custom.read")]
        }) { client, _ in
            _ = try await Self.createCars(client)
            var limited = client
            limited.token = "limited"
            let create = try await limited.post("/crm/v3/schemas", Self.carsEgg)
            #expect(create.status == 403)
            #expect(create.json["errors"]?[0]?["context"]?["requiredGranularScopes"] == ["crm.schemas.custom.write"])
            let read = try await limited.get("/crm/v3/schemas/cars")
            #expect(read.status == 200)
            let properties = try await limited.get("/crm/v3/properties/cars")
            #expect(properties.status == 200)
            let propertyCreate = try await limited.post("/crm/v3/properties/cars", ["name": "x", "label": "X"])
            #expect(propertyCreate.status == 403)
            #expect(propertyCreate.json["errors"]?[0]?["context"]?["requiredGranularScopes"] == ["crm.schemas.custom.write"])
        }
    }

    @Test func searchFindsACustomObjectsRecords() async throws {
        try await withSandbox { client, _ in
            _ = try await Self.createCars(client)
            _ = try await client.post("/crm/v3/objects/cars", ["properties": ["model": "Golf"]])
            _ = try await client.post("/crm/v3/objects/cars", ["properties": ["model": "Polo"]])
            let reply = try await client.post("/crm/v3/objects/cars/search",
                                              ["filterGroups": [["filters": [["propertyName": "model", "operator": "EQ", "value": "Polo"]]]]])
            #expect(reply.status == 200)
            #expect(reply.json["total"] == 1)
            #expect(reply.json["results"]?[0]?["properties"]?["model"] == "Polo")
        }
    }
}
