import HubSpotAPI
import HubshLanguage
import JSONValue

/// `objects`: the account's object types, standard and custom.
struct ObjectsCommand: ShellCommand {
    /// The standard object types hubsh offers (hubspot-api.md §3).
    static let standard: [(name: String, id: String)] = [
        ("contacts", "0-1"), ("companies", "0-2"), ("deals", "0-3"), ("tickets", "0-5"), ("products", "0-7"),
        ("line_items", "0-8"), ("quotes", "0-14"), ("calls", "0-48"), ("emails", "0-49"), ("meetings", "0-47"),
        ("notes", "0-46"), ("tasks", "0-27"),
    ]

    static let signature = CommandSignature(
        ["objects"], family: .discovery, summary: "List the object types: standard ones and the account's custom objects.",
        output: .values,
        examples: [Example("objects", "contacts, companies, deals, … and custom objects with their ids")])

    init(_ bound: BoundCommand) throws(Diagnostic) {}

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        var values: [JSONValue] = Self.standard.map { ["name": .string($0.name), "objectTypeId": .string($0.id), "custom": false] }
        for schema in try await context.customObjectSchemas() {
            values.append(["name": .string(schema.name), "objectTypeId": .string(schema.objectTypeId),
                           "fullyQualifiedName": .string(schema.fullyQualifiedName), "custom": true])
        }
        return ValueStream(values)
    }
}
