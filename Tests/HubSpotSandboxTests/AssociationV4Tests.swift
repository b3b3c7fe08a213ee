import JSONValue
import Testing

@testable import HubSpotSandbox

/// Records the association tests create through the objects API.
enum AssociationFixture {
    /// Creates a contact and returns its id.
    static func contact(_ client: SandboxClient, _ email: String) async throws -> String {
        let reply = try await client.post("/crm/v3/objects/contacts", ["properties": ["email": .string(email)]])
        try #require(reply.status == 201)
        return try #require(reply.json["id"]?.stringValue)
    }

    /// Creates a company and returns its id.
    static func company(_ client: SandboxClient, _ name: String) async throws -> String {
        let reply = try await client.post("/crm/v3/objects/companies", ["properties": ["name": .string(name)]])
        try #require(reply.status == 201)
        return try #require(reply.json["id"]?.stringValue)
    }

    /// The `(toObjectId, typeIds)` pairs of a v4 list answer.
    static func entries(_ reply: Reply) -> [(Int, [Int])] {
        (reply.json["results"]?.arrayValue ?? []).map { entry in
            (entry["toObjectId"]?.intValue ?? -1,
             (entry["associationTypes"]?.arrayValue ?? []).compactMap { $0["typeId"]?.intValue })
        }
    }
}

struct AssociationV4Tests {
    @Test func defaultAssociationAnswersBothDirectionsAndSyncsTheInverse() async throws {
        try await withSandbox { client, _ in
            let contact = try await AssociationFixture.contact(client, "ann@example.com")
            let company = try await AssociationFixture.company(client, "Acme")
            let put = try await client.send(.put, "/crm/v4/objects/contacts/\(contact)/associations/default/companies/\(company)")
            #expect(put.status == 200)
            #expect(put.json["status"] == "COMPLETE")
            #expect(put.json["results"]?[0] == ["from": ["id": .string(contact)], "to": ["id": .string(company)],
                                                 "associationSpec": ["associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 279]])
            #expect(put.json["results"]?[1]?["associationSpec"]?["associationTypeId"] == 280)
            let back = try await client.get("/crm/v4/objects/companies/\(company)/associations/contacts")
            #expect(back.status == 200)
            #expect(back.json["results"] == [["toObjectId": .int(Int(contact)!),
                                              "associationTypes": [["category": "HUBSPOT_DEFINED", "typeId": 280, "label": nil]]]])
            #expect(back.json["paging"] == nil)
        }
    }

    @Test func labeledPutReplacesTheLabelSetAndPrimaryImpliesUnlabeled() async throws {
        try await withSandbox { client, _ in
            let contact = try await AssociationFixture.contact(client, "ann@example.com")
            let company = try await AssociationFixture.company(client, "Acme")
            let path = "/crm/v4/objects/contacts/\(contact)/associations/companies/\(company)"
            let primary = try await client.send(.put, path, [["associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 1]])
            #expect(primary.status == 201)
            #expect(primary.json == ["fromObjectTypeId": "0-1", "fromObjectId": .int(Int(contact)!), "toObjectTypeId": "0-2",
                                     "toObjectId": .int(Int(company)!), "labels": ["Primary"]])
            let list = try await client.get("/crm/v4/objects/contacts/\(contact)/associations/companies")
            #expect(AssociationFixture.entries(list).map(\.1) == [[1, 279]])
            #expect(list.json["results"]?[0]?["associationTypes"]?[0] == ["category": "HUBSPOT_DEFINED", "typeId": 1, "label": "Primary"])
            let inverse = try await client.get("/crm/v4/objects/companies/\(company)/associations/contacts")
            #expect(AssociationFixture.entries(inverse).map(\.1) == [[2, 280]])

            let plain = try await client.send(.put, path, [["associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 279]])
            #expect(plain.json["labels"] == [])
            let after = try await client.get("/crm/v4/objects/contacts/\(contact)/associations/companies")
            #expect(AssociationFixture.entries(after).map(\.1) == [[279]])
            let inverseAfter = try await client.get("/crm/v4/objects/companies/\(company)/associations/contacts")
            #expect(AssociationFixture.entries(inverseAfter).map(\.1) == [[280]])
        }
    }

    @Test func aNewPrimaryCompanyTakesOverFromTheOldOne() async throws {
        try await withSandbox { client, _ in
            let contact = try await AssociationFixture.contact(client, "ann@example.com")
            let first = try await AssociationFixture.company(client, "First")
            let second = try await AssociationFixture.company(client, "Second")
            for company in [first, second] {
                try await client.send(.put, "/crm/v4/objects/contacts/\(contact)/associations/companies/\(company)",
                                      [["associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 1]])
            }
            let list = try await client.get("/crm/v4/objects/contacts/\(contact)/associations/companies")
            #expect(AssociationFixture.entries(list).map(\.0) == [Int(first)!, Int(second)!])
            #expect(AssociationFixture.entries(list).map(\.1) == [[279], [1, 279]])
        }
    }

    @Test func deleteRemovesEveryTypeInBothDirections() async throws {
        try await withSandbox { client, _ in
            let contact = try await AssociationFixture.contact(client, "ann@example.com")
            let company = try await AssociationFixture.company(client, "Acme")
            let path = "/crm/v4/objects/contacts/\(contact)/associations/companies/\(company)"
            try await client.send(.put, path, [["associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 1]])
            let deleted = try await client.delete(path)
            #expect(deleted.status == 204)
            #expect(deleted.text == "")
            #expect(try await client.get("/crm/v4/objects/contacts/\(contact)/associations/companies").json == ["results": []])
            #expect(try await client.get("/crm/v4/objects/companies/\(company)/associations/contacts").json == ["results": []])
        }
    }

    @Test func theRecordListPagesWithLimitAndAfterToTheEnd() async throws {
        try await withSandbox { client, _ in
            let contact = try await AssociationFixture.contact(client, "ann@example.com")
            var companies: [Int] = []
            for index in 0..<7 { companies.append(Int(try await AssociationFixture.company(client, "C\(index)"))!) }
            let inputs: [JSONValue] = companies.map { ["from": ["id": .string(contact)], "to": ["id": .string(String($0))]] }
            let made = try await client.post("/crm/v4/associations/contacts/companies/batch/associate/default", ["inputs": .array(inputs)])
            #expect(made.status == 200)
            #expect(made.json["results"]?.arrayValue?.count == 14)
            var seen: [Int] = []
            var pageSizes: [Int] = []
            var after: String?
            repeat {
                let query = after.map { "?limit=3&after=\($0)" } ?? "?limit=3"
                let page = try await client.get("/crm/v4/objects/contacts/\(contact)/associations/companies\(query)")
                #expect(page.status == 200)
                let ids = AssociationFixture.entries(page).map(\.0)
                pageSizes.append(ids.count)
                seen += ids
                after = page.json["paging"]?["next"]?["after"]?.stringValue
            } while after != nil && pageSizes.count < 10
            #expect(pageSizes == [3, 3, 1])
            #expect(seen == companies)
        }
    }

    @Test(arguments: ["/crm/v4/objects", "/crm/objects/2026-03", "/crm/objects/2026-09"])
    func perRecordRoutesAnswerAtEveryObjectsPrefix(prefix: String) async throws {
        try await withSandbox { client, _ in
            let contact = try await AssociationFixture.contact(client, "ann@example.com")
            let company = try await AssociationFixture.company(client, "Acme")
            let put = try await client.send(.put, "\(prefix)/contact/\(contact)/associations/default/company/\(company)")
            #expect(put.status == 200)
            let list = try await client.get("\(prefix)/0-1/\(contact)/associations/0-2")
            #expect(AssociationFixture.entries(list).map(\.0) == [Int(company)!])
            let deleted = try await client.delete("\(prefix)/contacts/\(contact)/associations/companies/\(company)")
            #expect(deleted.status == 204)
        }
    }

    @Test func putWithATypeOfAnotherPairIsRefused() async throws {
        try await withSandbox { client, _ in
            let contact = try await AssociationFixture.contact(client, "ann@example.com")
            let company = try await AssociationFixture.company(client, "Acme")
            let reply = try await client.send(.put, "/crm/v4/objects/contacts/\(contact)/associations/companies/\(company)",
                                              [["associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 4]])
            #expect(reply.status == 400)
            #expect(reply.json["category"] == "VALIDATION_ERROR")
            #expect(reply.json["message"] == "4 is not a valid association type id from contact to company")
        }
    }

    @Test func putToARecordThatDoesNotExistIs404() async throws {
        try await withSandbox { client, _ in
            let contact = try await AssociationFixture.contact(client, "ann@example.com")
            let reply = try await client.send(.put, "/crm/v4/objects/contacts/\(contact)/associations/default/companies/999")
            #expect(reply.status == 404)
            #expect(reply.json["category"] == "OBJECT_NOT_FOUND")
            #expect(reply.json["context"] == ["id": ["999"]])
        }
    }

    @Test func writingNeedsTheWriteScopeOfTheFromType() async throws {
        try await withSandbox(configure: {
            $0.tokens.append(TokenGrant(token: "reader", scopes: ["crm.objects.contacts.read", "crm.objects.companies.read"]))
        }) { client, _ in
            let contact = try await AssociationFixture.contact(client, "ann@example.com")
            let company = try await AssociationFixture.company(client, "Acme")
            let read = try await client.send(.get, "/crm/v4/objects/contacts/\(contact)/associations/companies", token: "reader")
            #expect(read.status == 200)
            let write = try await client.send(.put, "/crm/v4/objects/contacts/\(contact)/associations/default/companies/\(company)",
                                              token: "reader")
            #expect(write.status == 403)
            #expect(write.json["category"] == "MISSING_SCOPES")
            #expect(write.json["errors"]?[0]?["context"]?["requiredGranularScopes"]?[0] == "crm.objects.contacts.write")
        }
    }
}
