import HummingbirdTesting
import JSONValue
import Testing

@testable import HubSpotSandbox

/// What HubSpot clients the project did not write met in the sandbox (owners of an empty account, the
/// other standard objects, deals without a pipeline, engagement properties, demo timestamps, users and
/// teams), each in process and over a loopback port.
struct ForeignClientTests {
    static let setups: [TestingSetup] = [.router, .live]

    @Test(arguments: setups) func emptyAccountListsItsUserAsOwnerOnEveryOwnersPath(_ setup: TestingSetup) async throws {
        try await withSandbox(setup) { client, _ in
            let me = try await client.post("/oauth/v2/private-apps/get/access-token-info", ["tokenKey": .string(SandboxConfiguration.defaultToken)])
            for path in ["/crm/v3/owners", "/crm/owners/2026-03", "/crm/owners/2026-09"] {
                let owners = try await client.get(path).json["results"]?.arrayValue ?? []
                #expect(owners.count == 1, "\(path)")
                #expect(owners.first?["userId"] == me.json["userId"], "\(path)")
            }
            let contact = try await client.post("/crm/v3/objects/contacts", ["properties": ["email": "a@x.io", "hubspot_owner_id": "41629779"]])
            #expect(contact.status == 201)
        }
    }

    /// (API name, type id, properties a create needs) for every standard type of hubspot-api.md §3 the
    /// sandbox did not know before.
    static let newerTypes: [(String, String, JSONValue)] = [
        ("communications", "0-18", ["hs_timestamp": "2026-01-05T10:00:00Z", "hs_communication_channel_type": "SMS",
                                    "hs_communication_logged_from": "CRM", "hs_communication_body": "Running late"]),
        ("feedback_submissions", "0-19", ["hs_content": "Great service"]),
        ("postal_mail", "0-116", ["hs_timestamp": "2026-01-05T10:00:00Z", "hs_postal_mail_body": "Sent the contract"]),
        ("goal_targets", "0-74", ["hs_goal_name": "Q1 revenue"]),
        ("leads", "0-136", ["hs_lead_name": "Ann at Acme"]),
        ("invoices", "0-53", ["hs_title": "INV-1"]), ("marketing_events", "0-54", ["hs_event_name": "Summit"]),
        ("subscriptions", "0-69", ["hs_name": "Annual"]), ("discounts", "0-84", ["hs_label": "Ten off"]),
        ("fees", "0-85", ["hs_label": "Shipping"]), ("taxes", "0-86", ["hs_label": "VAT"]),
        ("commerce_payments", "0-101", ["hs_initial_amount": "12"]), ("users", "0-115", ["hs_email": "u@x.io"]),
        ("orders", "0-123", ["hs_order_name": "Order 1"]), ("carts", "0-142", ["hs_cart_name": "Cart 1"]),
        ("services", "0-162", ["hs_name": "Onboarding"]), ("courses", "0-410", ["hs_course_name": "Basics"]),
        ("listings", "0-420", ["hs_name": "Flat"]), ("appointments", "0-421", ["hs_appointment_name": "Check-up"]),
        ("projects", "0-970", ["hs_name": "Launch"]),
    ]

    @Test(arguments: setups) func everyStandardTypeOfTheReferenceIsServedByNameAndId(_ setup: TestingSetup) async throws {
        try await withSandbox(setup) { client, _ in
            for (name, id, properties) in Self.newerTypes {
                for reference in [name, id] {
                    let definitions = try await client.get("/crm/v3/properties/\(reference)")
                    #expect(definitions.status == 200, "\(reference)")
                    let names = Set(definitions.json["results"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? [])
                    #expect(names.isSuperset(of: properties.objectValue!.keys), "\(reference)")
                }
                let created = try await client.post("/crm/v3/objects/\(name)", ["properties": properties])
                #expect(created.status == 201, "\(name): \(created.text)")
                let recordId = try #require(created.json["id"]?.stringValue)
                #expect(try await client.get("/crm/objects/2026-03/\(id)/\(recordId)").status == 200, "\(name)")
                let batch = try await client.post("/crm/v3/objects/\(id)/batch/read", ["inputs": [["id": .string(recordId)]]])
                #expect(batch.status == 200 && batch.json["results"]?.arrayValue?.count == 1, "\(name)")
                let search = try await client.post("/crm/v3/objects/\(name)/search", [:])
                #expect(search.status == 200 && search.json["total"] == 1, "\(name)")
            }
            #expect(try await client.get("/crm/v3/objects/goals").status == 200)
        }
    }

    @Test(arguments: setups) func aCustomObjectIsServedByIdFullyQualifiedAndShortName(_ setup: TestingSetup) async throws {
        try await withSandbox(setup) { client, sandbox in
            let schema = try await SchemaTests.createCars(client)
            let portalId = await sandbox.store.portal.portalId
            let contact = try #require(try await client.post("/crm/v3/objects/contacts", ["properties": ["email": "o@x.io"]]).json["id"]?.stringValue)
            for reference in [try #require(schema["objectTypeId"]?.stringValue), "p\(portalId)_cars", "p_cars"] {
                #expect(try await client.get("/crm/v3/properties/\(reference)").status == 200, "\(reference)")
                let created = try await client.post("/crm/v3/objects/\(reference)", ["properties": ["model": .string("M \(reference)")]])
                #expect(created.status == 201, "\(reference)")
                let id = try #require(created.json["id"]?.stringValue)
                let batch = try await client.post("/crm/v3/objects/\(reference)/batch/read", ["inputs": [["id": .string(id)]]])
                #expect(batch.status == 200, "\(reference)")
                #expect(try await client.post("/crm/v3/objects/\(reference)/search", [:]).status == 200, "\(reference)")
                let linked = try await client.send(.put, "/crm/v4/objects/\(reference)/\(id)/associations/default/contacts/\(contact)")
                #expect(linked.status == 200, "\(reference)")
            }
        }
    }

    @Test(arguments: setups) func communicationsPostalMailAndLeadsAssociateWithHubSpotsTypeIds(_ setup: TestingSetup) async throws {
        try await withSandbox(setup) { client, _ in
            let contact = try #require(try await client.post("/crm/v3/objects/contacts", ["properties": ["email": "c@x.io"]]).json["id"])
            for (type, properties, typeId) in [
                ("communications", ["hs_timestamp": "2026-01-05T10:00:00Z", "hs_communication_channel_type": "WHATS_APP"] as JSONValue, 81),
                ("postal_mail", ["hs_timestamp": "2026-01-05T10:00:00Z"], 453), ("leads", ["hs_lead_name": "L"], 578),
            ] {
                let created = try await client.post("/crm/v3/objects/\(type)", [
                    "properties": properties,
                    "associations": [["to": ["id": contact], "types": [["associationCategory": "HUBSPOT_DEFINED", "associationTypeId": .int(typeId)]]]],
                ])
                #expect(created.status == 201, "\(type): \(created.text)")
                let id = try #require(created.json["id"]?.stringValue)
                let links = try await client.get("/crm/v4/objects/\(type)/\(id)/associations/contacts")
                let typeIds = links.json["results"]?[0]?["associationTypes"]?.arrayValue?.compactMap { $0["typeId"]?.intValue } ?? []
                #expect(typeIds.contains(typeId), "\(type)")
            }
            let leadPipelines = try await client.get("/crm/v3/pipelines/leads").json["results"]?.arrayValue ?? []
            #expect(leadPipelines.first?["id"] == "lead-pipeline-id")
            #expect(try await client.get("/crm/v3/pipelines/orders").json["results"] == [])
        }
    }

    @Test(arguments: setups) func aDealWithoutPipelineGoesIntoTheDefaultPipeline(_ setup: TestingSetup) async throws {
        try await withSandbox(setup) { client, _ in
            let single = try await client.post("/crm/v3/objects/deals", ["properties": ["dealname": "A", "dealstage": "qualifiedtobuy"]])
            #expect(single.status == 201)
            #expect(single.json["properties"]?["pipeline"] == "default")
            let batch = try await client.post("/crm/v3/objects/deals/batch/create", ["inputs": [["properties": ["dealname": "B", "dealstage": "closedwon"]]]])
            #expect(batch.status == 201)
            #expect(batch.json["results"]?[0]?["properties"]?["pipeline"] == "default")
            let read = try await client.get("/crm/v3/objects/deals/\(single.json["id"]!.stringValue!)")
            #expect(read.json["properties"]?["pipeline"] == "default")
        }
    }

    /// (type, properties given, properties HubSpot still requires) from hubspot-api.md §2.4.
    static let requiredRules: [(String, JSONValue, [String])] = [
        ("tickets", ["subject": "Help"], ["hs_pipeline", "hs_pipeline_stage"]),
        ("products", ["name": "Widget"], ["price", "description", "hs_sku", "hs_folder"]),
        ("quotes", ["hs_title": "Q"], ["hs_expiration_date"]),
        ("emails", ["hs_timestamp": "2026-01-05T10:00:00Z"], ["hs_email_direction"]),
        ("communications", ["hs_communication_body": "Hi"], ["hs_timestamp", "hs_communication_channel_type"]),
        ("postal_mail", ["hs_postal_mail_body": "Letter"], ["hs_timestamp"]),
        ("calls", ["hs_call_title": "Call"], ["hs_timestamp"]),
    ]

    @Test(arguments: setups) func otherTypesKeepTheirRequiredProperties(_ setup: TestingSetup) async throws {
        try await withSandbox(setup) { client, _ in
            for (type, properties, missing) in Self.requiredRules {
                let reply = try await client.post("/crm/v3/objects/\(type)", ["properties": properties])
                #expect(reply.status == 400, "\(type)")
                #expect(reply.json["errors"]?.arrayValue?.compactMap { $0["context"]?["propertyName"]?[0]?.stringValue } == missing, "\(type)")
            }
        }
    }

    /// Properties HubSpot's engagement guides list, per engagement type.
    static let engagementProperties: [(String, [String])] = [
        ("emails", ["hs_timestamp", "hubspot_owner_id", "hs_email_direction", "hs_email_html", "hs_email_status", "hs_email_subject",
                    "hs_email_text", "hs_attachment_ids", "hs_email_headers", "hs_email_from_email", "hs_email_from_firstname",
                    "hs_email_from_lastname", "hs_email_to_email", "hs_email_to_firstname", "hs_email_to_lastname", "hs_email_cc_email",
                    "hs_email_bcc_email", "hs_email_sender_email"]),
        ("calls", ["hs_call_body", "hs_call_callee_object_id", "hs_call_callee_object_type", "hs_call_direction", "hs_call_disposition",
                   "hs_call_duration", "hs_call_from_number", "hs_call_recording_url", "hs_call_source", "hs_call_status",
                   "hs_call_title", "hs_call_to_number", "hs_activity_type", "hs_attachment_ids"]),
        ("meetings", ["hs_meeting_title", "hs_meeting_body", "hs_internal_meeting_notes", "hs_meeting_external_url", "hs_meeting_location",
                      "hs_meeting_start_time", "hs_meeting_end_time", "hs_meeting_outcome", "hs_activity_type"]),
        ("notes", ["hs_note_body", "hs_timestamp", "hubspot_owner_id", "hs_attachment_ids"]),
        ("tasks", ["hs_task_body", "hs_task_subject", "hs_task_status", "hs_task_priority", "hs_task_type", "hs_task_reminders"]),
        ("communications", ["hs_communication_channel_type", "hs_communication_logged_from", "hs_communication_body", "hubspot_owner_id"]),
        ("postal_mail", ["hs_postal_mail_body", "hs_timestamp", "hubspot_owner_id", "hs_attachment_ids"]),
    ]

    @Test(arguments: setups) func emailHeadersFillTheSenderAndRecipientProperties(_ setup: TestingSetup) async throws {
        try await withSandbox(setup) { client, _ in
            for (type, wanted) in Self.engagementProperties {
                let names = Set(try await client.get("/crm/v3/properties/\(type)").json["results"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? [])
                #expect(Set(wanted).subtracting(names) == [], "\(type)")
            }
            let channel = try await client.get("/crm/v3/properties/communications/hs_communication_channel_type")
            #expect(channel.json["type"] == "enumeration")
            #expect(channel.json["options"]?.arrayValue?.compactMap { $0["value"]?.stringValue } == ["WHATS_APP", "LINKEDIN_MESSAGE", "SMS"])
            #expect(try await client.get("/crm/v3/properties/emails/hs_email_from_email").json["modificationMetadata"]?["readOnlyValue"] == true)

            let headers = #"{"from":{"email":"ann@x.io","firstName":"Ann","lastName":"Lee"},"to":[{"email":"Bo Ek<bo@y.io>","firstName":"Bo","lastName":"Ek"},{"email":"cy@y.io","firstName":"Cy"}],"cc":[{"email":"di@y.io"}],"bcc":[]}"#
            let created = try await client.post("/crm/v3/objects/emails", ["properties": [
                "hs_timestamp": "2026-01-05T10:00:00Z", "hs_email_direction": "EMAIL", "hs_email_text": "Hello <b>there</b>",
                "hs_email_headers": .string(headers),
            ]])
            #expect(created.status == 201)
            let id = try #require(created.json["id"]?.stringValue)
            let names = "hs_email_from_email,hs_email_from_firstname,hs_email_from_lastname,hs_email_to_email,hs_email_to_firstname,hs_email_to_lastname,hs_email_cc_email,hs_email_bcc_email,hs_body_preview"
            let read = try await client.get("/crm/v3/objects/emails/\(id)?properties=\(names)").json["properties"]
            #expect(read?["hs_email_from_email"] == "ann@x.io" && read?["hs_email_from_firstname"] == "Ann" && read?["hs_email_from_lastname"] == "Lee")
            #expect(read?["hs_email_to_email"] == "bo@y.io;cy@y.io" && read?["hs_email_to_firstname"] == "Bo;Cy" && read?["hs_email_to_lastname"] == "Ek")
            #expect(read?["hs_email_cc_email"] == "di@y.io" && read?["hs_email_bcc_email"] == .null)
            #expect(read?["hs_body_preview"] == "Hello there")
            let refused = try await client.patch("/crm/v3/objects/emails/\(id)", ["properties": ["hs_email_from_email": "z@z.io"]])
            #expect(refused.status == 400 && refused.json["errors"]?[0]?["code"] == "READ_ONLY_VALUE")
        }
    }

    @Test(arguments: setups) func demoTimestampsAreSpreadWithOnlyAFewTrueTies(_ setup: TestingSetup) async throws {
        try await withSandbox(setup, data: .demo) { client, _ in
            for (type, modified, expectedLargestTie) in [("contacts", "lastmodifieddate", 5), ("deals", "hs_lastmodifieddate", 1)] {
                var ties: [String: Int] = [:]
                var path = "/crm/v3/objects/\(type)?limit=100&properties=createdate,\(modified)"
                while true {
                    let page = try await client.get(path)
                    for record in page.json["results"]?.arrayValue ?? [] {
                        let created = try #require(record["properties"]?["createdate"]?.stringValue.flatMap(Timestamp.init(parsing:)))
                        let changed = try #require(record["properties"]?[modified]?.stringValue.flatMap(Timestamp.init(parsing:)))
                        #expect(created <= changed)
                        ties[changed.iso8601, default: 0] += 1
                    }
                    guard let after = page.json["paging"]?["next"]?["after"]?.stringValue else { break }
                    path = "/crm/v3/objects/\(type)?limit=100&after=\(after)&properties=createdate,\(modified)"
                }
                #expect(ties.values.reduce(0, +) == (type == "contacts" ? 2_000 : 1_200))
                #expect(ties.values.max() == expectedLargestTie, "\(type)")
                #expect(ties["2026-06-30T23:59:59.999Z"] == nil, "\(type)")
            }
        }
    }

    @Test(arguments: setups) func usersAndTeamsBackTheOwners(_ setup: TestingSetup) async throws {
        try await withSandbox(setup, data: .demo) { client, _ in
            let users = try await client.get("/settings/v3/users").json["results"]?.arrayValue ?? []
            let owners = try await client.get("/crm/v3/owners").json["results"]?.arrayValue ?? []
            let people = owners.filter { $0["type"] == "PERSON" }
            #expect(users.count == 10 && people.count == 10)
            #expect(Set(users.compactMap { $0["id"]?.stringValue }) == Set(people.compactMap { $0["userId"]?.intValue.map(String.init) }))
            #expect(users.filter { $0["superAdmin"] == true }.map { $0["email"] } == ["olivia.bennett@brightwave.io"])
            let ethan = try #require(users.first { $0["firstName"] == "Ethan" })
            #expect(ethan["primaryTeamId"] == "368389" && ethan["secondaryTeamIds"] == ["368392"])
            #expect(try await client.get("/settings/v3/users/olivia.bennett@brightwave.io?idProperty=EMAIL").json["id"] == "9586504")
            let page = try await client.get("/settings/v3/users?limit=4")
            #expect(page.json["results"]?.arrayValue?.count == 4 && page.json["paging"]?["next"]?["after"] != nil)

            let teams = try await client.get("/settings/v3/users/teams").json["results"]?.arrayValue ?? []
            #expect(teams.compactMap { $0["name"]?.stringValue } == ["Sales Team", "Customer Success", "Support", "Partnerships"])
            let partnerships = try #require(teams.first { $0["name"] == "Partnerships" })
            #expect(partnerships["userIds"] == ["9587004"] && partnerships["secondaryUserIds"] == [ethan["id"]!])

            let legacy = try await client.get("/crm-pipelines/v1/pipelines/deals")
            #expect(legacy.status == 404 && legacy.json["status"] == "error" && legacy.json["category"] == "OBJECT_NOT_FOUND")
        }
    }

    @Test(arguments: setups) func anEmptyAccountHasOneUserAndNoTeams(_ setup: TestingSetup) async throws {
        try await withSandbox(setup) { client, _ in
            for prefix in ["/settings/v3/users", "/settings/users/2026-03", "/settings/users/2026-09"] {
                let users = try await client.get(prefix)
                #expect(users.json["results"]?.arrayValue?.map { $0["id"] } == ["9586504"], "\(prefix)")
                let teams = try await client.get("\(prefix)/teams")
                #expect(teams.json == ["results": []], "\(prefix)")
            }
        }
    }
}
