import Foundation
import JSONValue
import Testing

@testable import HubSpotSandbox

/// A clock a test moves by hand.
final class HandClock: @unchecked Sendable {
    private let lock = NSLock()
    private var now: Int64 = 1_000

    var clock: SearchLagClock { SearchLagClock { self.lock.withLock { self.now } } }

    func advance(_ milliseconds: Int64) {
        lock.withLock { now += milliseconds }
    }
}

/// The lagging search index (`--search-lag`): search sees the account as it was that long ago, reads by id,
/// batch reads and lists see it at once. The lag runs on a clock the test moves, never on the wall clock.
struct SearchLagTests {
    let clock = HandClock()

    /// An empty store whose search lags `lag` milliseconds on the test's clock.
    func store(lag: Int64 = 1_000) async -> SandboxStore {
        let store = SandboxStore()
        await store.setSearchLag(.milliseconds(lag), clock: clock.clock)
        return store
    }

    func search(_ store: SandboxStore, _ value: String, on property: String = "email") async throws -> JSONValue {
        let body: JSONValue = ["filterGroups": [["filters": [["propertyName": .string(property), "operator": "EQ", "value": .string(value)]]]],
                               "properties": ["email", "firstname"]]
        return try await store.search("contacts", try SearchRequest(parsing: body, bodySize: 100)).json
    }

    func total(_ store: SandboxStore, _ value: String, on property: String = "email") async throws -> Int? {
        try await search(store, value, on: property)["total"]?.intValue
    }

    @discardableResult
    func create(_ store: SandboxStore, _ email: String, firstname: String = "Ann") async throws -> String {
        let created = try await store.create("contacts", RecordInput(properties: ["email": email, "firstname": firstname]))
        return String(created.record.id)
    }

    /// A sandbox lags as HubSpot does unless told otherwise (the test helpers set 0).
    @Test func aSandboxLagsSomeSecondsByDefault() {
        #expect(SandboxConfiguration().searchLag == SandboxConfiguration.defaultSearchLag)
        #expect(SandboxConfiguration.defaultSearchLag >= .seconds(2))
    }

    @Test func aCreatedRecordReachesSearchOnlyAfterTheLag() async throws {
        let store = await store()
        try await create(store, "new@x.com")
        #expect(try await total(store, "new@x.com") == 0)
        clock.advance(999)
        #expect(try await total(store, "new@x.com") == 0)
        clock.advance(1)
        #expect(try await total(store, "new@x.com") == 1)
    }

    @Test func anUpdateShowsTheOldValuesUntilTheLagPasses() async throws {
        let store = await store()
        let id = try await create(store, "u@x.com", firstname: "Old")
        clock.advance(1_000)
        _ = try await store.update("contacts", id, idProperty: nil, RecordInput(properties: ["firstname": "New"]))
        #expect(try await total(store, "New", on: "firstname") == 0)
        let before = try await search(store, "Old", on: "firstname")
        #expect(before["total"]?.intValue == 1)
        #expect(before["results"]?[0]?["properties"]?["firstname"] == "Old", "found as it was, not as it is")
        clock.advance(1_000)
        #expect(try await total(store, "Old", on: "firstname") == 0)
        let after = try await search(store, "New", on: "firstname")
        #expect(after["results"]?[0]?["properties"]?["firstname"] == "New")
    }

    @Test func anArchivedRecordStaysInSearchUntilTheLagPasses() async throws {
        let store = await store()
        let id = try await create(store, "gone@x.com")
        clock.advance(1_000)
        try await store.archive("contacts", id)
        #expect(try await total(store, "gone@x.com") == 1)
        clock.advance(1_000)
        #expect(try await total(store, "gone@x.com") == 0)
    }

    @Test func theOldestUnseenWriteDecidesWhatSearchSees() async throws {
        let store = await store()
        let id = try await create(store, "many@x.com", firstname: "A")
        clock.advance(1_000)
        _ = try await store.update("contacts", id, idProperty: nil, RecordInput(properties: ["firstname": "B"]))
        clock.advance(600)
        _ = try await store.update("contacts", id, idProperty: nil, RecordInput(properties: ["firstname": "C"]))
        #expect(try await total(store, "A", on: "firstname") == 1)
        clock.advance(400)
        #expect(try await total(store, "B", on: "firstname") == 1, "the first update is seen, the second not yet")
        #expect(try await total(store, "C", on: "firstname") == 0)
        clock.advance(600)
        #expect(try await total(store, "C", on: "firstname") == 1)
    }

    @Test func totalsAndSortedPagesLeaveOutWhatSearchDoesNotSeeYet() async throws {
        let store = await store()
        for n in 1...3 { try await create(store, "seen\(n)@x.com") }
        clock.advance(1_000)
        for n in 4...5 { try await create(store, "unseen\(n)@x.com") }
        let body: JSONValue = ["sorts": [["propertyName": "email", "direction": "DESCENDING"]], "properties": ["email"], "limit": 10]
        let answer = try await store.search("contacts", try SearchRequest(parsing: body, bodySize: 100)).json
        #expect(answer["total"]?.intValue == 3)
        #expect(answer["results"]?.arrayValue?.compactMap { $0["properties"]?["email"]?.stringValue } == ["seen3@x.com", "seen2@x.com", "seen1@x.com"])
    }

    @Test func readsByIdBatchReadsAndListsSeeAWriteAtOnce() async throws {
        try await withSandbox(configure: { $0.searchLag = .seconds(600) }) { client, _ in
            let created = try await client.post("/crm/v3/objects/contacts", ["properties": ["email": "now@x.com"]])
            let id = created.json["id"]?.stringValue ?? ""
            let search = try await searchContacts(client, ["filterGroups": [["filters": [["propertyName": "email", "operator": "EQ", "value": "now@x.com"]]]]])
            #expect(search.json["total"] == 0)
            #expect(try await client.get("/crm/v3/objects/contacts/\(id)").status == 200)
            #expect(try await client.get("/crm/v3/objects/contacts/now@x.com?idProperty=email").status == 200)
            let batch = try await client.post("/crm/v3/objects/contacts/batch/read", ["inputs": [["id": .string(id)]]])
            #expect(batch.json["results"]?.arrayValue?.count == 1)
            let list = try await client.get("/crm/v3/objects/contacts")
            #expect(list.json["results"]?.arrayValue?.count == 1)
        }
    }

    @Test func theStartingDataIsSearchableAtOnce() async throws {
        try await withSandbox(data: .demo, configure: { $0.searchLag = .seconds(600) }) { client, _ in
            let search = try await searchContacts(client, ["limit": 1])
            #expect((search.json["total"]?.intValue ?? 0) > 0)
        }
    }

    @Test func memoryHoldsOnlyTheWritesOfTheLastLag() async throws {
        let store = await store()
        for n in 0..<200 { try await create(store, "m\(n)@x.com") }
        #expect(await store.tables["0-1"]?.searchLag?.changes.count == 200)
        clock.advance(1_000)
        try await create(store, "last@x.com")
        #expect(await store.tables["0-1"]?.searchLag?.changes.count == 1, "a write forgets what search already sees")
        clock.advance(1_000)
        #expect(try await total(store, "last@x.com") == 1)
        #expect(await store.tables["0-1"]?.searchLag?.changes.count == 0, "so does a search")
    }

    @Test func aZeroLagKeepsNoLogAndSearchSeesWritesAtOnce() async throws {
        let store = await store(lag: 0)
        try await create(store, "zero@x.com")
        #expect(await store.tables["0-1"]?.searchLag == nil)
        #expect(try await total(store, "zero@x.com") == 1)
    }

    @Test func aHardDeleteLeavesSearchAtOnce() async throws {
        let store = await store()
        let id = try await create(store, "gdpr@x.com")
        clock.advance(1_000)
        try await store.gdprDelete("contacts", GDPRDeleteInput(objectId: id))
        #expect(try await total(store, "gdpr@x.com") == 0)
    }
}
