import JSONValue
import Testing

@testable import HubSpotSandbox

struct AssociationV3Tests {
    @Test(arguments: [
        ("contacts", "companies", [["id": "1", "name": "contact_to_company"], ["id": "279", "name": "contact_to_company_unlabeled"]] as JSONValue),
        ("contact", "deal", [["id": "4", "name": "contact_to_deal"]] as JSONValue),
        ("companies", "contacts", [["id": "2", "name": "company_to_contact"], ["id": "280", "name": "company_to_contact_unlabeled"]] as JSONValue),
    ])
    func typesListsTheV3NamesOfThePair(from: String, to: String, expected: JSONValue) async throws {
        try await withSandbox { client, _ in
            let reply = try await client.get("/crm/v3/associations/\(from)/\(to)/types")
            #expect(reply.status == 200)
            #expect(reply.json == ["results": expected])
        }
    }

    @Test func batchCreateReadAndArchiveWithV3Names() async throws {
        try await withSandbox { client, _ in
            let contact = try await AssociationFixture.contact(client, "ann@example.com")
            let company = try await AssociationFixture.company(client, "Acme")
            let pair: JSONValue = ["from": ["id": .string(contact)], "to": ["id": .string(company)], "type": "contact_to_company"]
            let created = try await client.post("/crm/v3/associations/contact/company/batch/create", ["inputs": [pair]])
            #expect(created.status == 201)
            #expect(created.json["results"] == [pair])

            let read = try await client.post("/crm/v3/associations/contacts/companies/batch/read", ["inputs": [["id": .string(contact)]]])
            #expect(read.status == 200)
            #expect(read.json["results"] == [["from": ["id": .string(contact)], "to": [
                ["id": .string(company), "type": "contact_to_company"],
                ["id": .string(company), "type": "contact_to_company_unlabeled"]]]])

            let archived = try await client.post("/crm/v3/associations/contact/company/batch/archive", ["inputs": [
                ["from": ["id": .string(contact)], "to": ["id": .string(company)], "type": "contact_to_company_unlabeled"]]])
            #expect(archived.status == 204)
            let after = try await client.post("/crm/v3/associations/contacts/companies/batch/read", ["inputs": [["id": .string(contact)]]])
            #expect(after.status == 207)
            #expect(after.json["errors"]?[0]?["subCategory"] == "crm.associations.NO_ASSOCIATIONS_FOUND")
        }
    }

    @Test func batchCreateWithAMissingContactAnswers207() async throws {
        try await withSandbox { client, _ in
            let company = try await AssociationFixture.company(client, "Acme")
            let created = try await client.post("/crm/v3/associations/contacts/companies/batch/create", ["inputs": [
                ["from": ["id": "424242"], "to": ["id": .string(company)], "type": "contact_to_company_unlabeled"]]])
            #expect(created.status == 207)
            #expect(created.json["results"] == [])
            #expect(created.json["errors"]?[0]?["message"] == "Could not get some CONTACT objects, they may be deleted or not exist. Check that ids are valid.")
            #expect(created.json["errors"]?[0]?["context"] == ["ids": ["424242"]])
        }
    }

    @Test func anUnknownV3TypeNameIs400() async throws {
        try await withSandbox { client, _ in
            let contact = try await AssociationFixture.contact(client, "ann@example.com")
            let company = try await AssociationFixture.company(client, "Acme")
            let reply = try await client.post("/crm/v3/associations/contacts/companies/batch/create", ["inputs": [
                ["from": ["id": .string(contact)], "to": ["id": .string(company)], "type": "contact_to_deal"]]])
            #expect(reply.status == 400)
            #expect(reply.json["message"] == "contact_to_deal is not a valid association type from contact to company")
        }
    }
}
