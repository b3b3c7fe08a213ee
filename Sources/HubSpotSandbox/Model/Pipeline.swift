import OrderedCollections

/// A pipeline of an object type as the account holds it (HubSpot's `Pipeline`, hubspot-api.md §6),
/// its stages in display order.
struct Pipeline: Sendable, Equatable, DisplayOrdered {
    var id: String
    var label: String
    var displayOrder: Int
    var createdAt: Timestamp
    var updatedAt: Timestamp
    var stages: [PipelineStage]
    /// A stored pipeline is never archived: only the answer to the patch that deletes it says so.
    var archived = false
}

/// A stage of a pipeline (HubSpot's `PipelineStage`).
struct PipelineStage: Sendable, Equatable, DisplayOrdered {
    var id: String
    var label: String
    var displayOrder: Int
    /// Every value a string, as HubSpot stores them: `probability` and `isClosed` for deal stages,
    /// `ticketState` for ticket stages.
    var metadata: OrderedDictionary<String, String>
    var createdAt: Timestamp
    var updatedAt: Timestamp
    /// Only the answer to the patch that deletes a stage says so.
    var archived = false
}

/// Pipelines and stages, listed as HubSpot lists them: by `displayOrder`, ties in the order they came.
protocol DisplayOrdered {
    var displayOrder: Int { get }
}

extension Array where Element: DisplayOrdered {
    /// The elements by display order (stable).
    var inDisplayOrder: [Element] {
        enumerated().sorted { ($0.element.displayOrder, $0.offset) < ($1.element.displayOrder, $1.offset) }.map(\.element)
    }
}
