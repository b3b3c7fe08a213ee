import JSONValue
import Testing

@testable import HubSpotSandbox

struct AssociationLabelTests {
    @Test func hubspotDefinedLabelsOfContactsToCompanies() async throws {
        try await withSandbox { client, _ in
            let reply = try await client.get("/crm/v4/associations/contacts/companies/labels")
            #expect(reply.status == 200)
            #expect(reply.json == ["results": [["category": "HUBSPOT_DEFINED", "typeId": 1, "label": "Primary"],
                                               ["category": "HUBSPOT_DEFINED", "typeId": 279, "label": nil]]])
        }
    }

    @Test(arguments: ["/crm/v4/associations", "/crm/associations/v4", "/crm/associations/2026-03"])
    func pairedLabelCreateReadUpdateDelete(prefix: String) async throws {
        try await withSandbox { client, _ in
            let created = try await client.post("\(prefix)/contacts/companies/labels",
                                                ["name": "manager", "label": "Manager", "inverseLabel": "Employer"])
            #expect(created.status == 200)
            let forward = try #require(created.json["results"]?[0]?["typeId"]?.intValue)
            let inverse = try #require(created.json["results"]?[1]?["typeId"]?.intValue)
            #expect(forward != inverse)
            #expect(created.json == ["results": [["category": "USER_DEFINED", "typeId": .int(forward), "label": "Manager"],
                                                 ["category": "USER_DEFINED", "typeId": .int(inverse), "label": "Employer"]]])
            let listed = try await client.get("\(prefix)/contacts/companies/labels")
            #expect(listed.json["results"]?[2] == ["category": "USER_DEFINED", "typeId": .int(forward), "label": "Manager"])
            let back = try await client.get("\(prefix)/companies/contacts/labels")
            #expect(back.json["results"]?[2] == ["category": "USER_DEFINED", "typeId": .int(inverse), "label": "Employer"])

            let renamed = try await client.send(.put, "\(prefix)/contacts/companies/labels",
                                                ["associationTypeId": .int(forward), "label": "Boss", "inverseLabel": "Firm"])
            #expect(renamed.status == 204)
            #expect(try await client.get("\(prefix)/contacts/companies/labels").json["results"]?[2]?["label"] == "Boss")
            #expect(try await client.get("\(prefix)/companies/contacts/labels").json["results"]?[2]?["label"] == "Firm")

            let deleted = try await client.delete("\(prefix)/contacts/companies/labels/\(forward)")
            #expect(deleted.status == 204)
            #expect(try await client.get("\(prefix)/contacts/companies/labels").json["results"]?.arrayValue?.count == 2)
            #expect(try await client.get("\(prefix)/companies/contacts/labels").json["results"]?.arrayValue?.count == 2)
        }
    }

    @Test func anEleventhLabelOnAPairIsRefused() async throws {
        try await withSandbox { client, _ in
            for index in 1...10 {
                let reply = try await client.post("/crm/v4/associations/contacts/deals/labels", ["name": .string("l\(index)"), "label": .string("L\(index)")])
                #expect(reply.status == 200)
            }
            let reply = try await client.post("/crm/v4/associations/contacts/deals/labels", ["name": "l11", "label": "L11"])
            #expect(reply.status == 400)
            #expect(reply.json["category"] == "VALIDATION_ERROR")
            #expect(reply.json["message"] == "Cannot create more than 10 association labels from 0-1 to 0-3")
        }
    }

    @Test func hubspotDefinedLabelsCannotBeChangedAndUnknownOnesAre404() async throws {
        try await withSandbox { client, _ in
            let primary = try await client.send(.put, "/crm/v4/associations/contacts/companies/labels", ["associationTypeId": 1, "label": "Main"])
            #expect(primary.status == 400)
            #expect(primary.json["message"] == "Association type 1 is not a user-defined label and cannot be changed")
            let unknown = try await client.delete("/crm/v4/associations/contacts/companies/labels/77777")
            #expect(unknown.status == 404)
            #expect(unknown.json["message"] == "Association type 77777 does not exist from 0-1 to 0-2")
        }
    }

    @Test func aCustomLabelIsUsableAndDeletingItKeepsTheAssociation() async throws {
        try await withSandbox { client, _ in
            let contact = try await AssociationFixture.contact(client, "ann@example.com")
            let company = try await AssociationFixture.company(client, "Acme")
            let created = try await client.post("/crm/v4/associations/contacts/companies/labels", ["name": "billing", "label": "Billing contact"])
            let typeId = try #require(created.json["results"]?[0]?["typeId"]?.intValue)
            let inverseId = try #require(created.json["results"]?[1]?["typeId"]?.intValue)
            let put = try await client.send(.put, "/crm/v4/objects/contacts/\(contact)/associations/companies/\(company)",
                                            [["associationCategory": "USER_DEFINED", "associationTypeId": .int(typeId)]])
            #expect(put.json["labels"] == ["Billing contact"])
            let back = try await client.get("/crm/v4/objects/companies/\(company)/associations/contacts")
            #expect(back.json["results"]?[0]?["associationTypes"] == [["category": "HUBSPOT_DEFINED", "typeId": 280, "label": nil],
                                                                       ["category": "USER_DEFINED", "typeId": .int(inverseId), "label": "Billing contact"]])
            #expect(try await client.delete("/crm/v4/associations/contacts/companies/labels/\(typeId)").status == 204)
            let after = try await client.get("/crm/v4/objects/contacts/\(contact)/associations/companies")
            #expect(AssociationFixture.entries(after).map(\.1) == [[279]])
        }
    }

    @Test func aWrongCategoryIsRefused() async throws {
        try await withSandbox { client, _ in
            let contact = try await AssociationFixture.contact(client, "ann@example.com")
            let company = try await AssociationFixture.company(client, "Acme")
            let reply = try await client.send(.put, "/crm/v4/objects/contacts/\(contact)/associations/companies/\(company)",
                                              [["associationCategory": "USER_DEFINED", "associationTypeId": 279]])
            #expect(reply.status == 400)
            #expect(reply.json["message"] == "Association type 279 is HUBSPOT_DEFINED, not USER_DEFINED")
        }
    }

    @Test func configuredLimitsAreServedAndEnforced() async throws {
        try await withSandbox { client, _ in
            let contact = try await AssociationFixture.contact(client, "ann@example.com")
            let first = try await AssociationFixture.company(client, "First")
            let second = try await AssociationFixture.company(client, "Second")
            let configured = try await client.post("/crm/associations/v4/definitions/configurations/contacts/companies/batch/create",
                                                   ["inputs": [["category": "HUBSPOT_DEFINED", "typeId": 279, "maxToObjectIds": 1]]])
            #expect(configured.status == 200)
            let expected: JSONValue = ["category": "HUBSPOT_DEFINED", "typeId": 279, "label": nil, "userEnforcedMaxToObjectIds": 1]
            #expect(configured.json["results"] == [expected])
            #expect(try await client.get("/crm/associations/v4/definitions/configurations/all").json == ["results": [expected]])
            #expect(try await client.get("/crm/associations/v4/definitions/configurations/contacts/companies").json == ["results": [expected]])
            #expect(try await client.get("/crm/associations/v4/definitions/configurations/companies/contacts").json == ["results": []])

            let ok = try await client.send(.put, "/crm/v4/objects/contacts/\(contact)/associations/default/companies/\(first)")
            #expect(ok.status == 200)
            let refused = try await client.send(.put, "/crm/v4/objects/contacts/\(contact)/associations/default/companies/\(second)")
            #expect(refused.status == 400)
            #expect(refused.json["subCategory"] == "crm.associations.ASSOCIATION_LIMIT_EXCEEDED")

            let purged = try await client.post("/crm/associations/v4/definitions/configurations/contacts/companies/batch/purge",
                                               ["inputs": [["category": "HUBSPOT_DEFINED", "typeId": 279]]])
            #expect(purged.status == 204)
            #expect(try await client.get("/crm/associations/v4/definitions/configurations/all").json == ["results": []])
        }
    }
}
