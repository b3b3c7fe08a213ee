import HubSpotAPI
import HubshLanguage

/// What values typed for an object type's properties are checked and mapped against: the property
/// definitions (types, options and their labels) and, when a value needs them, the account's owners,
/// the type's pipelines and the account's time zone. All come from the schema cache.
struct ValueFacts: Sendable {
    /// The object type, as written (for messages).
    var objectType: String
    var definitions: [String: PropertyDefinition]
    /// The account's owners; nil when they are not known (not needed, or not readable).
    var owners: [Owner]?
    /// Why the owners could not be read, when they could not.
    var ownersProblem: String?
    /// The object type's pipelines; nil when not known (not needed, or the type has none).
    var pipelines: [HubSpotAPI.Pipeline]?
    /// The zone dates typed for date-time properties are read in.
    var zone: PortalTimeZone = .utc

    init(objectType: String, definitions: [PropertyDefinition]) {
        self.objectType = objectType
        self.definitions = Dictionary(definitions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The property holding a record's pipeline: `pipeline` for deals, `hs_pipeline` for the rest.
    var pipelineProperty: String {
        PropertyDefinition.PipelineRole.pipelineProperty(besideStage: definitions["dealstage"] != nil ? "dealstage" : "hs_pipeline_stage")
    }

    /// Whether `definition` holds a pipeline stage (`dealstage`, `hs_pipeline_stage`).
    func isStage(_ definition: PropertyDefinition) -> Bool { definition.pipelineRole == .stage }

    /// Whether `definition` holds this type's pipeline (`pipeline` of deals, `hs_pipeline`).
    func isPipeline(_ definition: PropertyDefinition) -> Bool { definition.name == pipelineProperty }

    /// What a typed value needs beyond the definitions: owners, pipelines, the time zone.
    func needs(_ text: String, for definition: PropertyDefinition) -> (owners: Bool, pipelines: Bool, zone: Bool) {
        if definition.refersToOwners { return (true, false, false) }
        if isStage(definition) || isPipeline(definition) {
            return (false, !definition.options.contains { $0.value == text }, false)
        }
        if definition.type == "datetime" {
            // Epoch milliseconds and moments with a zone need none; a day, a wall-clock time or a
            // refusal (which names the zone) do.
            if case .moment? = DateText(text) { return (false, false, false) }
            return (false, false, true)
        }
        return (false, false, false)
    }
}

/// A value typed for a property, as HubSpot takes it.
enum TypedValue: Equatable {
    /// The text to send.
    case text(String)
    /// A day typed for a date-time property: its first and last millisecond in the account's zone.
    case day(first: Int64, last: Int64)
}

/// Why a typed value is refused: one line, a "did you mean", whether facts fetched afresh might know
/// it (an option, a stage or an owner added today), and where the value is written.
struct ValueProblem: Error {
    var message: String
    var suggestion: String?
    var mayBeNew = false
    var range = SourceRange.at(0)

    /// The problem as a diagnostic pointing at the value.
    var diagnostic: Diagnostic { Diagnostic(message, at: range, suggestion: suggestion) }

    /// The problem, placed at `range`.
    func at(_ range: SourceRange) -> ValueProblem {
        var placed = self
        placed.range = range
        return placed
    }
}
