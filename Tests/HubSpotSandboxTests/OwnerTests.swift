import JSONValue
import Testing

@testable import HubSpotSandbox

/// The owners API on the demo account (hubspot-api.md §6): paging, filters, `idProperty`, archived owners.
struct OwnerTests {
    @Test(arguments: ["/crm/v3/owners", "/crm/v3/owners/", "/crm/owners/2026-03", "/crm/v3/owners?archived=false"])
    func listServesActiveOwnersWithoutPaging(_ path: String) async throws {
        try await withSandbox(data: .demo) { client, _ in
            let reply = try await client.get(path)
            #expect(reply.status == 200)
            #expect(reply.json["paging"] == nil)
            let owners = try #require(reply.json["results"]?.arrayValue)
            #expect(owners.count == 11)
            #expect(owners.filter { $0["type"] == "QUEUE" }.count == 1)
            #expect(owners.allSatisfy { $0["archived"] == false })
        }
    }

    @Test func ownerJSONHasHubSpotsShape() async throws {
        try await withSandbox(data: .demo) { client, _ in
            let reply = try await client.get("/crm/v3/owners/41629779")
            #expect(reply.status == 200)
            #expect(reply.json == [
                "id": "41629779", "email": "olivia.bennett@brightwave.io", "type": "PERSON", "firstName": "Olivia", "lastName": "Bennett",
                "userId": 9_586_504, "userIdIncludingInactive": 9_586_504, "createdAt": "2023-11-01T01:02:03.456Z",
                "updatedAt": "2024-12-05T01:22:38.023Z", "archived": false,
                "teams": [["id": "368389", "name": "Sales Team", "primary": true]],
            ])
        }
    }

    @Test func pagingWalksEveryOwnerOnce() async throws {
        try await withSandbox(data: .demo) { client, _ in
            var ids: [String] = []
            var path = "/crm/v3/owners?limit=4"
            var pages = 0
            while true {
                let reply = try await client.get(path)
                #expect(reply.status == 200)
                pages += 1
                ids += reply.json["results"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
                guard let after = reply.json["paging"]?["next"]?["after"]?.stringValue else { break }
                let link = try #require(reply.json["paging"]?["next"]?["link"]?.stringValue)
                #expect(link.hasSuffix("/crm/v3/owners?limit=4&after=\(after)"))
                path = "/crm/v3/owners?limit=4&after=\(after)"
            }
            #expect(pages == 3)
            #expect(ids.count == 11 && Set(ids).count == 11)
            #expect(ids == ids.sorted { Int($0)! < Int($1)! })
        }
    }

    @Test(arguments: ["olivia.bennett@brightwave.io", "Olivia.Bennett@BRIGHTWAVE.io"])
    func emailFilterFindsOneOwner(_ email: String) async throws {
        try await withSandbox(data: .demo) { client, _ in
            let reply = try await client.get("/crm/v3/owners?email=\(email)")
            #expect(reply.json["results"]?.arrayValue?.map { $0["id"] } == ["41629779"])
            #expect(try await client.get("/crm/v3/owners?email=nobody@brightwave.io").json["results"] == [])
        }
    }

    @Test func readByUserId() async throws {
        try await withSandbox(data: .demo) { client, _ in
            let reply = try await client.get("/crm/v3/owners/9586577?idProperty=userId")
            #expect(reply.status == 200)
            #expect(reply.json["id"] == "41629812")
            #expect(try await client.get("/crm/v3/owners/41629812?idProperty=userId").status == 404)
            let bad = try await client.get("/crm/v3/owners/41629812?idProperty=email")
            #expect(bad.status == 400)
            #expect(bad.json["message"] == "Invalid idProperty: email. Valid options are: [id, userId]")
        }
    }

    @Test func archivedOwnerIsSeenOnlyWithArchivedTrue() async throws {
        try await withSandbox(data: .demo) { client, _ in
            let list = try await client.get("/crm/v3/owners?archived=true")
            let owners = try #require(list.json["results"]?.arrayValue)
            #expect(owners.map { $0["id"] } == ["41630688"])
            #expect(owners[0]["userId"] == .null && owners[0]["userIdIncludingInactive"] == 9_587_120)
            #expect(owners[0]["archived"] == true)
            let hidden = try await client.get("/crm/v3/owners/41630688")
            #expect(hidden.status == 404)
            #expect(hidden.json["category"] == "OBJECT_NOT_FOUND")
            #expect(try await client.get("/crm/v3/owners/41630688?archived=true").status == 200)
            #expect(try await client.get("/crm/v3/owners/9587120?idProperty=userId&archived=true").json["id"] == "41630688")
        }
    }

    @Test func emptyAccountHoldsOnlyItsOwnUserAsOwner() async throws {
        try await withSandbox { client, _ in
            let owners = try await client.get("/crm/v3/owners").json["results"]?.arrayValue ?? []
            #expect(owners.map { $0["id"] } == ["41629779"])
            #expect(owners.first?["userId"] == 9_586_504 && owners.first?["teams"] == [])
            #expect(try await client.get("/crm/v3/owners/41629779").status == 200)
            #expect(try await client.get("/crm/v3/owners/41629812").status == 404)
        }
    }

    @Test func ownersNeedTheOwnersScope() async throws {
        try await withSandbox(data: .demo, configure: {
            $0.tokens = [TokenGrant(token: "no", scopes: ["crm.objects.contacts.read"]), TokenGrant(token: "yes", scopes: ["crm.objects.owners.read"])]
        }) { client, _ in
            var denied = client
            denied.token = "no"
            let reply = try await denied.get("/crm/v3/owners")
            #expect(reply.status == 403)
            #expect(reply.json["errors"]?[0]?["context"]?["requiredGranularScopes"] == ["crm.objects.owners.read"])
            var allowed = client
            allowed.token = "yes"
            #expect(try await allowed.get("/crm/v3/owners/41629779").status == 200)
        }
    }

    @Test func ownerPropertyOffersTheActiveOwners() async throws {
        try await withSandbox(data: .demo) { client, sandbox in
            let options = await sandbox.store.properties["0-1"]?["hubspot_owner_id"]?.options
            #expect(options?.count == 11)
            #expect(options?.first == PropertyOption(label: "Olivia Bennett", value: "41629779", displayOrder: 0))
            #expect(options?.contains { $0.value == "41630688" } == false)
            let created = try await client.post("/crm/v3/objects/contacts", ["properties": ["email": "own@example.com", "hubspot_owner_id": "41630117"]])
            #expect(created.status == 201)
        }
    }
}
