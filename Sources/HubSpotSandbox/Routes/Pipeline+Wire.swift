import JSONValue
import OrderedCollections

// The pipelines API's JSON (hubspot-api.md §6): answers encoded from the typed pipelines, bodies
// decoded into `PipelineBody` and `StageBody`. State files keep pipelines in the same JSON.

extension Pipeline {
    /// HubSpot's `Pipeline` JSON.
    var json: JSONValue {
        ["id": .string(id), "label": .string(label), "displayOrder": .int(displayOrder), "archived": .bool(archived),
         "createdAt": .string(createdAt.iso8601), "updatedAt": .string(updatedAt.iso8601),
         "stages": .array(stages.map(\.json))]
    }

    /// A pipeline saved as `json`; nil when a field is missing.
    init?(json: JSONValue) {
        guard let id = json["id"]?.stringValue, let label = json["label"]?.stringValue,
              let created = json["createdAt"]?.stringValue.flatMap(Timestamp.init(parsing:)),
              let updated = json["updatedAt"]?.stringValue.flatMap(Timestamp.init(parsing:)) else { return nil }
        let stages = (json["stages"]?.arrayValue ?? []).compactMap(PipelineStage.init(json:))
        self.init(id: id, label: label, displayOrder: json["displayOrder"]?.intValue ?? 0, createdAt: created, updatedAt: updated, stages: stages)
    }
}

extension PipelineStage {
    /// HubSpot's `PipelineStage` JSON.
    var json: JSONValue {
        ["id": .string(id), "label": .string(label), "displayOrder": .int(displayOrder), "archived": .bool(archived),
         "metadata": .object(JSONObject(uniqueKeysWithValues: metadata.map { ($0.key, .string($0.value)) })),
         "writePermissions": "CRM_PERMISSIONS_ENFORCEMENT",
         "createdAt": .string(createdAt.iso8601), "updatedAt": .string(updatedAt.iso8601)]
    }

    /// A stage saved as `json`; nil when a field is missing.
    init?(json: JSONValue) {
        guard let id = json["id"]?.stringValue, let label = json["label"]?.stringValue,
              let created = json["createdAt"]?.stringValue.flatMap(Timestamp.init(parsing:)),
              let updated = json["updatedAt"]?.stringValue.flatMap(Timestamp.init(parsing:)) else { return nil }
        self.init(id: id, label: label, displayOrder: json["displayOrder"]?.intValue ?? 0,
                  metadata: StageBody.strings(json["metadata"]), createdAt: created, updatedAt: updated)
    }
}

/// A pipeline body: `PipelineInput` (create, replace) or its patch form, with the stages of a create or
/// replace. What each request requires of it is the store's to check.
struct PipelineBody: Sendable {
    /// The label as given (trimmed), empty when given empty; nil when absent.
    var label: String?
    var displayOrder: Int?
    /// A patch's `archived: true`, which deletes the pipeline.
    var archived: Bool
    var stages: [StageBody]

    init(_ body: JSONValue) throws(HubSpotError) {
        label = StageBody.label(body)
        displayOrder = try StageBody.displayOrder(body)
        archived = body["archived"]?.boolValue == true
        var stages: [StageBody] = []
        for stage in body["stages"]?.arrayValue ?? [] { stages.append(try StageBody(stage)) }
        self.stages = stages
    }
}

/// A stage body: `PipelineStageInput`, its patch form, or a stage of a pipeline body.
struct StageBody: Sendable {
    /// An existing stage's id (`id`, or `stageId` as some clients send it), for a replace to keep it.
    var id: String?
    /// The label as given (trimmed), empty when given empty; nil when absent.
    var label: String?
    var displayOrder: Int?
    /// Metadata given, each value as its text (HubSpot stores strings); nil when absent.
    var metadata: OrderedDictionary<String, String>?
    /// A patch's `archived: true`, which deletes the stage.
    var archived: Bool

    init(_ body: JSONValue) throws(HubSpotError) {
        id = body["id"]?.scalarText ?? body["stageId"]?.scalarText
        label = Self.label(body)
        displayOrder = try Self.displayOrder(body)
        metadata = body["metadata"].map(Self.strings)
        archived = body["archived"]?.boolValue == true
    }

    /// `label` trimmed; a label that is not a string counts as empty.
    static func label(_ body: JSONValue) -> String? {
        guard let value = body["label"], !value.isNull else { return nil }
        return value.stringValue?.trimmingSpaces ?? ""
    }

    /// `displayOrder` as a number or numeric text; HubSpot's spec requires it, but the store falls back
    /// when it is missing.
    static func displayOrder(_ body: JSONValue) throws(HubSpotError) -> Int? {
        guard let value = body["displayOrder"], !value.isNull else { return nil }
        guard let order = value.intValue ?? value.stringValue.flatMap({ Int($0) }) else {
            throw HubSpotError.validation("displayOrder must be an integer.")
        }
        return order
    }

    /// An object's scalar members as text (others are dropped).
    static func strings(_ value: JSONValue?) -> OrderedDictionary<String, String> {
        var strings = OrderedDictionary<String, String>()
        for (key, member) in value?.objectValue ?? [:] {
            if let text = member.scalarText { strings[key] = text }
        }
        return strings
    }
}

/// The pipelines API's audit entries (`PublicAuditInfo`). The emulator keeps no change log: a `CREATE`
/// entry, and an `UPDATE` entry when the object changed since, each with the object as it is now.
enum PipelineAudit {
    static func entries(for object: JSONValue, portalId: Int) -> JSONValue {
        let created = object["createdAt"] ?? .null
        let updated = object["updatedAt"] ?? .null
        func entry(_ action: String, _ timestamp: JSONValue) -> JSONValue {
            ["portalId": .int(portalId), "identifier": object["id"] ?? .null, "action": .string(action),
             "timestamp": timestamp, "message": .string("\(action == "CREATE" ? "Created" : "Updated") \(object["label"]?.stringValue ?? "")"),
             "rawObject": object]
        }
        return ["results": .array(updated == created ? [entry("CREATE", created)] : [entry("UPDATE", updated), entry("CREATE", created)])]
    }
}
