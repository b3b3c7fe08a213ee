import HubSpotAPI
import HubSpotSandbox
import JSONValue
import Testing

struct AssociationEndpointTests {
    static let versions: [APIVersion] = [.v3, .v4, .dated("2026-03")]
    static let labelledVersions: [APIVersion] = [.v4, .dated("2026-03")]

    @Test(arguments: versions)
    func associateWorksOnEveryVersion(version: APIVersion) async throws {
        try await withLiveSandbox(client: ClientOptions(version: version)) { client, _ in
            let (contact, companies) = try await client.contactAndCompanies(2)
            try await client.associate("contacts", contact, "companies", companies[0])
            try await client.associate("contacts", contact, "companies", companies[1], labels: [AssociationSpec(typeId: 1)])
            try await client.associate("contacts", contact, "companies", companies[1], labels: [AssociationSpec(typeId: 1)])
            let held = try await client.embeddedCompanies(of: contact)
            #expect(held == [companies[0]: ["contact_to_company_unlabeled"],
                             companies[1]: ["contact_to_company", "contact_to_company_unlabeled"]])
        }
    }

    @Test(arguments: versions)
    func batchAssociateWorksOnEveryVersionAndReportsMissingRecords(version: APIVersion) async throws {
        try await withLiveSandbox(client: ClientOptions(version: version)) { client, _ in
            let contacts = try await client.seedContacts(3)
            let company = try await client.create("companies", properties: ["name": "Acme"]).id
            let done = try await client.batchAssociate("contacts", "companies", pairs: contacts.map { ($0, company) })
            #expect([200, 201].contains(done.status))
            #expect(done.errors.isEmpty)
            #expect(Set(done.links.map(\.fromId)).isSuperset(of: contacts))
            for contact in contacts {
                let held = try await client.embeddedCompanies(of: contact)
                #expect(held.keys.sorted() == [company])
            }
            let partial = try await client.batchAssociate("contacts", "companies", pairs: [(contacts[0], company), (contacts[1], "999")])
            #expect(partial.status == 207)
            #expect(partial.errors.first?.category == "OBJECT_NOT_FOUND")
        }
    }

    @Test(arguments: versions)
    func associatingAMissingRecordIsNotFound(version: APIVersion) async throws {
        try await withLiveSandbox(client: ClientOptions(version: version)) { client, _ in
            let (contact, _) = try await client.contactAndCompanies(0)
            let error = await #expect(throws: HubSpotAPIError.self) {
                try await client.associate("contacts", contact, "companies", "999")
            }
            #expect(error?.status == 404)
            #expect(error?.category == "OBJECT_NOT_FOUND")
        }
    }

    @Test func labelledCallsAreRefusedUnderV3() async throws {
        try await withLiveSandbox { client, _ in
            let error = await #expect(throws: HubSpotAPIError.self) {
                _ = try await client.associationsPage("contacts", "1", "companies")
            }
            #expect(error?.kind == .invalidRequest)
            #expect(error?.message == "listing a record's associations needs API v4 or a date version; this connection uses v3")
            let labels = await #expect(throws: HubSpotAPIError.self) { _ = try await client.associationLabels("contacts", "companies") }
            #expect(labels?.kind == .invalidRequest)
        }
    }

    @Test func v3BatchCreateReadAndArchive() async throws {
        try await withLiveSandbox { client, _ in
            let (contact, companies) = try await client.contactAndCompanies(1)
            let types = try await client.v3AssociationTypes("contacts", "companies")
            #expect(types.contains { $0.id == "279" && $0.name == "contact_to_company_unlabeled" })
            let created = try await client.v3BatchCreateAssociations("contacts", "companies",
                                                                      inputs: [(contact, companies[0], "contact_to_company")])
            #expect(created.status == 201)
            let read = try await client.v3BatchReadAssociations("contacts", "companies", ids: [contact])
            #expect(read.links.map(\.toId) == [companies[0]])
            #expect(Set(read.links.first?.typeNames ?? []) == ["contact_to_company", "contact_to_company_unlabeled"])
            try await client.v3BatchArchiveAssociations("contacts", "companies",
                                                        inputs: [(contact, companies[0], "contact_to_company_unlabeled")])
            let after = try await client.v3BatchReadAssociations("contacts", "companies", ids: [contact])
            #expect(after.status == 207)
            #expect(after.links.isEmpty)
            #expect(after.errors.first?.category == "OBJECT_NOT_FOUND")
        }
    }

    @Test(arguments: labelledVersions)
    func listsARecordsAssociationsPageByPage(version: APIVersion) async throws {
        try await withLiveSandbox(client: ClientOptions(version: version)) { client, _ in
            let (contact, companies) = try await client.contactAndCompanies(3)
            for company in companies { try await client.associateDefault("contacts", contact, "companies", company) }
            let first = try await client.associationsPage("contacts", contact, "companies", limit: 2)
            #expect(first.results.count == 2)
            #expect(first.after != nil)
            let all = try await client.associations("contacts", contact, "companies")
            #expect(all.map(\.toObjectId).sorted() == companies.sorted())
            #expect(all.allSatisfy { $0.types == [AssociationLabel(category: "HUBSPOT_DEFINED", typeId: 279)] })
            try await client.removeAssociations("contacts", contact, "companies", companies[0])
            let left = try await client.associations("contacts", contact, "companies")
            #expect(left.count == 2)
        }
    }

    @Test func toObjectIdIsReadFromANumberOrAString() throws {
        let number = try AssociatedRecord(["toObjectId": 5_790_939_450, "associationTypes": [["category": "HUBSPOT_DEFINED", "typeId": 279, "label": nil]]])
        let text = try AssociatedRecord(["toObjectId": "5790939450", "associationTypes": [["category": "USER_DEFINED", "typeId": "28", "label": "Billing"]]])
        #expect(number.toObjectId == "5790939450")
        #expect(text.toObjectId == "5790939450")
        #expect(number.types.first?.typeId == 279 && number.labels.isEmpty)
        #expect(text.types.first?.typeId == 28 && text.labels == ["Billing"])
        #expect(throws: HubSpotAPIError.self) { _ = try AssociatedRecord(["associationTypes": []]) }
    }

    @Test(arguments: labelledVersions)
    func labelLifeCycle(version: APIVersion) async throws {
        try await withLiveSandbox(client: ClientOptions(version: version)) { client, _ in
            let (contact, companies) = try await client.contactAndCompanies(1)
            let created = try await client.createAssociationLabel("contacts", "companies", name: "billing", label: "Billing contact",
                                                                  inverseLabel: "Billed company")
            let billing = try #require(created.first)
            #expect(created.map(\.label) == ["Billing contact", "Billed company"])
            #expect(billing.category == "USER_DEFINED")
            let labels = try await client.associationLabels("contacts", "companies")
            #expect(labels.contains(billing))
            let held = try await client.associateWithLabels("contacts", contact, "companies", companies[0], types: [billing.spec])
            #expect(held == ["Billing contact"])
            try await client.updateAssociationLabel("contacts", "companies", typeId: billing.typeId, label: "Invoices to")
            let read = try await client.batchReadAssociations("contacts", "companies", ids: [contact])
            #expect(read.links.first?.labels == ["Invoices to"])
            try await client.batchArchiveLabels("contacts", "companies", inputs: [(contact, companies[0], [billing.spec])])
            let after = try await client.associations("contacts", contact, "companies")
            #expect(after.first?.labels == [])
            try await client.deleteAssociationLabel("contacts", "companies", typeId: billing.typeId)
            let remaining = try await client.associationLabels("contacts", "companies")
            #expect(!remaining.contains { $0.typeId == billing.typeId })
            let gone = await #expect(throws: HubSpotAPIError.self) {
                try await client.deleteAssociationLabel("contacts", "companies", typeId: billing.typeId)
            }
            #expect(gone?.status == 404)
        }
    }

    @Test(arguments: labelledVersions)
    func batchWritesAndArchives(version: APIVersion) async throws {
        try await withLiveSandbox(client: ClientOptions(version: version)) { client, _ in
            let contacts = try await client.seedContacts(2)
            let company = try await client.create("companies", properties: ["name": "Acme"]).id
            let labelled = try await client.batchCreateAssociations("contacts", "companies",
                                                                     inputs: [(contacts[0], company, [AssociationSpec(typeId: 1)])])
            #expect(labelled.status == 201)
            #expect(labelled.links.first?.labels == ["Primary"])
            let plain = try await client.batchAssociateDefault("contacts", "companies", pairs: [(contacts[1], company)])
            #expect(plain.status == 200)
            #expect(plain.links.contains { $0.fromId == contacts[1] && $0.toId == company && $0.types.first?.typeId == 279 })
            try await client.batchArchiveAssociations("contacts", "companies", pairs: contacts.map { ($0, company) })
            let read = try await client.batchReadAssociations("contacts", "companies", ids: contacts)
            #expect(read.status == 207)
            #expect(read.results.isEmpty)
            #expect(read.errors.count == 2)
        }
    }

    @Test(arguments: labelledVersions)
    func anUnknownTypeIdIsAValidationError(version: APIVersion) async throws {
        try await withLiveSandbox(client: ClientOptions(version: version)) { client, _ in
            let (contact, companies) = try await client.contactAndCompanies(1)
            let error = await #expect(throws: HubSpotAPIError.self) {
                _ = try await client.associateWithLabels("contacts", contact, "companies", companies[0], types: [AssociationSpec(typeId: 4)])
            }
            #expect(error?.status == 400)
            #expect(error?.category == "VALIDATION_ERROR")
        }
    }

    @Test(arguments: versions)
    func batchUnassociateRemovesEveryTypeOrOnlyTheLabelsNamed(version: APIVersion) async throws {
        try await withLiveSandbox(client: ClientOptions(version: version)) { client, _ in
            let (contact, companies) = try await client.contactAndCompanies(2)
            for company in companies {
                try await client.associate("contacts", contact, "companies", company, labels: [AssociationSpec(typeId: 1)])
            }
            // The label only: the pair stays associated, unlabeled.
            try await client.batchUnassociate("contacts", "companies", pairs: [(contact, companies[0])], types: [AssociationSpec(typeId: 1)])
            // Every type.
            try await client.batchUnassociate("contacts", "companies", pairs: [(contact, companies[1])])
            let held = try await client.embeddedCompanies(of: contact)
            #expect(held == [companies[0]: ["contact_to_company_unlabeled"]])
        }
    }

    @Test(arguments: labelledVersions)
    func associationTypesHeldReadsEveryPairsTypes(version: APIVersion) async throws {
        try await withLiveSandbox(client: ClientOptions(version: version)) { client, _ in
            let (contact, companies) = try await client.contactAndCompanies(2)
            try await client.associate("contacts", contact, "companies", companies[0], labels: [AssociationSpec(typeId: 1)])
            try await client.associate("contacts", contact, "companies", companies[1])
            let held = try await client.associationTypesHeld("contacts", "companies", ids: [contact, contact, "999"])
            #expect(Set(held[contact]?[companies[0]]?.map(\.typeId) ?? []) == [1, 279])
            #expect(held[contact]?[companies[1]]?.map(\.typeId) == [279])
            #expect(held["999"] == nil)
        }
    }

    @Test func demoAccountAssociationsReadInBatches() async throws {
        try await withLiveSandbox(data: .demo, client: ClientOptions(version: .v4)) { client, _ in
            let deals = try await client.listPage("deals", limit: 50).results.map(\.id)
            let read = try await client.batchReadAssociations("deals", "companies", ids: deals)
            #expect(!read.links.isEmpty)
            #expect(read.links.allSatisfy { deals.contains($0.fromId) && !$0.types.isEmpty })
        }
    }

    @Test func writingAssociationsNeedsTheWriteScope() async throws {
        let token = "pat-na1-read-only"
        try await withLiveSandbox(client: ClientOptions(version: .v4, token: token), configure: {
            $0.tokens.append(TokenGrant(token: token, scopes: ["crm.objects.contacts.read", "crm.objects.companies.read"]))
        }) { client, _ in
            let error = await #expect(throws: HubSpotAPIError.self) { try await client.associate("contacts", "1", "companies", "2") }
            #expect(error?.status == 403)
            #expect(error?.missingScopes.contains("crm.objects.contacts.write") == true)
        }
    }
}

extension HubSpotClient {
    /// A new contact and `count` new companies.
    fileprivate func contactAndCompanies(_ count: Int) async throws -> (String, [String]) {
        let contact = try await create("contacts", properties: ["email": "pat@example.com"]).id
        var companies: [String] = []
        for index in 0..<count { companies.append(try await create("companies", properties: ["name": .string("Company \(index)")]).id) }
        return (contact, companies)
    }

    /// The companies a contact is associated with and the v3 type names held, read through the
    /// version-neutral embedded associations of a record read.
    fileprivate func embeddedCompanies(of contact: String) async throws -> [String: Set<String>] {
        let record = try await record("contacts", id: contact, associations: ["companies"])
        var held: [String: Set<String>] = [:]
        for entry in record.json["associations"]?["companies"]?["results"]?.arrayValue ?? [] {
            if let id = entry["id"]?.stringValue, let type = entry["type"]?.stringValue { held[id, default: []].insert(type) }
        }
        return held
    }
}
