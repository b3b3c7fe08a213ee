import HubSpotAPI
import HubshLanguage
import JSONValue

/// `props OBJECT [--match TEXT]`: an object type's properties.
struct PropsCommand: ShellCommand {
    static let signature = CommandSignature(
        ["props"], family: .discovery, summary: "List an object type's properties (name, label, type, group).",
        positionals: [object], options: [match],
        output: .values,
        examples: [Example("props contacts --match date", "the contact properties about dates", .atLeast(2, each: #""name":"#))])

    static let object = Parameter("object", "the object type", role: .objectType)
    static let match = Option("match", "only properties whose name or label contains TEXT", value: "TEXT")

    let bound: BoundCommand

    init(_ bound: BoundCommand) throws(Diagnostic) { self.bound = bound }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        var match: String?
        if let value = bound[Self.match] { match = try await context.text(value).lowercased() }
        let type = bound.objectType ?? ""
        let values: [JSONValue] = try await context.propertyDefinitions(type).compactMap { property in
            if let match, !property.name.lowercased().contains(match), !property.label.lowercased().contains(match) { return nil }
            return Self.row(property)
        }
        context.resultHint.update { $0.columns = Self.columns }
        return ValueStream(values)
    }

    /// The fields of a property's row, in order.
    static let columns = ["name", "label", "type", "fieldType", "group", "readOnly", "unique"]

    /// One property as `props` lists it.
    static func row(_ property: PropertyDefinition) -> JSONValue {
        ["name": .string(property.name), "label": .string(property.label), "type": .string(property.type),
         "fieldType": .string(property.fieldType), "group": .string(property.groupName),
         "readOnly": .bool(property.readOnlyValue), "unique": .bool(property.hasUniqueValue)]
    }
}
