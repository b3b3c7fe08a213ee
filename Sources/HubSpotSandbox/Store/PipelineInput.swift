import JSONValue

/// Reading and checking the bodies of the pipelines API (`PipelineInput`, `PipelineStageInput` and their
/// patch forms, hubspot-api.md §6) into HubSpot's `Pipeline` and `PipelineStage` JSON.
enum PipelineInput {
    /// HubSpot allows at most 100 stages per pipeline for deals, tickets and custom objects (§6).
    static let maximumStages = 100

    /// The `label` of a body, required and non-empty.
    static func label(_ body: JSONValue, of what: String) throws(HubSpotError) -> String {
        guard let label = body["label"]?.stringValue?.trimmingSpaces, !label.isEmpty else {
            throw HubSpotError.validation("A \(what) needs a non-empty label.")
        }
        return label
    }

    /// The `displayOrder` of a body; HubSpot's spec requires it, but a missing one is taken as `fallback`.
    static func displayOrder(_ body: JSONValue, fallback: Int) throws(HubSpotError) -> Int {
        guard let value = body["displayOrder"], !value.isNull else { return fallback }
        guard let order = value.intValue ?? value.stringValue.flatMap({ Int($0) }) else {
            throw HubSpotError.validation("displayOrder must be an integer.")
        }
        return order
    }

    /// Stage metadata with every value as a string (HubSpot stores them so, §6), checked for the type:
    /// deal stages need a `probability` from 0.0 to 1.0, ticket stages a `ticketState` OPEN or CLOSED.
    static func metadata(_ given: JSONObject, typeId: String) throws(HubSpotError) -> JSONObject {
        var metadata = JSONObject()
        for (key, value) in given {
            if let text = value.scalarText { metadata[key] = .string(text) }
        }
        if typeId == "0-3" {
            guard let text = metadata["probability"]?.stringValue, let probability = Double(text), (0...1).contains(probability) else {
                throw HubSpotError.validation("Deal stages need metadata.probability between 0.0 and 1.0.")
            }
            metadata["probability"] = .string(String(probability))
            // A stage at 0 % or 100 % is a closed (lost or won) stage in HubSpot; an explicit isClosed wins.
            if metadata["isClosed"] == nil { metadata["isClosed"] = .string(String(probability == 0 || probability == 1)) }
        } else if typeId == "0-5" {
            guard let state = metadata["ticketState"]?.stringValue, state == "OPEN" || state == "CLOSED" else {
                throw HubSpotError.validation("Ticket stages need metadata.ticketState OPEN or CLOSED.")
            }
        }
        return metadata
    }

    /// A `PipelineStage` object.
    static func stage(id: String, label: String, displayOrder: Int, metadata: JSONObject,
                      createdAt: Timestamp, updatedAt: Timestamp) -> JSONObject {
        ["id": .string(id), "label": .string(label), "displayOrder": .int(displayOrder), "archived": false,
         "metadata": .object(metadata), "writePermissions": "CRM_PERMISSIONS_ENFORCEMENT",
         "createdAt": .string(createdAt.iso8601), "updatedAt": .string(updatedAt.iso8601)]
    }

    /// Checks a stage list: at least one stage, at most `maximumStages`, labels unique.
    static func checkStages(_ stages: [JSONValue]) throws(HubSpotError) {
        guard !stages.isEmpty else { throw HubSpotError.validation("A pipeline needs at least one stage.") }
        guard stages.count <= maximumStages else {
            throw HubSpotError.validation("A pipeline can have at most \(maximumStages) stages.")
        }
        var seen = Set<String>()
        for stage in stages {
            let label = stage["label"]?.stringValue?.lowercased() ?? ""
            guard seen.insert(label).inserted else {
                throw HubSpotError.validation("Stage labels must be unique within a pipeline: \(stage["label"]?.stringValue ?? "") is used twice.")
            }
        }
    }

    /// Stages sorted by `displayOrder` (stable), as HubSpot lists them.
    static func sorted(_ items: [JSONValue]) -> [JSONValue] {
        items.enumerated().sorted {
            ($0.element["displayOrder"]?.intValue ?? 0, $0.offset) < ($1.element["displayOrder"]?.intValue ?? 0, $1.offset)
        }.map(\.element)
    }
}
