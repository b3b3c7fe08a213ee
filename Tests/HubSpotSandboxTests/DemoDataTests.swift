import JSONValue
import Testing

@testable import HubSpotSandbox

/// The deterministic demo account: counts, determinism, and every seeded value valid for its definition.
struct DemoDataTests {
    /// A freshly seeded store.
    static func seeded() async -> SandboxStore {
        let store = SandboxStore()
        await DemoData.seed(store)
        return store
    }

    @Test func accountHoldsTheAdvertisedNumbersOfRecords() async throws {
        let store = await Self.seeded()
        let tables = await store.tables
        #expect(tables["0-2"]?.liveCount == 400)
        #expect(tables["0-1"]?.liveCount == 2_000)
        #expect(tables["0-3"]?.liveCount == 1_200)
        #expect(tables["0-5"]?.liveCount == 600)
        #expect(tables["0-7"]?.liveCount == 12)
        let owners = await store.owners
        #expect(owners.count == 12)
        #expect(owners.filter(\.archived).count == 1)
        #expect(owners.filter { $0.kind == .queue }.count == 1)
    }

    @Test func twoSeedsGiveIdenticalAccounts() async throws {
        let (a, b) = (await Self.seeded(), await Self.seeded())
        let (tablesA, tablesB) = (await a.tables, await b.tables)
        for typeId in ["0-1", "0-2", "0-3", "0-5", "0-7"] {
            #expect(tablesA[typeId]?.records == tablesB[typeId]?.records, "\(typeId)")
        }
        #expect(await a.owners == b.owners)
        #expect(await a.lastId == b.lastId)
    }

    @Test func everySeededValueIsValidForItsDefinition() async throws {
        let store = await Self.seeded()
        let (tables, properties, types) = (await store.tables, await store.properties, await store.types)
        var problems: [String] = []
        for (typeId, table) in tables {
            let type = try #require(types[typeId])
            for record in table.records {
                for (name, value) in record.properties {
                    guard let definition = properties[typeId]?[name] else { problems.append("\(typeId).\(name): undefined"); continue }
                    switch definition.check(value, objectType: type) {
                    case .success(let stored) where stored == value: break
                    case .success(let stored): problems.append("\(typeId).\(name): \(value) is stored as \(stored)")
                    case .failure(let problem): problems.append("\(typeId).\(name): \(problem.message)")
                    }
                }
            }
        }
        #expect(problems.prefix(10) == [])
    }

    @Test func recordsAreCreatedWithinThePeriodInIdOrder() async throws {
        let tables = await Self.seeded().tables
        for typeId in ["0-1", "0-2", "0-3", "0-5"] {
            let records = try #require(tables[typeId]?.records)
            #expect(records.first!.createdAt >= Timestamp(parsing: "2024-01-01")!)
            #expect(records.last!.updatedAt <= Timestamp(parsing: "2026-06-30T23:59:59.999Z")!)
            #expect(zip(records, records.dropFirst()).allSatisfy { $0.createdAt <= $1.createdAt && $0.id < $1.id })
            #expect(records.allSatisfy { $0.updatedAt >= $0.createdAt })
        }
    }

    @Test func contactEmailsAreUniqueAndAtTheirCompanysDomain() async throws {
        let tables = await Self.seeded().tables
        let companies = try #require(tables["0-2"])
        let contacts = try #require(tables["0-1"]?.records)
        #expect(Set(contacts.compactMap { $0.properties["email"] }).count == 2_000)
        for contact in contacts.prefix(200) {
            let company = try #require(Int(contact.properties["associatedcompanyid"] ?? "").flatMap { companies.record($0) })
            #expect(contact.properties["email"]?.hasSuffix("@" + company.properties["domain"]!) == true)
            #expect(contact.properties["company"] == company.properties["name"])
        }
    }

    @Test func demoUsesMultiSelectAndEveryDealStage() async throws {
        let tables = await Self.seeded().tables
        #expect(tables["0-1"]!.records.contains { $0.properties["hs_buying_role"]?.contains(";") == true })
        #expect(tables["0-2"]!.records.contains { $0.properties["web_technologies"]?.contains(";") == true })
        let stages = Set(tables["0-3"]!.records.compactMap { $0.properties["dealstage"] })
        #expect(stages.count == 7)
        #expect(Set(tables["0-5"]!.records.compactMap { $0.properties["hs_pipeline_stage"] }) == ["1", "2", "3", "4"])
    }

    @Test func recordsAreAssignedToActiveOwners() async throws {
        let store = await Self.seeded()
        let active = Set(await store.owners.filter { !$0.archived }.map(\.id))
        for typeId in ["0-1", "0-2", "0-3", "0-5"] {
            let owners = Set(await store.tables[typeId]!.records.compactMap { $0.properties["hubspot_owner_id"] })
            #expect(!owners.isEmpty && owners.isSubset(of: active), "\(typeId)")
        }
    }

    @Test func recordsAreAssociatedWithPrimaryTypes() async throws {
        let store = await Self.seeded()
        let (tables, graph) = (await store.tables, await store.associations)
        let contact = try #require(tables["0-1"]?.records.first)
        let companyId = try #require(Int(contact.properties["associatedcompanyid"] ?? ""))
        #expect(graph.targets(of: RecordKey(ObjectType.standardTypes[0], contact.id), toObjectTypeId: "0-2")[companyId]?.isSuperset(of: [1, 279]) == true)
        let deals = try #require(ObjectType.standardTypes.first { $0.name == "deals" })
        for deal in tables["0-3"]!.records.prefix(50) {
            let companies = graph.targets(of: RecordKey(deals, deal.id), toObjectTypeId: "0-2")
            #expect(companies.count == 1 && companies.values.first?.isSuperset(of: [5, 341]) == true)
            #expect((1...3).contains(graph.targets(of: RecordKey(deals, deal.id), toObjectTypeId: "0-1").count))
        }
        let tickets = try #require(ObjectType.standardTypes.first { $0.name == "tickets" })
        let ticket = try #require(tables["0-5"]?.records.first)
        #expect(graph.targets(of: RecordKey(tickets, ticket.id), toObjectTypeId: "0-1").count == 1)
    }

    @Test func demoContactsAreServedByTheObjectsAPI() async throws {
        try await withSandbox(data: .demo) { client, _ in
            let reply = try await client.get("/crm/v3/objects/contacts?limit=2&properties=email,lifecyclestage")
            #expect(reply.status == 200)
            #expect(reply.json["results"]?.arrayValue?.count == 2)
            #expect(reply.json["results"]?[0]?["properties"]?["email"]?.stringValue?.contains("@") == true)
            #expect(reply.json["paging"]?["next"]?["after"] != nil)
        }
    }
}
