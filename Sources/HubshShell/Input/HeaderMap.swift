import Foundation
import HubshLanguage
import HubSpotAPI
import JSONValue

/// How the columns of a CSV file become property names of one object type, for files exported from
/// HubSpot whose header holds the properties' labels ("Email", "First Name", "Record ID"): each column
/// by `--map` when named there, else by property name, else by property label (regardless of case and
/// spacing). The record id's column becomes `id`; other read-only properties are left out (HubSpot
/// refuses to write them); a column that names no property is kept as it is, and listed.
struct HeaderMap: Sendable {
    /// The column names the map applies to, in file order, and what each becomes: a property name,
    /// `id`, or nil when left out.
    private(set) var targets: [String: String?] = [:]
    /// Columns that name no property (kept as they are; a write refuses them).
    private(set) var unmapped: [String] = []
    /// Columns left out because their property is read-only, with that property.
    private(set) var readOnly: [(column: String, property: String)] = []
    /// Columns mapped by label (or `--map`) to a different name, in file order.
    private(set) var renamed: [(column: String, property: String)] = []

    /// Why a map cannot be made.
    enum Problem: Error, Equatable {
        /// `--map COLUMN=…` names a column the header does not have.
        case noSuchColumn(String, suggestion: String?)
        /// `--map …=PROP` names a property the object type does not have.
        case noSuchProperty(String, suggestion: String?)
        /// No column names a property that can be written, nor the id.
        case nothingMapped
    }

    /// A map of `header` onto `definitions`, with `overrides` (column → property) first.
    init(header: [String], definitions: [PropertyDefinition], overrides: [(column: String, property: String)] = []) throws(Problem) {
        let byName = Dictionary(definitions.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var byLowerName: [String: PropertyDefinition] = [:]
        var byLabel: [String: PropertyDefinition] = [:]
        for definition in definitions {
            if byLowerName[definition.name.lowercased()] == nil { byLowerName[definition.name.lowercased()] = definition }
            let label = Self.simplified(definition.label)
            // A label two properties share goes to the one that can be written (else the first).
            if let held = byLabel[label], !held.readOnlyValue || definition.readOnlyValue { continue }
            byLabel[label] = definition
        }
        var chosen: [String: String] = [:]
        for (column, property) in overrides {
            guard let match = header.first(where: { Self.simplified($0) == Self.simplified(column) }) else {
                throw .noSuchColumn(column, suggestion: Suggest.didYouMean(column, in: header.filter { !$0.isEmpty }))
            }
            guard property == "id" || byName[property] != nil else {
                throw .noSuchProperty(property, suggestion: Suggest.didYouMeanName(property, in: definitions.map(\.name)))
            }
            chosen[match] = property
        }
        var writable = 0
        for column in header where !column.isEmpty && targets[column] == nil {
            let definition = chosen[column].flatMap { byName[$0] } ?? (chosen[column] == nil
                ? byName[column] ?? byLowerName[column.lowercased()] ?? byLabel[Self.simplified(column)] : nil)
            var target: String?
            if chosen[column] == "id" || (chosen[column] == nil && column.lowercased() == "id") || definition?.name == Self.recordId {
                target = "id"
            } else if let definition {
                if definition.readOnlyValue {
                    readOnly.append((column, definition.name))
                    targets[column] = .some(nil)
                    continue
                }
                target = definition.name
            } else {
                unmapped.append(column)
                targets[column] = .some(column)
                continue
            }
            writable += 1
            targets[column] = .some(target)
            if let target, target != column { renamed.append((column, target)) }
        }
        guard writable > 0 else { throw .nothingMapped }
    }

    /// The record id's property, whose column is the record's `id`.
    static let recordId = "hs_object_id"

    /// A row with its columns renamed to properties, read-only ones left out.
    func apply(_ row: JSONValue) -> JSONValue {
        guard let object = row.objectValue else { return row }
        var mapped: JSONObject = [:]
        for (column, value) in object {
            switch targets[column] {
            case .some(.some(let name)): mapped[name] = value
            case .some(.none): continue
            case .none: mapped[column] = value
            }
        }
        return .object(mapped)
    }

    /// A label or column as compared: lower case, runs of spaces as one, trimmed.
    static func simplified(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// `--map` text: `COLUMN=PROP` pairs, comma-separated; nil for a pair without `=`.
    static func overrides(_ text: String) -> [(column: String, property: String)]? {
        var pairs: [(column: String, property: String)] = []
        for part in text.split(separator: ",") {
            guard let equals = part.firstIndex(of: "=") else { return nil }
            let column = part[..<equals].trimmingCharacters(in: .whitespaces)
            let property = part[part.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard !column.isEmpty, !property.isEmpty else { return nil }
            pairs.append((column, property))
        }
        return pairs
    }
}
