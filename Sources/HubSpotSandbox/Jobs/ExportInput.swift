/// What an export asks for (`PublicExportRequest`, a VIEW export to CSV), decoded by the route: the
/// object type as given, the properties to write, and the filters (ANDed) its records must match.
struct ExportInput: Sendable {
    let objectType: String
    let objectProperties: [String]
    /// Parsed by the search's own parser: one group, or none for every record.
    let filterGroups: [[SearchFilter]]
}
