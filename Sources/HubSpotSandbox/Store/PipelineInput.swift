import OrderedCollections

/// What the pipelines API requires of the bodies it is sent (hubspot-api.md §6), checked on their typed
/// form (`PipelineBody`, `StageBody`).
enum PipelineInput {
    /// HubSpot allows at most 100 stages per pipeline for deals, tickets and custom objects (§6).
    static let maximumStages = 100

    /// A required label: given and not empty.
    static func label(_ label: String?, of what: String) throws(HubSpotError) -> String {
        guard let label, !label.isEmpty else { throw HubSpotError.validation("A \(what) needs a non-empty label.") }
        return label
    }

    /// Stage metadata checked for the type: deal stages need a `probability` from 0.0 to 1.0 (and are
    /// closed at 0 % and 100 % unless `isClosed` says otherwise), ticket stages a `ticketState` OPEN or CLOSED.
    static func metadata(_ given: OrderedDictionary<String, String>, typeId: String) throws(HubSpotError) -> OrderedDictionary<String, String> {
        var metadata = given
        if typeId == "0-3" {
            guard let text = metadata["probability"], let probability = Double(text), (0...1).contains(probability) else {
                throw HubSpotError.validation("Deal stages need metadata.probability between 0.0 and 1.0.")
            }
            metadata["probability"] = String(probability)
            if metadata["isClosed"] == nil { metadata["isClosed"] = String(probability == 0 || probability == 1) }
        } else if typeId == "0-5" {
            guard let state = metadata["ticketState"], state == "OPEN" || state == "CLOSED" else {
                throw HubSpotError.validation("Ticket stages need metadata.ticketState OPEN or CLOSED.")
            }
        }
        return metadata
    }

    /// Checks a stage list: at least one stage, at most `maximumStages`, labels unique.
    static func checkStages(_ stages: [PipelineStage]) throws(HubSpotError) {
        guard !stages.isEmpty else { throw HubSpotError.validation("A pipeline needs at least one stage.") }
        guard stages.count <= maximumStages else {
            throw HubSpotError.validation("A pipeline can have at most \(maximumStages) stages.")
        }
        var seen = Set<String>()
        for stage in stages where !seen.insert(stage.label.lowercased()).inserted {
            throw HubSpotError.validation("Stage labels must be unique within a pipeline: \(stage.label) is used twice.")
        }
    }
}
