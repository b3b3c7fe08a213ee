import HubSpotAPI
import HubshLanguage

/// The association labels `--label` names, resolved to the type ids of one object pair through
/// HubSpot's labels endpoint (hubspot-api.md §5.2), before anything is written.
enum AssociationLabelNames {
    /// The `--label` option every association command takes: one label, or several comma-separated.
    static let option = Option("label", "the association label (several: comma-separated); needs a v4 or date-versioned connection",
                               value: "NAME", role: .associationLabel)

    /// The names in `--label` (comma-separated, trimmed, empty ones dropped).
    static func names(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The types `names` stand for from `fromType` to `toType`: matched on the label regardless of
    /// case, or given as a type id. A v3 connection, or a name the pair does not have, is a diagnostic at `range`.
    static func specs(_ names: [String], from fromType: String, to toType: String, client: HubSpotClient,
                      at range: SourceRange) async throws -> [AssociationSpec] {
        guard client.version.hasLabelledAssociations else {
            throw Diagnostic("--label: labels need v4; this connection uses v3 associations (connection add … --api v4)", at: range)
        }
        let defined = try await client.associationLabels(fromType, toType)
        let labelled = defined.filter { $0.label != nil }
        return try names.map { name throws(Diagnostic) in
            if let match = labelled.first(where: { $0.label?.lowercased() == name.lowercased() }) { return match.spec }
            if let id = Int(name), let match = defined.first(where: { $0.typeId == id }) { return match.spec }
            let known = labelled.compactMap(\.label)
            let listed = known.isEmpty ? "it has none" : "its labels: " + known.joined(separator: ", ")
            throw Diagnostic("unknown label '\(name)' from \(fromType) to \(toType); \(listed)", at: range,
                             suggestion: Suggest.didYouMean(name, in: known))
        }
    }
}
