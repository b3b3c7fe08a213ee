import JSONValue
import Testing

@testable import HubSpotSandbox

/// The HubSpot-defined property definitions and groups of every standard object type (hubspot-api.md §2, §4).
struct StandardPropertyTests {
    /// The installed catalogs and groups, as a fresh store has them.
    static let installed: ([String: PropertyCatalog], [String: OrderedDictionary<String, PropertyGroup>]) = {
        var properties: [String: PropertyCatalog] = [:]
        var groups: [String: OrderedDictionary<String, PropertyGroup>] = [:]
        StandardProperties.install(into: &properties, groups: &groups)
        var pipelines: [String: [Pipeline]] = [:]
        StandardPipelines.install(into: &pipelines, properties: &properties)
        return (properties, groups)
    }()

    @Test(arguments: ObjectType.standardTypes.map(\.name))
    func everyPropertyAnObjectTypeNamesIsDefined(_ name: String) throws {
        let type = try #require(ObjectType.standardTypes.first { $0.name == name })
        let catalog = try #require(Self.installed.0[type.objectTypeId])
        let named = type.defaultProperties + type.searchDefaultProperties + type.requiredProperties + type.queryProperties
        #expect(named.filter { catalog[$0] == nil } == [])
    }

    @Test(arguments: ObjectType.standardTypes.map(\.name))
    func systemPropertiesAreReadOnlyWithHubSpotTypes(_ name: String) throws {
        let type = try #require(ObjectType.standardTypes.first { $0.name == name })
        let catalog = try #require(Self.installed.0[type.objectTypeId])
        let id = try #require(catalog["hs_object_id"])
        #expect(id.type == .number && id.readOnlyValue)
        for property in [type.createDateProperty, type.lastModifiedProperty] {
            let definition = try #require(catalog[property])
            #expect(definition.type == .datetime && definition.readOnlyValue, "\(property)")
        }
    }

    @Test(arguments: ObjectType.standardTypes.map(\.name))
    func everyDefinitionBelongsToADeclaredGroupAndEnumerationsHaveOptions(_ name: String) throws {
        let type = try #require(ObjectType.standardTypes.first { $0.name == name })
        let catalog = try #require(Self.installed.0[type.objectTypeId])
        let groups = try #require(Self.installed.1[type.objectTypeId])
        #expect(catalog.values.filter { groups[$0.groupName] == nil }.map(\.name) == [])
        // Only the owner (filled when owners exist) and HubSpot's id lists may have no options.
        let optionless = catalog.values.filter { $0.type == .enumeration && $0.options.isEmpty }.map(\.name)
        #expect(Set(optionless).isSubset(of: ["hubspot_owner_id", "hs_merged_object_ids", "hs_additional_emails"]))
        #expect(catalog.values.allSatisfy { $0.hubspotDefined })
    }

    @Test func contactEmailIsAPlainStringNotMarkedUnique() throws {
        let email = try #require(Self.installed.0["0-1"]?["email"])
        #expect(email.type == .string && email.fieldType == "text" && !email.hasUniqueValue && !email.readOnlyValue)
    }

    @Test func lifecycleStageAndLeadStatusHaveHubSpotsOptions() throws {
        let contacts = try #require(Self.installed.0["0-1"])
        #expect(contacts["lifecyclestage"]?.options.map(\.value) == [
            "subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer", "evangelist", "other",
        ])
        #expect(contacts["hs_lead_status"]?.options.map(\.value) == [
            "NEW", "OPEN", "IN_PROGRESS", "OPEN_DEAL", "UNQUALIFIED", "ATTEMPTED_TO_CONTACT", "CONNECTED", "BAD_TIMING",
        ])
        #expect(Self.installed.0["0-2"]?["type"]?.options.map(\.value) == ["PROSPECT", "PARTNER", "RESELLER", "VENDOR", "OTHER"])
        #expect(Self.installed.0["0-3"]?["dealtype"]?.options.map(\.value) == ["newbusiness", "existingbusiness"])
        #expect(Self.installed.0["0-27"]?["hs_task_status"]?.options.map(\.value) == ["NOT_STARTED", "IN_PROGRESS", "WAITING", "COMPLETED", "DEFERRED"])
        #expect(Self.installed.0["0-49"]?["hs_email_direction"]?.options.map(\.value) == ["EMAIL", "INCOMING_EMAIL", "FORWARDED_EMAIL"])
    }

    @Test func pipelinePropertiesOfferTheDefaultPipelinesStages() throws {
        let deals = try #require(Self.installed.0["0-3"])
        #expect(deals["pipeline"]?.options.map(\.value) == ["default"])
        #expect(deals["dealstage"]?.options.map(\.value) == [
            "appointmentscheduled", "qualifiedtobuy", "presentationscheduled", "decisionmakerboughtin", "contractsent", "closedwon", "closedlost",
        ])
        let tickets = try #require(Self.installed.0["0-5"])
        #expect(tickets["hs_pipeline"]?.options.map(\.label) == ["Support Pipeline"])
        #expect(tickets["hs_pipeline_stage"]?.options.map(\.value) == ["1", "2", "3", "4"])
    }

    @Test func definitionsUseHubSpotsTypesAndFieldTypes() throws {
        let p = Self.installed.0
        #expect(p["0-3"]?["closedate"]?.type == .datetime)
        #expect(p["0-3"]?["amount"]?.type == .number)
        #expect(p["0-1"]?["phone"]?.fieldType == "phonenumber")
        #expect(p["0-48"]?["hs_timestamp"]?.type == .datetime)
        #expect(p["0-14"]?["hs_expiration_date"]?.type == .date)
        #expect(p["0-1"]?["num_associated_deals"]?.readOnlyValue == true)
        #expect(p["0-2"]?["num_associated_contacts"]?.readOnlyValue == true)
        let validTypes = Set(["booleancheckbox", "calculation_equation", "checkbox", "date", "file", "html", "number", "phonenumber",
                              "radio", "select", "text", "textarea"])
        #expect(p.values.flatMap(\.values).filter { !validTypes.contains($0.fieldType) }.map(\.name) == [])
    }

    @Test(arguments: [("0-1", "hs_buying_role"), ("0-2", "web_technologies"), ("0-5", "hs_ticket_category")])
    func multiSelectPropertiesAreCheckboxEnumerations(_ typeId: String, _ name: String) throws {
        let definition = try #require(Self.installed.0[typeId]?[name])
        #expect(definition.isMultiValued)
    }

    @Test func multiSelectValuesAreJoinedAndCheckedOptionByOption() async throws {
        try await withSandbox { client, _ in
            let created = try await client.post("/crm/v3/objects/contacts", [
                "properties": ["email": "multi@example.com", "hs_buying_role": ["CHAMPION", "END_USER"]],
            ])
            #expect(created.status == 201)
            #expect(created.json["properties"]?["hs_buying_role"] == "CHAMPION;END_USER")
            let company = try await client.post("/crm/v3/objects/companies", [
                "properties": ["name": "Multi Co", "web_technologies": "hubspot;stripe"],
            ])
            #expect(company.status == 201)
            #expect(company.json["properties"]?["web_technologies"] == "hubspot;stripe")
            let bad = try await client.post("/crm/v3/objects/contacts", [
                "properties": ["email": "bad@example.com", "hs_buying_role": "CHAMPION;ASTRONAUT"],
            ])
            #expect(bad.status == 400)
            #expect(bad.json["errors"]?[0]?["code"] == "INVALID_OPTION")
        }
    }

    @Test func readOnlyStandardPropertiesRefuseWrites() async throws {
        try await withSandbox { client, _ in
            let reply = try await client.post("/crm/v3/objects/contacts", [
                "properties": ["email": "ro@example.com", "num_associated_deals": "3"],
            ])
            #expect(reply.status == 400)
            #expect(reply.json["errors"]?[0]?["code"] == "READ_ONLY_VALUE")
            #expect(reply.json["errors"]?[0]?["context"]?["propertyName"] == ["num_associated_deals"])
        }
    }
}
