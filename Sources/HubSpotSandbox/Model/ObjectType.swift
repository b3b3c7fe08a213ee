import JSONValue

/// What the emulator knows about one CRM object type: its names, ids and the property names HubSpot
/// treats specially (hubspot-api.md §2.2, §2.3, §2.4, §2.6, §3).
public struct ObjectType: Sendable, Hashable {
    /// API name: `contacts`, `line_items`, or a custom object's `name`.
    public var name: String
    /// Type id: `0-1`, or `2-NNN` for a custom object.
    public var objectTypeId: String
    /// Singular API name (`contact`), accepted by the associations API.
    public var singular: String
    /// Upper-case singular used in batch error messages (`CONTACT`, `LINE_ITEM`).
    public var errorLabel: String
    /// Property holding the creation time: `createdate` or `hs_createdate`.
    public var createDateProperty: String
    /// Property holding the last change: `lastmodifieddate` (contacts) or `hs_lastmodifieddate`.
    public var lastModifiedProperty: String
    /// Properties returned by list and read when none are asked for (system properties come on top).
    public var defaultProperties: [String]
    /// Properties returned by search when none are asked for (hubspot-api.md §2.3 table).
    public var searchDefaultProperties: [String]
    /// Properties a create must carry (hubspot-api.md §2.4).
    public var requiredProperties: [String]
    /// Properties the free-text `query` of a search looks in.
    public var queryProperties: [String]
    /// The scope word: `crm.objects.{scopeName}.read|write`.
    public var scopeName: String
    /// For a custom object: its fully qualified name `p{portal}_{name}`.
    public var fullyQualifiedName: String?

    /// Whether this is a custom object (type id `2-…`).
    public var isCustom: Bool { objectTypeId.hasPrefix("2-") }

    /// The system properties every record answer carries (hubspot-api.md §2.2).
    public var systemProperties: [String] { [createDateProperty, "hs_object_id", lastModifiedProperty] }

    /// The scope a read of this type needs.
    public var readScope: String { "crm.objects.\(scopeName).read" }
    /// The scope a write of this type needs.
    public var writeScope: String { "crm.objects.\(scopeName).write" }
}

extension ObjectType {
    /// Builds a standard object type; engagements and most newer objects use `hs_createdate`.
    static func standard(
        _ name: String, _ id: String, singular: String, createDate: String = "createdate",
        defaults: [String] = [], required: [String] = [], query: [String] = [], scope: String? = nil
    ) -> ObjectType {
        let lastModified = name == "contacts" ? "lastmodifieddate" : "hs_lastmodifieddate"
        return ObjectType(
            name: name, objectTypeId: id, singular: singular, errorLabel: singular.uppercased(),
            createDateProperty: createDate, lastModifiedProperty: lastModified, defaultProperties: defaults,
            searchDefaultProperties: defaults + [createDate, lastModified, "hs_object_id"].filter { !defaults.contains($0) },
            requiredProperties: required, queryProperties: query, scopeName: scope ?? name, fullyQualifiedName: nil)
    }

    /// The standard object types the emulator serves, with the facts of hubspot-api.md §2–§3.
    public static let standardTypes: [ObjectType] = {
        var types: [ObjectType] = [
            .standard("contacts", "0-1", singular: "contact", defaults: ["firstname", "lastname", "email"],
                      query: ["firstname", "lastname", "email", "phone", "hs_additional_emails", "fax", "mobilephone", "company", "hs_marketable_until_renewal"]),
            .standard("companies", "0-2", singular: "company", defaults: ["name", "domain"],
                      query: ["website", "phone", "name", "domain"]),
            // A deal without `pipeline` goes into the default pipeline (§2.4), so only name and stage are required.
            .standard("deals", "0-3", singular: "deal", defaults: ["dealname", "amount", "closedate", "pipeline", "dealstage"],
                      required: ["dealname", "dealstage"],
                      query: ["dealname", "pipeline", "dealstage", "description", "dealtype"]),
            .standard("tickets", "0-5", singular: "ticket",
                      defaults: ["content", "hs_pipeline", "hs_pipeline_stage", "hs_ticket_category", "hs_ticket_priority", "subject"],
                      required: ["subject", "hs_pipeline", "hs_pipeline_stage"], query: ["subject", "content"]),
            .standard("products", "0-7", singular: "product", defaults: ["name", "description", "price"],
                      required: ["name", "price", "description", "hs_sku", "hs_folder"], query: ["name", "description", "hs_sku"]),
            .standard("line_items", "0-8", singular: "line_item", defaults: ["quantity", "amount", "price"], query: ["name"]),
            .standard("quotes", "0-14", singular: "quote", createDate: "hs_createdate",
                      defaults: ["hs_expiration_date", "hs_public_url_key", "hs_status", "hs_title"],
                      required: ["hs_title", "hs_expiration_date"], query: ["hs_title"]),
        ]
        // Engagements: hs_timestamp is required on create; emails also need a direction, communications a
        // channel (§2.4).
        for (name, id, singular) in [("calls", "0-48", "call"), ("emails", "0-49", "email"), ("meetings", "0-47", "meeting"),
                                     ("notes", "0-46", "note"), ("tasks", "0-27", "task"), ("communications", "0-18", "communication"),
                                     ("postal_mail", "0-116", "postal_mail")] {
            let required = ["emails": ["hs_timestamp", "hs_email_direction"],
                            "communications": ["hs_timestamp", "hs_communication_channel_type"]][name] ?? ["hs_timestamp"]
            types.append(.standard(name, id, singular: singular, createDate: "hs_createdate", required: required))
        }
        // The other standard objects of §3. The commerce objects and leads name their create date
        // `createdate` (§2.3 search table); the rest `hs_createdate`, as engagements and custom objects do
        // (§2.2; UNCONFIRMED for each of them).
        for (name, id, singular) in [("invoices", "0-53", "invoice"), ("discounts", "0-84", "discount"), ("fees", "0-85", "fee"),
                                     ("taxes", "0-86", "tax"), ("commerce_payments", "0-101", "commerce_payment"),
                                     ("orders", "0-123", "order"), ("leads", "0-136", "lead"), ("carts", "0-142", "cart")] {
            types.append(.standard(name, id, singular: singular, query: ObjectType.newerQueryProperties[name] ?? []))
        }
        for (name, id, singular) in [("feedback_submissions", "0-19", "feedback_submission"), ("marketing_events", "0-54", "marketing_event"),
                                     ("subscriptions", "0-69", "subscription"), ("goal_targets", "0-74", "goal_target"),
                                     ("users", "0-115", "user"), ("services", "0-162", "service"), ("courses", "0-410", "course"),
                                     ("listings", "0-420", "listing"), ("appointments", "0-421", "appointment"),
                                     ("projects", "0-970", "project")] {
            types.append(.standard(name, id, singular: singular, createDate: "hs_createdate",
                                   query: ObjectType.newerQueryProperties[name] ?? []))
        }
        // Quotes, line items and products are in the products and quotes scopes' families; the scope
        // names follow `crm.objects.{type}` as the spec lists them (§1.3).
        return types
    }()

    /// The free-text `query` properties of the newer standard objects (their name properties; HubSpot
    /// documents none of them).
    static let newerQueryProperties: [String: [String]] = [
        "leads": ["hs_lead_name"], "orders": ["hs_order_name"], "carts": ["hs_cart_name"], "invoices": ["hs_title"],
        "discounts": ["hs_label"], "fees": ["hs_label"], "taxes": ["hs_label"], "goal_targets": ["hs_goal_name"],
        "marketing_events": ["hs_event_name"], "subscriptions": ["hs_name"], "services": ["hs_name"], "courses": ["hs_course_name"],
        "listings": ["hs_name"], "appointments": ["hs_appointment_name"], "projects": ["hs_name"], "feedback_submissions": ["hs_content"],
        "users": ["hs_email", "hs_given_name", "hs_family_name"],
    ]

    /// Other names HubSpot's paths use for a standard type: `goals` for `goal_targets` (hubspot-api.md §3).
    static let aliases: [String: String] = ["goals": "goal_targets", "goal": "goal_targets"]

    /// The types that have pipelines (hubspot-api.md §6); custom objects have them too.
    static let pipelineTypeIds: Set<String> = ["0-3", "0-5", "0-136", "0-421", "0-410", "0-420", "0-123", "0-162"]

    /// Whether records of this type live in pipelines.
    var hasPipelines: Bool { isCustom || Self.pipelineTypeIds.contains(objectTypeId) }

    /// The lower-case singular names the associations API and search pseudo-properties accept.
    func matches(_ reference: String) -> Bool {
        let r = Self.aliases[reference.lowercased()] ?? reference.lowercased()
        return r == name || r == objectTypeId || r == singular || r == fullyQualifiedName?.lowercased()
    }
}
