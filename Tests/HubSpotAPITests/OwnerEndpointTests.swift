import HubSpotAPI
import HubSpotSandbox
import Testing

struct OwnerEndpointTests {
    @Test(arguments: [APIVersion.v3, .dated("2026-03")])
    func listsEveryActiveOwnerAcrossPages(version: APIVersion) async throws {
        try await withLiveSandbox(data: .demo, client: ClientOptions(version: version)) { client, _ in
            let owners = try await client.owners()
            #expect(owners.count == 11)
            #expect(owners.allSatisfy { !$0.archived })
            #expect(owners.contains { $0.type == "QUEUE" && $0.email == nil })
            var paged: [String] = []
            var after: String?
            var pages = 0
            repeat {
                let page = try await client.ownersPage(limit: 4, after: after)
                #expect(page.results.count <= 4)
                paged += page.results.map(\.id)
                after = page.after
                pages += 1
            } while after != nil
            #expect(pages == 3)
            #expect(paged == owners.map(\.id))
        }
    }

    @Test func findsOwnersByEmailIdAndUserId() async throws {
        try await withLiveSandbox(data: .demo) { client, _ in
            let matches = try await client.owners(email: "olivia.bennett@brightwave.io")
            let olivia = try #require(matches.first)
            #expect(matches.count == 1)
            #expect(olivia.displayName == "Olivia Bennett")
            #expect(olivia.teams.first?.name == "Sales Team")
            #expect(olivia.teams.first?.primary == true)
            let userId = try #require(olivia.userId)
            let byId = try await client.owner(olivia.id)
            #expect(byId.email == olivia.email)
            let byUser = try await client.owner(String(userId), idProperty: .userId)
            #expect(byUser.id == olivia.id)
        }
    }

    @Test func archivedOwnersHaveNoUserId() async throws {
        try await withLiveSandbox(data: .demo) { client, _ in
            let archived = try await client.owners(archived: true)
            #expect(archived.count == 1)
            #expect(archived.first?.archived == true)
            #expect(archived.first?.userId == nil)
        }
    }

    @Test func unknownOwnerIsNotFound() async throws {
        try await withLiveSandbox(data: .demo) { client, _ in
            let error = await #expect(throws: HubSpotAPIError.self) { _ = try await client.owner("999") }
            #expect(error?.status == 404)
        }
    }

    @Test func ownersNeedTheOwnersScope() async throws {
        let token = "pat-na1-no-owners"
        try await withLiveSandbox(data: .demo, client: ClientOptions(token: token), configure: {
            $0.tokens.append(TokenGrant(token: token, scopes: ["crm.objects.contacts.read"]))
        }) { client, _ in
            let error = await #expect(throws: HubSpotAPIError.self) { _ = try await client.owners() }
            #expect(error?.status == 403)
            #expect(error?.missingScopes == ["crm.objects.owners.read"])
        }
    }
}
