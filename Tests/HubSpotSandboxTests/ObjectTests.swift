import JSONValue
import Testing

@testable import HubSpotSandbox

/// Single-record endpoints: list, read, create, update, archive (hubspot-api.md §2).
struct ObjectTests {
    @Test func createAnswers201WithStringIdAndSystemProperties() async throws {
        try await withSandbox { client, _ in
            let reply = try await client.post("/crm/v3/objects/contacts", ["properties": ["email": "ann@example.com", "firstname": "Ann"]])
            #expect(reply.status == 201)
            let id = try #require(reply.json["id"]?.stringValue)
            #expect(Int(id) != nil)
            let properties = try #require(reply.json["properties"]?.objectValue)
            #expect(properties.keys.elements == ["createdate", "email", "firstname", "hs_object_id", "lastmodifieddate"])
            #expect(properties["hs_object_id"] == .string(id))
            #expect(reply.json["archived"] == false)
            #expect(reply.json["createdAt"]?.stringValue?.hasSuffix("Z") == true)
            #expect(reply.header("Content-Type") == "application/json;charset=utf-8")
            #expect(reply.header("X-HubSpot-Correlation-Id")?.count == 36)
        }
    }

    @Test func readReturnsDefaultPropertiesWithNullForEmptyOnes() async throws {
        try await withSandbox { client, _ in
            let id = try await client.post("/crm/v3/objects/contacts", ["properties": ["email": "b@example.com"]]).json["id"]!.stringValue!
            let reply = try await client.get("/crm/v3/objects/contacts/\(id)")
            #expect(reply.status == 200)
            #expect(reply.json["properties"]?.objectValue?.keys.elements == ["createdate", "email", "firstname", "hs_object_id", "lastmodifieddate", "lastname"])
            #expect(reply.json["properties"]?["firstname"] == .null)
        }
    }

    @Test func readByUniqueIdProperty() async throws {
        try await withSandbox { client, _ in
            let id = try await client.post("/crm/v3/objects/contacts", ["properties": ["email": "Jon@X.com"]]).json["id"]
            let reply = try await client.get("/crm/v3/objects/contacts/jon@x.com?idProperty=email")
            #expect(reply.status == 200)
            #expect(reply.json["id"] == id)
        }
    }

    @Test func missingRecordIs404WithHubSpotsBody() async throws {
        try await withSandbox { client, _ in
            let reply = try await client.get("/crm/v3/objects/contacts/123")
            #expect(reply.status == 404)
            #expect(reply.json["status"] == "error")
            #expect(reply.json["category"] == "OBJECT_NOT_FOUND")
            #expect(reply.json["message"] == "Object not found.  objectId are usually numeric.")
            #expect(reply.json["context"] == ["id": ["123"]])
            #expect(reply.json["correlationId"]?.stringValue == reply.header("X-HubSpot-Correlation-Id"))
        }
    }

    @Test func unknownObjectTypeIsRefused() async throws {
        try await withSandbox { client, _ in
            let reply = try await client.get("/crm/v3/objects/widgets")
            #expect(reply.status == 400)
            #expect(reply.json["message"] == "Unable to infer object type from: widgets")
        }
    }

    @Test func listPagesToTheEndWithAfterAndLink() async throws {
        try await withSandbox { client, _ in
            for i in 0..<25 {
                try await client.post("/crm/v3/objects/companies", ["properties": ["name": .string("Company \(i)")]])
            }
            var names: [String] = []
            var path = "/crm/v3/objects/companies?limit=10"
            var pages = 0
            while true {
                let reply = try await client.get(path)
                #expect(reply.status == 200)
                pages += 1
                names += reply.json["results"]!.arrayValue!.map { $0["properties"]!["name"]!.stringValue! }
                guard let after = reply.json["paging"]?["next"]?["after"]?.stringValue else { break }
                #expect(reply.json["paging"]?["next"]?["link"]?.stringValue?.contains("after=\(after)") == true)
                path = "/crm/v3/objects/companies?limit=10&after=\(after)"
            }
            #expect(pages == 3)
            #expect(names == (0..<25).map { "Company \($0)" })
        }
    }

    @Test func listDefaultsToTenAndCapsAtOneHundred() async throws {
        try await withSandbox(data: .demo) { client, _ in
            let page = try await client.get("/crm/v3/objects/contacts")
            #expect(page.json["results"]?.arrayValue?.count == 10)
            let capped = try await client.get("/crm/v3/objects/contacts?limit=500")
            #expect(capped.json["results"]?.arrayValue?.count == 100)
        }
    }

    @Test(arguments: ["properties=email&properties=firstname", "properties=email,firstname", "properties=email,firstname,nosuchprop"])
    func propertiesMayBeRepeatedOrCommaJoined(_ query: String) async throws {
        try await withSandbox { client, _ in
            try await client.post("/crm/v3/objects/contacts", ["properties": ["email": "c@example.com", "firstname": "Cy", "lastname": "Z"]])
            let reply = try await client.get("/crm/v3/objects/contacts?\(query)")
            #expect(reply.json["results"]?[0]?["properties"]?.objectValue?.keys.elements == ["createdate", "email", "firstname", "hs_object_id", "lastmodifieddate"])
        }
    }

    @Test(arguments: [("true", 1), ("True", 1), ("false", 1), ("False", 1)])
    func archivedFlagAcceptsBothCases(_ flag: String, _ expected: Int) async throws {
        try await withSandbox { client, _ in
            let kept = try await client.post("/crm/v3/objects/contacts", ["properties": ["email": "keep@example.com"]]).json["id"]!
            let gone = try await client.post("/crm/v3/objects/contacts", ["properties": ["email": "gone@example.com"]]).json["id"]!
            #expect(try await client.delete("/crm/v3/objects/contacts/\(gone.stringValue!)").status == 204)
            let results = try await client.get("/crm/v3/objects/contacts?archived=\(flag)").json["results"]!.arrayValue!
            #expect(results.count == expected)
            #expect(results.first?["id"] == (flag.lowercased() == "true" ? gone : kept))
            if flag.lowercased() == "true" {
                #expect(results.first?["archived"] == true)
                #expect(results.first?["archivedAt"] != nil)
            }
        }
    }

    @Test func updateOverwritesAndEmptyStringClears() async throws {
        try await withSandbox { client, _ in
            let id = try await client.post("/crm/v3/objects/contacts", ["properties": ["email": "d@example.com", "firstname": "Di"]]).json["id"]!.stringValue!
            let reply = try await client.patch("/crm/v3/objects/contacts/\(id)", ["properties": ["firstname": "", "lastname": "Ng"]])
            #expect(reply.status == 200)
            #expect(reply.json["properties"]?["firstname"] == .null)
            #expect(reply.json["properties"]?["lastname"] == "Ng")
            let history = try await client.get("/crm/v3/objects/contacts/\(id)?propertiesWithHistory=lastname")
            #expect(history.json["propertiesWithHistory"]?["lastname"]?[0]?["value"] == "Ng")
        }
    }

    @Test func updateByIdPropertyAndOfMissingRecord() async throws {
        try await withSandbox { client, _ in
            try await client.post("/crm/v3/objects/contacts", ["properties": ["email": "e@example.com"]])
            let reply = try await client.patch("/crm/v3/objects/contacts/e@example.com?idProperty=email", ["properties": ["firstname": "Eve"]])
            #expect(reply.status == 200)
            #expect(reply.json["properties"]?["firstname"] == "Eve")
            #expect(try await client.patch("/crm/v3/objects/contacts/999", ["properties": ["firstname": "X"]]).status == 404)
        }
    }

    @Test func unknownPropertyIsRefusedInHubSpotsFormat() async throws {
        try await withSandbox { client, _ in
            let reply = try await client.post("/crm/v3/objects/contacts", ["properties": ["testproperty": "x"]])
            #expect(reply.status == 400)
            #expect(reply.json["category"] == "VALIDATION_ERROR")
            #expect(reply.json["errors"] == [["message": "Property \"testproperty\" does not exist", "code": "PROPERTY_DOESNT_EXIST",
                                              "context": ["propertyName": ["testproperty"]]]])
            let message = try #require(reply.json["message"]?.stringValue)
            #expect(message.hasPrefix("Property values were not valid: [{"))
            let embedded = try JSONValue(parsing: String(message.dropFirst("Property values were not valid: ".count)))
            #expect(embedded[0]?["error"] == "PROPERTY_DOESNT_EXIST")
            #expect(embedded[0]?["isValid"] == false)
            #expect(embedded[0]?["name"] == "testproperty")
            #expect(embedded[0]?["portalId"]?.intValue != nil)
        }
    }

    @Test func duplicateContactEmailIs409WithExistingId() async throws {
        try await withSandbox { client, _ in
            let id = try await client.post("/crm/v3/objects/contacts", ["properties": ["email": "f@example.com"]]).json["id"]!.stringValue!
            let reply = try await client.post("/crm/v3/objects/contacts", ["properties": ["email": "F@example.com"]])
            #expect(reply.status == 409)
            #expect(reply.json["category"] == "CONFLICT")
            #expect(reply.json["message"]?.stringValue == "Contact already exists. Existing ID: \(id)")
        }
    }

    @Test func readOnlyPropertiesAreRefused() async throws {
        try await withSandbox { client, _ in
            let reply = try await client.post("/crm/v3/objects/contacts", ["properties": ["hs_object_id": "5"]])
            #expect(reply.status == 400)
            #expect(reply.json["errors"]?[0]?["code"] == "READ_ONLY_VALUE")
        }
    }

    @Test func dealsNeedNameAndStageButNotPipeline() async throws {
        try await withSandbox { client, _ in
            let reply = try await client.post("/crm/v3/objects/deals", ["properties": ["dealname": "Big one"]])
            #expect(reply.status == 400)
            let missing = reply.json["errors"]?.arrayValue?.compactMap { $0["context"]?["propertyName"]?[0]?.stringValue }
            #expect(missing == ["dealstage"])
        }
    }

    @Test func badJSONIsA400() async throws {
        try await withSandbox { client, _ in
            let reply = try await client.send(.post, "/crm/v3/objects/contacts", rawBody: "{\"properties\": {")
            #expect(reply.status == 400)
            #expect(reply.json["message"]?.stringValue?.hasPrefix("Invalid input JSON on line 1, column") == true)
        }
    }

    @Test func archiveIsSoftAndArchivedRecordsAreNotRead() async throws {
        try await withSandbox { client, _ in
            let id = try await client.post("/crm/v3/objects/contacts", ["properties": ["email": "g@example.com"]]).json["id"]!.stringValue!
            let archive = try await client.delete("/crm/v3/objects/contacts/\(id)")
            #expect(archive.status == 204)
            #expect(archive.text.isEmpty)
            #expect(try await client.get("/crm/v3/objects/contacts/\(id)").status == 404)
            #expect(try await client.get("/crm/v3/objects/contacts/\(id)?archived=true").json["archived"] == true)
            // The email is free again once the record is archived.
            #expect(try await client.post("/crm/v3/objects/contacts", ["properties": ["email": "g@example.com"]]).status == 201)
        }
    }

    @Test(arguments: ["/crm/v3/objects", "/crm/objects/v3", "/crm/objects/2026-03", "/crm/objects/2026-09"])
    func everyObjectsPrefixServesTheSameRecords(_ prefix: String) async throws {
        try await withSandbox { client, _ in
            let created = try await client.post("\(prefix)/0-2", ["properties": ["name": "Acme"]])
            #expect(created.status == 201)
            let read = try await client.get("\(prefix)/companies/\(created.json["id"]!.stringValue!)")
            #expect(read.json["properties"]?["name"] == "Acme")
        }
    }

    @Test func mergeKeepsPrimaryAndRemovesTheOther() async throws {
        try await withSandbox { client, _ in
            let a = try await client.post("/crm/v3/objects/contacts", ["properties": ["email": "a@m.com"]]).json["id"]!
            let b = try await client.post("/crm/v3/objects/contacts", ["properties": ["email": "b@m.com", "firstname": "Bo"]]).json["id"]!
            let merged = try await client.post("/crm/v3/objects/contacts/merge", ["primaryObjectId": a, "objectIdToMerge": b])
            #expect(merged.status == 200)
            #expect(merged.json["id"] == a)
            #expect(merged.json["properties"]?["firstname"] == "Bo")
            // A merged-away id still reads and updates the primary record, but not through batch update.
            let read = try await client.get("/crm/v3/objects/contacts/\(b.stringValue!)")
            #expect(read.json["id"] == a)
            let patched = try await client.patch("/crm/v3/objects/contacts/\(b.stringValue!)", ["properties": ["lastname": "Merged"]])
            #expect(patched.status == 200)
            #expect(patched.json["id"] == a)
            let batch = try await client.post("/crm/v3/objects/contacts/batch/update", ["inputs": [["id": b, "properties": ["lastname": "X"]]]])
            #expect(batch.status == 207)
        }
    }

    @Test func percentEncodedPathValuesAreDecoded() async throws {
        try await withSandbox { client, _ in
            let id = try await client.post("/crm/v3/objects/contacts", ["properties": ["email": "ann+1@x.com"]]).json["id"]
            let read = try await client.get("/crm/v3/objects/contacts/ann%2B1%40x.com?idProperty=email")
            #expect(read.status == 200)
            #expect(read.json["id"] == id)
            let patched = try await client.patch("/crm/v3/objects/contacts/ann%2B1%40x.com?idProperty=email", ["properties": ["firstname": "Ann"]])
            #expect(patched.status == 200)
        }
    }

    @Test func gdprDeleteRemovesForGood() async throws {
        try await withSandbox { client, sandbox in
            let a = try await client.post("/crm/v3/objects/contacts", ["properties": ["email": "gdpr@m.com"]]).json["id"]!.stringValue!
            let reply = try await client.post("/crm/v3/objects/contacts/gdpr-delete", ["objectId": "gdpr@m.com", "idProperty": "email"])
            #expect(reply.status == 204)
            let live = await sandbox.store.tables["0-1"]?.liveCount
            #expect(live == 0)
            #expect(try await client.get("/crm/v3/objects/contacts/\(a)?archived=true").status == 404)
        }
    }
}
