/// The HubSpot API version a connection speaks. It picks the paths of every endpoint
/// (hubspot-api.md §9): `v3` and `v4` differ only in how associations are read and written; the
/// date versions (`2026-03`, `2026-09`) move every path under `/{api}/{YYYY-MM}/…` and use v4-style
/// associations.
public enum APIVersion: Sendable, Hashable, CustomStringConvertible {
    case v3
    case v4
    /// A date version such as `2026-03`.
    case dated(String)

    /// The versions hubsh knows, in the order a person would pick them.
    public static let known: [APIVersion] = [.v3, .v4, .dated("2026-03"), .dated("2026-09")]

    /// Reads `v3`, `v4` or a `YYYY-MM` date version (March or September, from 2026-03 on).
    public init?(_ text: String) {
        switch text.lowercased() {
        case "v3": self = .v3
        case "v4": self = .v4
        default:
            let parts = text.split(separator: "-")
            guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
                let year = Int(parts[0]), let month = Int(parts[1]), month == 3 || month == 9,
                year > 2026 || (year == 2026 && month >= 3)
            else { return nil }
            self = .dated(text)
        }
    }

    public var description: String {
        switch self {
        case .v3: "v3"
        case .v4: "v4"
        case .dated(let date): date
        }
    }

    /// Whether associations carry labels and numeric type ids (v4 and every date version).
    public var hasLabelledAssociations: Bool { self != .v3 }

    /// `/crm/v3/objects` or `/crm/objects/{date}`.
    var objects: String { dated.map { "/crm/objects/\($0)" } ?? "/crm/v3/objects" }
    /// `/crm/v3/properties` or `/crm/properties/{date}`.
    var properties: String { dated.map { "/crm/properties/\($0)" } ?? "/crm/v3/properties" }
    /// `/crm/v3/owners` or `/crm/owners/{date}`.
    var owners: String { dated.map { "/crm/owners/\($0)" } ?? "/crm/v3/owners" }
    /// `/crm/v3/pipelines` or `/crm/pipelines/{date}`.
    var pipelines: String { dated.map { "/crm/pipelines/\($0)" } ?? "/crm/v3/pipelines" }
    /// `/crm-object-schemas/v3/schemas` or `/crm-object-schemas/{date}/schemas`.
    var schemas: String { "/crm-object-schemas/\(dated ?? "v3")/schemas" }
    /// `/account-info/v3` or `/account-info/{date}`.
    var accountInfo: String { "/account-info/\(dated ?? "v3")" }
    /// Record-level associations: `/crm/v4/objects` or `/crm/objects/{date}` (v3 has none).
    var recordAssociations: String { dated.map { "/crm/objects/\($0)" } ?? "/crm/v4/objects" }
    /// The Imports API: `/crm/v3/imports`, or `/crm/imports/{date}`.
    var imports: String { dated.map { "/crm/imports/\($0)" } ?? "/crm/v3/imports" }
    /// The Exports API's async calls: `/crm/v3/exports/export/async`, or `/crm/exports/{date}/export/async`.
    var exports: String { dated.map { "/crm/exports/\($0)/export/async" } ?? "/crm/v3/exports/export/async" }
    /// Batch associations and labels: `/crm/v3/associations`, `/crm/v4/associations` or `/crm/associations/{date}`.
    var associations: String {
        switch self {
        case .v3: "/crm/v3/associations"
        case .v4: "/crm/v4/associations"
        case .dated(let date): "/crm/associations/\(date)"
        }
    }

    private var dated: String? {
        if case .dated(let date) = self { return date }
        return nil
    }
}
