import JSONValue
import Testing

@testable import HubSpotSandbox

/// Associations as the objects API shows and takes them: inline on create, embedded on read and list.
struct AssociationRecordTests {
    @Test func inlineAssociationsOnCreateAreStoredBothWays() async throws {
        try await withSandbox { client, _ in
            let company = try await AssociationFixture.company(client, "Acme")
            let created = try await client.post("/crm/v3/objects/contacts", [
                "properties": ["email": "ann@example.com"],
                "associations": [["to": ["id": .int(Int(company)!)], "types": [["associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 279]]]],
            ])
            #expect(created.status == 201)
            let contact = try #require(created.json["id"]?.stringValue)
            let back = try await client.get("/crm/v4/objects/companies/\(company)/associations/contacts")
            #expect(AssociationFixture.entries(back).map(\.0) == [Int(contact)!])
            #expect(AssociationFixture.entries(back).map(\.1) == [[280]])
        }
    }

    @Test(arguments: [
        ("999", 279, "Association target company 999 does not exist"),
        ("COMPANY", 4242, "4242 is not a valid association type id for contact records"),
        ("COMPANY", 280, "280 is not a valid association type id for contact records"),
    ])
    func aBadInlineAssociationIs400AndStoresNothing(target: String, typeId: Int, message: String) async throws {
        try await withSandbox { client, _ in
            let company = try await AssociationFixture.company(client, "Acme")
            let created = try await client.post("/crm/v3/objects/contacts", [
                "properties": ["email": "ann@example.com"],
                "associations": [["to": ["id": .string(target == "COMPANY" ? company : target)],
                                  "types": [["associationCategory": "HUBSPOT_DEFINED", "associationTypeId": .int(typeId)]]]],
            ])
            #expect(created.status == 400)
            #expect(created.json["category"] == "VALIDATION_ERROR")
            #expect(created.json["message"] == .string(message))
            #expect(try await client.get("/crm/v3/objects/contacts").json["results"] == [])
        }
    }

    @Test func readEmbedsV3AssociationsOnePerTypeHeld() async throws {
        try await withSandbox { client, _ in
            let contact = try await AssociationFixture.contact(client, "ann@example.com")
            let company = try await AssociationFixture.company(client, "Acme")
            try await client.send(.put, "/crm/v4/objects/contacts/\(contact)/associations/companies/\(company)",
                                  [["associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 1]])
            let expected: JSONValue = ["companies": ["results": [["id": .string(company), "type": "contact_to_company"],
                                                                 ["id": .string(company), "type": "contact_to_company_unlabeled"]]]]
            let read = try await client.get("/crm/v3/objects/contacts/\(contact)?associations=companies")
            #expect(read.json["associations"] == expected)
            let list = try await client.get("/crm/v3/objects/contacts?associations=companies")
            #expect(list.json["results"]?[0]?["associations"] == expected)
            let none = try await client.get("/crm/v3/objects/contacts/\(contact)?associations=deals")
            #expect(none.json["associations"] == nil)
        }
    }

    @Test func anArchivedRecordDropsOutOfItsPartnersAssociations() async throws {
        try await withSandbox { client, _ in
            let contact = try await AssociationFixture.contact(client, "ann@example.com")
            let company = try await AssociationFixture.company(client, "Acme")
            try await client.send(.put, "/crm/v4/objects/contacts/\(contact)/associations/default/companies/\(company)")
            #expect(try await client.delete("/crm/v3/objects/companies/\(company)").status == 204)
            #expect(try await client.get("/crm/v4/objects/contacts/\(contact)/associations/companies").json == ["results": []])
        }
    }

    @Test func gdprDeleteForgetsTheRecordsAssociations() async throws {
        try await withSandbox { client, sandbox in
            let contact = try await AssociationFixture.contact(client, "ann@example.com")
            let company = try await AssociationFixture.company(client, "Acme")
            try await client.send(.put, "/crm/v4/objects/contacts/\(contact)/associations/default/companies/\(company)")
            #expect(try await client.post("/crm/v3/objects/contacts/gdpr-delete", ["objectId": .string(contact)]).status == 204)
            let companyType = try await sandbox.store.objectType("companies")
            let contactType = try await sandbox.store.objectType("contacts")
            #expect(await sandbox.store.associatedIds(of: contactType, to: companyType, id: Int(company)!) == [])
        }
    }

    @Test func mergeMovesTheMergedContactsAssociations() async throws {
        try await withSandbox { client, _ in
            let kept = try await AssociationFixture.contact(client, "kept@example.com")
            let merged = try await AssociationFixture.contact(client, "merged@example.com")
            let company = try await AssociationFixture.company(client, "Acme")
            try await client.send(.put, "/crm/v4/objects/contacts/\(merged)/associations/companies/\(company)",
                                  [["associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 1]])
            let reply = try await client.post("/crm/v3/objects/contacts/merge", ["primaryObjectId": .string(kept), "objectIdToMerge": .string(merged)])
            #expect(reply.status == 200)
            let back = try await client.get("/crm/v4/objects/companies/\(company)/associations/contacts")
            #expect(AssociationFixture.entries(back).map(\.0) == [Int(kept)!])
            #expect(AssociationFixture.entries(back).map(\.1) == [[2, 280]])
        }
    }
}
