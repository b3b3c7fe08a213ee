import HubSpotAPI
import HubSpotSandbox
import JSONValue
import Testing

struct BulkWriterTests {
    /// Inputs `c{i}@example.com`, with a bad email at each index in `bad`.
    static func contacts(_ count: Int, bad: Set<Int> = []) -> [BulkInput] {
        (0..<count).map { i in
            BulkInput(properties: ["email": .string(bad.contains(i) ? "broken-\(i)@" : "c\(i)@example.com"), "firstname": .string("F\(i)")])
        }
    }

    @Test func createYieldsOneResultPerInputInInputOrder() async throws {
        try await withLiveSandbox { client, sandbox in
            let writer = BulkWriter(client: client, operation: .create(objectType: "contacts"), concurrency: .fixed(4))
            var results: [BulkResult] = []
            for try await result in writer.results(for: Self.contacts(450)) { results.append(result) }
            #expect(results.map(\.index) == Array(0..<450))
            #expect(results.allSatisfy { $0.succeeded })
            #expect(results.map { $0.record?[property: "email"] } == (0..<450).map { "c\($0)@example.com" })
            #expect(Set(results.compactMap(\.id)).count == 450)
            let stored = await sandbox.store.recordCount
            #expect(stored == 450)
        }
    }

    @Test func badInputsFailAloneAndGoodOnesLand() async throws {
        try await withLiveSandbox { client, sandbox in
            let bad: Set<Int> = [3, 150, 151, 299]
            let writer = BulkWriter(client: client, operation: .create(objectType: "contacts"))
            var results: [BulkResult] = []
            for try await result in writer.results(for: Self.contacts(300, bad: bad)) { results.append(result) }
            #expect(results.count == 300)
            #expect(Set(results.filter { !$0.succeeded }.map(\.index)) == bad)
            #expect(results[3].error?.message.contains("broken-3@") == true)
            let stored = await sandbox.store.recordCount
            #expect(stored == 296)
        }
    }

    @Test func aBatchRefusedWholeIsSplitToIsolateTheBadInputs() async throws {
        try await withLiveSandbox { client, _ in
            let created = try await client.seedContacts(200)
            // Upsert batches fail whole on one bad value: the writer must split them.
            var inputs = (0..<200).map { BulkInput(id: "c\($0)@example.com", properties: ["lifecyclestage": "lead"]) }
            inputs[42].properties["lifecyclestage"] = "no-such-stage"
            inputs[170].properties["lifecyclestage"] = "no-such-stage"
            let writer = BulkWriter(client: client, operation: .upsert(objectType: "contacts", idProperty: "email"))
            var results: [BulkResult] = []
            for try await result in writer.results(for: inputs) { results.append(result) }
            #expect(results.count == 200)
            #expect(results.filter { !$0.succeeded }.map(\.index) == [42, 170])
            #expect(results[42].error?.category == "VALIDATION_ERROR")
            let ok = results.filter { $0.succeeded }
            #expect(Set(ok.compactMap(\.id)) == Set(created).subtracting([created[42], created[170]]))
            #expect(ok.allSatisfy { $0.isNew == false })
        }
    }

    @Test func duplicateUpsertKeysInOneBatchAreMergedLaterValuesWinning() async throws {
        try await withLiveSandbox { client, sandbox in
            let inputs = [
                BulkInput(id: "dup@example.com", properties: ["firstname": "First"]),
                BulkInput(id: "other@example.com", properties: ["firstname": "Other"]),
                BulkInput(id: "DUP@example.com", properties: ["firstname": "Second"]),
            ]
            let writer = BulkWriter(client: client, operation: .upsert(objectType: "contacts", idProperty: "email"))
            var results: [BulkResult] = []
            for try await result in writer.results(for: inputs) { results.append(result) }
            #expect(results.count == 3)
            #expect(results.allSatisfy { $0.succeeded })
            #expect(results[0].id == results[2].id)
            #expect(results[0].note?.contains("merged") == true)
            let record = try await client.record("contacts", id: "dup@example.com", properties: ["firstname"], idProperty: "email")
            #expect(record[property: "firstname"] == "Second")
            let stored = await sandbox.store.recordCount
            #expect(stored == 2)
        }
    }

    @Test func updateAndArchiveReportUnknownIdsPerInput() async throws {
        try await withLiveSandbox { client, _ in
            let ids = try await client.seedContacts(5)
            let updates = ids.map { BulkInput(id: $0, properties: ["firstname": "New"]) } + [BulkInput(id: "987654321", properties: ["firstname": "X"])]
            let updater = BulkWriter(client: client, operation: .update(objectType: "contacts"))
            var results: [BulkResult] = []
            for try await result in updater.results(for: updates) { results.append(result) }
            #expect(results.map(\.succeeded) == [true, true, true, true, true, false])
            #expect(results[5].error?.category == "OBJECT_NOT_FOUND")
            #expect(results[0].record?[property: "firstname"] == "New")

            let archiver = BulkWriter(client: client, operation: .archive(objectType: "contacts"))
            var archived = 0
            for try await result in archiver.results(for: ids.map { BulkInput(id: $0) }) where result.succeeded { archived += 1 }
            #expect(archived == 5)
            let page = try await client.listPage("contacts")
            #expect(page.results.isEmpty)
        }
    }

    @Test func inputsWithoutAKeyFailBeforeSending() async throws {
        try await withLiveSandbox { client, _ in
            let writer = BulkWriter(client: client, operation: .update(objectType: "contacts"))
            var results: [BulkResult] = []
            for try await result in writer.results(for: [BulkInput(properties: ["firstname": "X"])]) { results.append(result) }
            #expect(results.count == 1)
            #expect(results[0].error?.kind == .invalidRequest)
            #expect(results[0].error?.message.contains("needs the record's id") == true)
        }
    }

    @Test func propertyValuesAreEncodedPerDefinitionAndBadOnesRefusedLocally() async throws {
        try await withLiveSandbox { client, _ in
            let definitions = try await client.properties("contacts")
            let writer = BulkWriter(client: client, operation: .create(objectType: "contacts"),
                                    encoder: PropertyValueEncoder(definitions))
            let inputs = [
                BulkInput(properties: ["email": "d@example.com", "lifecyclestage": "Lead", "hs_object_id": "5"]),
                BulkInput(properties: ["email": "e@example.com", "lifecyclestage": "lead"]),
            ]
            var results: [BulkResult] = []
            for try await result in writer.results(for: inputs) { results.append(result) }
            #expect(results[0].error?.message == "property hs_object_id: it is read-only (HubSpot computes it)")
            #expect(results[1].succeeded)
            #expect(results[1].record?[property: "lifecyclestage"] == "lead")
        }
    }

    /// The input stream fails part way: every input read before it still gets its result, then the
    /// failure surfaces.
    @Test func aFailingInputStreamLosesNothingReadBeforeIt() async throws {
        struct Broken: Error {}
        try await withLiveSandbox { client, sandbox in
            let inputs = AsyncThrowingStream<BulkInput, any Error> { continuation in
                for input in Self.contacts(250) { continuation.yield(input) }
                continuation.finish(throwing: Broken())
            }
            let writer = BulkWriter(client: client, operation: .create(objectType: "contacts"))
            var count = 0
            await #expect(throws: Broken.self) {
                for try await result in writer.results(for: inputs) {
                    #expect(result.succeeded)
                    count += 1
                }
            }
            #expect(count == 250)
            let stored = await sandbox.store.recordCount
            #expect(stored == 250)
        }
    }
}

struct BulkAssociateTests {
    @Test(arguments: [APIVersion.v3, .v4, .dated("2026-03")])
    func associationsAreWrittenInBatchesWithOneResultPerPair(version: APIVersion) async throws {
        try await withLiveSandbox(client: ClientOptions(version: version)) { client, _ in
            let contacts = try await client.seedContacts(150)
            let company = try await client.create("companies", properties: ["name": "Acme", "domain": "acme.example.com"])
            let inputs = contacts.map { BulkInput(id: $0, toId: company.id) } + [BulkInput(id: contacts[0])]
            let writer = BulkWriter(client: client, operation: .associate(fromType: "contacts", toType: "companies"))
            var results: [BulkResult] = []
            for try await result in writer.results(for: inputs) { results.append(result) }
            #expect(results.count == 151)
            #expect(results.prefix(150).allSatisfy { $0.succeeded })
            #expect(results[150].error?.message.contains("an association needs the companies record's id (toId)") == true)
            if version != .v3 {
                let linked = try await client.associations("companies", company.id, "contacts")
                #expect(linked.count == 150)
            }
        }
    }
}
