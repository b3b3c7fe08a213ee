import HubSpotAPI
import JSONValue
import Testing

struct ObjectEndpointTests {
    @Test func createReadUpdateArchiveRoundTrip() async throws {
        try await withLiveSandbox { client, _ in
            let created = try await client.create("contacts", properties: ["email": "ann@example.com", "firstname": "Ann"])
            #expect(created[property: "email"] == "ann@example.com")
            let read = try await client.record("contacts", id: created.id, properties: ["email", "firstname"])
            #expect(read[property: "firstname"] == "Ann")
            let byEmail = try await client.record("contacts", id: "ann@example.com", idProperty: "email")
            #expect(byEmail.id == created.id)
            let updated = try await client.update("contacts", id: created.id, properties: ["firstname": "Anna"])
            #expect(updated[property: "firstname"] == "Anna")
            try await client.archive("contacts", id: created.id)
            let error = await #expect(throws: HubSpotAPIError.self) {
                _ = try await client.record("contacts", id: created.id)
            }
            #expect(error?.status == 404)
        }
    }

    @Test func conflictCarriesTheExistingId() async throws {
        try await withLiveSandbox { client, _ in
            let first = try await client.create("contacts", properties: ["email": "dup@example.com"])
            let error = await #expect(throws: HubSpotAPIError.self) {
                _ = try await client.create("contacts", properties: ["email": "dup@example.com"])
            }
            #expect(error?.status == 409)
            #expect(error?.category == "CONFLICT")
            #expect(error?.existingId == first.id)
            #expect(error?.correlationId != nil)
            #expect(error?.description.contains("POST /crm/v3/objects/contacts: HubSpot answered 409 CONFLICT") == true)
        }
    }

    @Test func unknownPropertyIsAValidationErrorNamingIt() async throws {
        try await withLiveSandbox { client, _ in
            let error = await #expect(throws: HubSpotAPIError.self) {
                _ = try await client.create("contacts", properties: ["nosuchprop": "x"])
            }
            #expect(error?.status == 400)
            #expect(error?.category == "VALIDATION_ERROR")
            #expect(error?.body?.errors.first?["code"]?.stringValue == "PROPERTY_DOESNT_EXIST")
        }
    }

    @Test func listPagesToTheEnd() async throws {
        try await withLiveSandbox { client, _ in
            let ids = try await client.seedContacts(250)
            var seen: [String] = []
            var after: String?
            repeat {
                let page = try await client.listPage("contacts", limit: 100, after: after)
                seen += page.results.map(\.id)
                after = page.after
            } while after != nil
            #expect(Set(seen) == Set(ids))
            #expect(seen.count == 250)
        }
    }

    @Test func manyPropertiesNeverMakeALongURL() async throws {
        try await withLiveSandbox { client, _ in
            let ids = try await client.seedContacts(3)
            let names = ["email", "firstname"] + (0..<300).map { "no_such_property_with_a_long_name_\($0)" }
            let record = try await client.record("contacts", id: ids[0], properties: names)
            #expect(record[property: "email"] == "c0@example.com")
            let page = try await client.listPage("contacts", properties: names)
            #expect(page.results.count == 3)
            #expect(page.results.allSatisfy { $0[property: "firstname"] != nil })
        }
    }

    @Test func batchReadReportsMissingIdsAs207() async throws {
        try await withLiveSandbox { client, _ in
            let ids = try await client.seedContacts(2)
            let batch = try await client.batchRead("contacts", ids: ids + ["999999"], properties: ["email"])
            #expect(batch.status == 207)
            #expect(batch.results.count == 2)
            #expect(batch.errors.first?.category == "OBJECT_NOT_FOUND")
            #expect(batch.errors.first?.contextValues("ids") == ["999999"])
        }
    }

    @Test func batchUpsertSaysWhichRecordsAreNew() async throws {
        try await withLiveSandbox { client, _ in
            _ = try await client.seedContacts(1)
            let batch = try await client.batchUpsert("contacts", inputs: [
                ["id": "c0@example.com", "idProperty": "email", "properties": ["firstname": "Zed"]],
                ["id": "new@example.com", "idProperty": "email", "properties": ["firstname": "New"]],
            ])
            #expect(batch.results.map(\.isNew).sorted { ($0 ?? false) == false && ($1 ?? false) } == [false, true])
        }
    }

    @Test func mergeAndGDPRDelete() async throws {
        try await withLiveSandbox { client, _ in
            let ids = try await client.seedContacts(3)
            let merged = try await client.merge("contacts", primaryId: ids[0], mergingId: ids[1])
            #expect(merged.id == ids[0])
            try await client.gdprDelete(id: "c2@example.com", idProperty: "email")
            let error = await #expect(throws: HubSpotAPIError.self) { _ = try await client.record("contacts", id: ids[2]) }
            #expect(error?.status == 404)
        }
    }
}
