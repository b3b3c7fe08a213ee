import HubSpotAPI
import HubshLanguage
import JSONValue

/// `objects`: the account's object types, standard and custom.
struct ObjectsCommand: ShellCommand {
    static let signature = CommandSignature(
        ["objects"], family: .discovery, summary: "List the object types: standard ones and the account's custom objects.",
        output: .values,
        examples: [Example("objects", "contacts, companies, deals, … and custom objects with their ids", .containing(#"{"name":"contacts","objectTypeId":"0-1","custom":false}"#))])

    init(_ bound: BoundCommand) throws(Diagnostic) {}

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        var values: [JSONValue] = StandardObjectType.all.map { ["name": .string($0.name), "objectTypeId": .string($0.objectTypeId), "custom": false] }
        for schema in try await context.customObjectSchemas() {
            values.append(["name": .string(schema.name), "objectTypeId": .string(schema.objectTypeId),
                           "fullyQualifiedName": .string(schema.fullyQualifiedName), "custom": true])
        }
        return ValueStream(values)
    }
}
