import HubSpotAPI
import HubshLanguage
import JSONValue

/// What the aggregating commands know of the properties they read, from the schema cache: each
/// property's HubSpot type (so numbers add as numbers and dates order as dates) and, for the property
/// that makes the groups, the labels of its values (an option's label, a pipeline's or a stage's, an
/// owner's name). Without an object type (a file's values) or a connection, nothing is known.
struct AggregateFacts: Sendable {
    /// HubSpot types by property name.
    var types: [String: String] = [:]
    /// Labels by value of the grouping property; nil when it has none.
    var labels: [String: String]?
    /// The object type, for messages.
    var objectType: String?

    /// The facts of `objectType` for `key` (the grouping property) and the measured properties.
    static func load(_ objectType: String?, key: String?, in context: ShellContext) async -> AggregateFacts {
        guard let objectType, await context.session.connectionName != nil,
              let definitions = try? await context.propertyDefinitions(objectType) else { return AggregateFacts() }
        var facts = AggregateFacts(objectType: objectType)
        for definition in definitions { facts.types[definition.name] = definition.type }
        guard let key, let definition = definitions.first(where: { $0.name == key }) else { return facts }
        var labels: [String: String] = [:]
        for option in definition.options { labels[option.value] = option.label }
        if definition.refersToOwners, let owners = try? await context.owners() {
            for owner in owners { labels[owner.id] = owner.displayName }
        }
        if let role = definition.pipelineRole, let pipelines = try? await context.pipelines(objectType) {
            for pipeline in pipelines {
                switch role {
                case .pipeline: labels[pipeline.id] = pipeline.label
                case .stage: for stage in pipeline.stages { labels[stage.id] = stage.label }
                }
            }
        }
        if !labels.isEmpty || definition.type == "enumeration" { facts.labels = labels }
        return facts
    }

    /// How values of `property` add and order.
    func kind(of property: String) -> Aggregator.ValueKind {
        Aggregator.ValueKind(hubSpotType: types[property])
    }

    /// The label of a value of the grouping property: a multi-select's values each labelled, joined
    /// with `; `; nil when no value of it has a label.
    func label(of value: String) -> String? {
        guard let labels else { return nil }
        if let label = labels[value] { return label }
        let parts = value.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1, parts.contains(where: { labels[$0] != nil }) else { return nil }
        return parts.map { labels[$0] ?? $0 }.joined(separator: "; ")
    }

    /// The measures with their kinds, refusing a sum or average of a property whose type is not a
    /// number (at the option that asked for it).
    func measures(_ asked: [(Aggregator.Function, String, SourceRange)]) throws(Diagnostic) -> [Aggregator.Measure] {
        var measures: [Aggregator.Measure] = []
        for (function, property, range) in asked {
            let kind = kind(of: property)
            if function == .sum || function == .avg, kind == .date || kind == .text, let type = types[property] {
                throw Diagnostic("\(function.rawValue) takes numbers, and \(property) is a\(type.first.map { "aeiou".contains($0) } == true ? "n" : "") \(type) property of \(objectType ?? "these records")",
                                 at: range, suggestion: "min and max take it")
            }
            measures.append(Aggregator.Measure(function: function, property: property, kind: kind))
        }
        return measures
    }
}
