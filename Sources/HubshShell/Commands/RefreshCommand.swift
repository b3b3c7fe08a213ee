import HubSpotAPI
import HubshLanguage
import JSONValue

/// `refresh [OBJECT…]`: fetches the schema facts hubsh keeps for the current connection again (the
/// owners, pipelines and time zone when next needed).
struct RefreshCommand: ShellCommand {
    static let signature = CommandSignature(
        ["refresh"], family: .discovery,
        summary: "Fetch the object types and properties hubsh keeps for completion and checks again (all, or OBJECT's).",
        positionals: [objects],
        output: .values,
        examples: [Example("refresh", "after adding a property or a custom object in HubSpot", .lines(1, each: #"{"schema":"object types""#)),
                   Example("refresh contacts", "only the contact properties", .lines(#"{"schema":"contacts properties","count":50}"#))])

    static let objects = Parameter("object", "the object types whose properties to fetch (else every one kept)", required: false,
                                    repeats: true, role: .objectType)

    let bound: BoundCommand

    init(_ bound: BoundCommand) throws(Diagnostic) { self.bound = bound }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        var types: [String] = []
        for value in bound.values(Self.objects) { types.append(try await context.text(value)) }
        var values: [JSONValue] = []
        // Owners, pipelines and the time zone are read again when a value next needs them.
        await context.forgetValueFacts()
        if types.isEmpty {
            let custom = try await context.customObjectSchemas(fresh: true)
            values.append(["schema": "object types", "count": .int(StandardObjectType.all.count + custom.count)])
            types = await context.cachedObjectTypes()
        }
        for type in types {
            let definitions = try await context.propertyDefinitions(type, fresh: true)
            values.append(["schema": .string("\(type) properties"), "count": .int(definitions.count)])
        }
        return ValueStream(values)
    }
}
