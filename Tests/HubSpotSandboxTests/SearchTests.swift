import JSONValue
import Testing

@testable import HubSpotSandbox

extension SandboxStore {
    /// Test-only: defines a custom property on the type `typeId` (standard definitions are still stubs).
    func searchTestsDefine(_ name: String, _ valueType: PropertyDefinition.ValueType, on typeId: String = "0-1",
                           options: [String] = [], multiple: Bool = false) {
        properties[typeId, default: [:]][name] = PropertyDefinition(
            name: name, label: name, type: valueType, fieldType: multiple ? "checkbox" : nil, groupName: "contactinformation",
            options: options.map { PropertyOption(label: $0, value: $0) }, hubspotDefined: false)
    }

    /// Test-only: stores records without validation, created one second apart from `start`; returns their ids.
    @discardableResult
    func searchTestsInsert(_ typeId: String = "0-1", _ rows: [[String: String]],
                           start: Timestamp = Timestamp(milliseconds: 1_700_000_000_000)) throws -> [Int] {
        let type = try objectType(typeId)
        var ids: [Int] = []
        for (offset, row) in rows.enumerated() {
            let record = try insert(row.map { ($0.key, $0.value) }, type, associations: [],
                                    at: Timestamp(milliseconds: start.milliseconds + Int64(offset) * 1000))
            ids.append(record.id)
        }
        return ids
    }
}

extension SandboxStore {
    /// Test-only: associates two records with the default (unlabeled) association type.
    func searchTestsAssociate(_ fromTypeId: String, _ fromId: Int, _ toTypeId: String, _ toId: Int) throws {
        try associateDefault(objectType(fromTypeId), fromId, objectType(toTypeId), toId)
    }
}

/// Posts a contacts search and returns the reply.
func searchContacts(_ client: SandboxClient, _ body: JSONValue) async throws -> Reply {
    try await client.post("/crm/v3/objects/contacts/search", body)
}

/// The `firstname` of every result, in order.
func firstNames(_ reply: Reply) -> [String] {
    (reply.json["results"]?.arrayValue ?? []).map { $0["properties"]?["firstname"]?.stringValue ?? "-" }
}

/// A body with one filter group holding one filter.
func oneFilter(_ filter: JSONValue, properties: [String] = ["firstname"], extra: JSONObject = [:]) -> JSONValue {
    var body: JSONObject = ["filterGroups": [["filters": [filter]]], "properties": .array(properties.map(JSONValue.string))]
    for (key, value) in extra { body[key] = value }
    return .object(body)
}

struct SearchTests {
    @Test func filtersInAGroupAreAndedAndGroupsOred() async throws {
        try await withSandbox { client, sandbox in
            try await sandbox.store.searchTestsInsert("0-1", [
                ["firstname": "Ann", "lastname": "Smith"], ["firstname": "Ann", "lastname": "Jones"],
                ["firstname": "Bob", "lastname": "Smith"], ["firstname": "Cy", "lastname": "Young"],
            ])
            let and = try await searchContacts(client, ["filterGroups": [["filters": [
                ["propertyName": "firstname", "operator": "EQ", "value": "Ann"],
                ["propertyName": "lastname", "operator": "EQ", "value": "Smith"]]]], "properties": ["lastname", "firstname"]])
            #expect(and.status == 200)
            #expect(and.json["total"] == 1)
            #expect(and.json["results"]?[0]?["properties"]?["lastname"] == "Smith")
            #expect(firstNames(and) == ["Ann"])
            let or = try await searchContacts(client, ["filterGroups": [
                ["filters": [["propertyName": "lastname", "operator": "EQ", "value": "Jones"]]],
                ["filters": [["propertyName": "firstname", "operator": "EQ", "value": "Cy"]]]], "properties": ["firstname"]])
            #expect(or.json["total"] == 2)
            #expect(firstNames(or) == ["Ann", "Cy"])
            let all = try await searchContacts(client, [:])
            #expect(all.json["total"] == 4)
        }
    }

    @Test func pagingWalksToTheEndAndStopsAnnouncingPages() async throws {
        try await withSandbox { client, sandbox in
            try await sandbox.store.searchTestsInsert("0-1", (1...25).map { ["firstname": "P\($0)"] })
            var after: String? = nil
            var seen: [String] = []
            var pages = 0
            repeat {
                var body: JSONObject = ["limit": 10, "properties": ["firstname"]]
                if let after { body["after"] = .string(after) }
                let page = try await searchContacts(client, .object(body))
                #expect(page.status == 200)
                #expect(page.json["total"] == 25)
                seen += firstNames(page)
                after = page.json["paging"]?["next"]?["after"]?.stringValue
                #expect(page.json["paging"]?["next"]?["link"] == nil)
                pages += 1
                if pages == 1 { #expect(after == "10") }
                if pages == 2 { #expect(after == "20") }
            } while after != nil && pages < 10
            #expect(pages == 3)
            #expect(seen == (1...25).map { "P\($0)" })
        }
    }

    @Test func pagingStopsAtTheTenThousandResultWindow() async throws {
        try await withSandbox { client, sandbox in
            try await sandbox.store.searchTestsInsert("0-1", (0..<10_050).map { ["firstname": "R\($0)"] })
            let last = try await searchContacts(client, ["after": "9990", "limit": 10, "properties": ["firstname"]])
            #expect(last.status == 200)
            #expect(last.json["total"] == 10_050)
            #expect(firstNames(last) == (9990..<10_000).map { "R\($0)" })
            #expect(last.json["paging"] == nil)
            let before = try await searchContacts(client, ["after": "9800", "limit": 100, "properties": ["firstname"]])
            #expect(before.json["paging"]?["next"]?["after"] == "9900")
            let beyond = try await searchContacts(client, ["after": "9995", "limit": 10])
            #expect(beyond.status == 400)
            #expect(beyond.json["category"] == "VALIDATION_ERROR")
            #expect(beyond.json["message"] == "A search can page through the first 10000 results only: after (9995) plus limit (10) is 10005.")
        }
    }

    static let sortCases: [(JSONValue, [String])] = [
        ([["propertyName": "score", "direction": "ASCENDING"]], ["nine", "ten", "hundred", "none"]),
        ([["propertyName": "score", "direction": "DESCENDING"]], ["hundred", "ten", "nine", "none"]),
        ([["propertyName": "score"]], ["nine", "ten", "hundred", "none"]),
        (["score"], ["nine", "ten", "hundred", "none"]),
        (["-score"], ["hundred", "ten", "nine", "none"]),
        (["-createdate"], ["nine", "hundred", "none", "ten"]),
        ([["propertyName": "createdate", "direction": "ASCENDING"]], ["ten", "none", "hundred", "nine"]),
        (["-hs_object_id"], ["nine", "hundred", "none", "ten"]),
        (["lastname"], ["hundred", "nine", "ten", "none"]),
        (["-lastname"], ["ten", "nine", "hundred", "none"]),
        (["-lastname", "score"], ["ten", "nine", "hundred", "none"]),
    ]

    @Test(arguments: sortCases)
    func sortsByOneRuleInEitherFormAndDirection(_ sorts: JSONValue, _ expected: [String]) async throws {
        try await withSandbox { client, sandbox in
            await sandbox.store.searchTestsDefine("score", .number)
            try await sandbox.store.searchTestsInsert("0-1", [
                ["firstname": "ten", "score": "10", "lastname": "zed"], ["firstname": "none"],
                ["firstname": "hundred", "score": "100", "lastname": "Alpha"], ["firstname": "nine", "score": "9", "lastname": "beta"],
            ])
            let reply = try await searchContacts(client, ["sorts": sorts, "properties": ["firstname"]])
            #expect(reply.status == 200)
            #expect(firstNames(reply) == expected)
        }
    }

    @Test func sortedPagesFollowEachOtherWithoutGapsOrRepeats() async throws {
        try await withSandbox { client, sandbox in
            await sandbox.store.searchTestsDefine("score", .number)
            try await sandbox.store.searchTestsInsert("0-1", (0..<30).map { ["firstname": "S\($0)", "score": String($0 % 7)] })
            var seen: [String] = []
            for after in ["0", "10", "20"] {
                let page = try await searchContacts(client, ["sorts": ["-score"], "after": .string(after), "limit": 10, "properties": ["firstname"]])
                seen += firstNames(page)
            }
            let expected = (0..<30).sorted { ($0 % 7, $0) > ($1 % 7, $1) }.map { "S\($0)" }
            #expect(seen == expected)
        }
    }

    static let defaultProperties: [(String, [String])] = [
        ("contacts", ["createdate", "email", "firstname", "hs_object_id", "lastmodifieddate", "lastname"]),
        ("companies", ["createdate", "domain", "hs_lastmodifieddate", "hs_object_id", "name"]),
        ("deals", ["amount", "closedate", "createdate", "dealname", "dealstage", "hs_lastmodifieddate", "hs_object_id", "pipeline"]),
        ("tickets", ["content", "createdate", "hs_lastmodifieddate", "hs_object_id", "hs_pipeline", "hs_pipeline_stage",
                     "hs_ticket_category", "hs_ticket_priority", "subject"]),
        ("products", ["createdate", "description", "hs_lastmodifieddate", "hs_object_id", "name", "price"]),
        ("line_items", ["amount", "createdate", "hs_lastmodifieddate", "hs_object_id", "price", "quantity"]),
        ("quotes", ["hs_createdate", "hs_expiration_date", "hs_lastmodifieddate", "hs_object_id", "hs_public_url_key", "hs_status", "hs_title"]),
        ("calls", ["hs_createdate", "hs_lastmodifieddate", "hs_object_id"]),
        ("notes", ["hs_createdate", "hs_lastmodifieddate", "hs_object_id"]),
    ]

    @Test(arguments: defaultProperties)
    func resultsCarryTheTypesSearchDefaultProperties(_ typeName: String, _ expected: [String]) async throws {
        try await withSandbox { client, sandbox in
            try await sandbox.store.searchTestsInsert(typeName, [[:]])
            let reply = try await client.post("/crm/v3/objects/\(typeName)/search", [:])
            #expect(reply.status == 200)
            #expect(reply.json["total"] == 1)
            #expect(reply.json["results"]?[0]?["properties"]?.objectValue.map { Array($0.keys) } == expected)
        }
    }

    @Test func resultsHaveTheRecordShapeWithoutAssociationsOrUrl() async throws {
        try await withSandbox { client, sandbox in
            let ids = try await sandbox.store.searchTestsInsert("0-1", [["firstname": "Ann", "email": "ann@x.com"]])
            let reply = try await searchContacts(client, ["properties": ["email", "nosuchproperty"]])
            let result = try #require(reply.json["results"]?[0]?.objectValue)
            #expect(Array(result.keys) == ["id", "properties", "createdAt", "updatedAt", "archived"])
            #expect(result["id"] == .string(String(ids[0])))
            #expect(result["createdAt"] == "2023-11-14T22:13:20.000Z")
            #expect(result["archived"] == false)
            #expect(result["properties"] == ["createdate": "2023-11-14T22:13:20.000Z", "email": "ann@x.com",
                                             "hs_object_id": .string(String(ids[0])), "lastmodifieddate": "2023-11-14T22:13:20.000Z"])
        }
    }

    static let queries: [(String, [String])] = [
        ("ann", ["Ann", "Annabel"]),
        ("ANNA", ["Annabel"]),
        ("ann smith", ["Ann"]),
        ("smi", ["Ann", "Bob"]),
        ("bob@exa", ["Bob"]),
        ("example.org", ["Annabel"]),
        ("mith", []),
        ("", ["Ann", "Bob", "Annabel"]),
    ]

    @Test(arguments: queries)
    func queryMatchesWordPrefixesAcrossTheQueryProperties(_ query: String, _ expected: [String]) async throws {
        try await withSandbox { client, sandbox in
            try await sandbox.store.searchTestsInsert("0-1", [
                ["firstname": "Ann", "lastname": "Smith", "email": "ann@example.com"],
                ["firstname": "Bob", "lastname": "Smithers", "email": "bob@example.com"],
                ["firstname": "Annabel", "lastname": "Lee", "email": "lee@example.org"],
            ])
            let reply = try await searchContacts(client, ["query": .string(query), "properties": ["firstname"]])
            #expect(reply.status == 200)
            #expect(firstNames(reply) == expected)
        }
    }

    @Test func queryIsAndedWithFilters() async throws {
        try await withSandbox { client, sandbox in
            try await sandbox.store.searchTestsInsert("0-1", [
                ["firstname": "Ann", "lastname": "Smith"], ["firstname": "Ann", "lastname": "Jones"]])
            let reply = try await searchContacts(client, oneFilter(["propertyName": "lastname", "operator": "EQ", "value": "jones"],
                                                                   extra: ["query": "ann"]))
            #expect(reply.json["total"] == 1)
            #expect(reply.json["results"]?[0]?["properties"]?["firstname"] == "Ann")
        }
    }

    @Test func archivedRecordsNeverAppear() async throws {
        try await withSandbox { client, sandbox in
            let ids = try await sandbox.store.searchTestsInsert("0-1", [["firstname": "Kept"], ["firstname": "Gone"]])
            let deleted = try await client.delete("/crm/v3/objects/contacts/\(ids[1])")
            #expect(deleted.status == 204)
            let reply = try await searchContacts(client, oneFilter(["propertyName": "firstname", "operator": "HAS_PROPERTY"]))
            #expect(reply.json["total"] == 1)
            #expect(firstNames(reply) == ["Kept"])
        }
    }

    static let associationFilters: [(JSONValue, [String])] = [
        (["propertyName": "associations.contact", "operator": "EQ", "value": "A"], ["X", "Y"]),
        (["propertyName": "associations.contact", "operator": "EQ", "value": "B"], ["Y"]),
        (["propertyName": "associations.contact", "operator": "IN", "values": ["B", "A"]], ["X", "Y"]),
        (["propertyName": "associations.contact", "operator": "NEQ", "value": "A"], ["Z"]),
        (["propertyName": "associations.contact", "operator": "NOT_IN", "values": ["B"]], ["X", "Z"]),
        (["propertyName": "associations.nosuchtype", "operator": "EQ", "value": "A"], []),
    ]

    @Test(arguments: associationFilters)
    func associationPseudoPropertyFindsRecordsAssociatedWithAnId(_ filter: JSONValue, _ expected: [String]) async throws {
        try await withSandbox { client, sandbox in
            let store = sandbox.store
            let contacts = try await store.searchTestsInsert("0-1", [["firstname": "A"], ["firstname": "B"]])
            let companies = try await store.searchTestsInsert("0-2", [["name": "X"], ["name": "Y"], ["name": "Z"]])
            try await store.searchTestsAssociate("0-2", companies[0], "0-1", contacts[0])
            try await store.searchTestsAssociate("0-2", companies[1], "0-1", contacts[0])
            try await store.searchTestsAssociate("0-2", companies[1], "0-1", contacts[1])
            // The table names contacts A and B; the request carries their ids.
            var filter = filter
            let ids = ["A": contacts[0], "B": contacts[1]]
            if let value = filter["value"]?.stringValue, let id = ids[value] { filter["value"] = .string(String(id)) }
            if let values = filter["values"]?.arrayValue {
                filter["values"] = .array(values.map { .string(String(ids[$0.stringValue ?? ""] ?? 0)) })
            }
            let reply = try await client.post("/crm/v3/objects/companies/search", oneFilter(filter, properties: ["name"]))
            #expect(reply.status == 200)
            #expect((reply.json["results"]?.arrayValue ?? []).map { $0["properties"]?["name"]?.stringValue ?? "-" } == expected)
        }
    }

    @Test func searchesAFewThousandRecordsLikeABruteForceScan() async throws {
        try await withSandbox { client, sandbox in
            await sandbox.store.searchTestsDefine("score", .number)
            let rows: [[String: String]] = (0..<3000).map { i in
                var row = ["firstname": "N\(i)", "lastname": i % 3 == 0 ? "Alpha" : "Beta"]
                if i % 10 != 0 { row["score"] = String((i * 37) % 101) }
                return row
            }
            try await sandbox.store.searchTestsInsert("0-1", rows)
            // (score > 50 AND lastname = alpha) OR score BETWEEN 3 AND 5, by score descending.
            func matches(_ i: Int) -> Bool {
                guard i % 10 != 0 else { return false }
                let score = (i * 37) % 101
                return (score > 50 && i % 3 == 0) || (3...5).contains(score)
            }
            let expected = (0..<3000).filter(matches).sorted { ((($0 * 37) % 101), $0) > ((($1 * 37) % 101), $1) }.map { "N\($0)" }
            let body: JSONValue = [
                "filterGroups": [
                    ["filters": [["propertyName": "score", "operator": "GT", "value": "50"],
                                 ["propertyName": "lastname", "operator": "EQ", "value": "alpha"]]],
                    ["filters": [["propertyName": "score", "operator": "BETWEEN", "value": "3", "highValue": "5"]]],
                ],
                "sorts": [["propertyName": "score", "direction": "DESCENDING"]], "properties": ["firstname"], "limit": 200,
            ]
            var seen: [String] = []
            var after: JSONValue = "0"
            while true {
                var page = body
                page["after"] = after
                let reply = try await searchContacts(client, page)
                #expect(reply.json["total"] == .int(expected.count))
                seen += firstNames(reply)
                guard let next = reply.json["paging"]?["next"]?["after"] else { break }
                after = next
            }
            #expect(seen == expected)
        }
    }
}
