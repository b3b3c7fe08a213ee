import HubSpotAPI
import HubshLanguage
import JSONValue

/// `describe OBJECT PROP`: one property's definition, with its options; `describe OBJECT`: the
/// object type's properties (as `props` lists them).
struct DescribeCommand: ShellCommand {
    static let signature = CommandSignature(
        ["describe"], family: .discovery, summary: "Show one property: its type, field type, options and rules (or an object's properties).",
        positionals: [object, property],
        output: .values,
        examples: [Example("describe contacts lifecyclestage", "the lifecycle stages a contact can take", .lines(1, each: #""name":"lifecyclestage","label":"Lifecycle Stage","type":"enumeration""#)),
                   Example("describe deals", "the deal properties: name, label, type, group", .atLeast(5, each: #""name":"#, #""type":"#))])

    static let object = Parameter("object", "the object type", role: .objectType)
    static let property = Parameter("property", "the property's name (none: every property of the object)", required: false, role: .property)

    let bound: BoundCommand

    init(_ bound: BoundCommand) throws(Diagnostic) { self.bound = bound }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        let type = bound.objectType ?? ""
        guard let named = bound[Self.property] else {
            let rows = try await context.propertyDefinitions(type).map(PropsCommand.row)
            context.resultHint.update { $0.columns = PropsCommand.columns }
            return ValueStream(rows)
        }
        let name = try await context.text(named)
        var definitions = try await context.propertyDefinitions(type)
        // A property made since the cache was filled is fetched before it is called missing.
        if !definitions.contains(where: { $0.name == name }) { definitions = try await context.propertyDefinitions(type, fresh: true) }
        guard let property = definitions.first(where: { $0.name == name }) else {
            throw Diagnostic("\(type) has no property \(name)", at: named.range,
                             suggestion: Suggest.didYouMean(name, in: definitions.map(\.name)))
        }
        var record = property.json
        // The zone a day typed for this property is read in (docs/shell.md, "Values people type").
        if property.type == "datetime" {
            record["timeZone"] = .string(await context.portalTimeZone().name)
        } else if property.type == "date" {
            record["timeZone"] = "UTC"
        }
        let value = JSONValue.object(record)
        context.hintReport(.property(property, objectType: type, timeZone: record["timeZone"]?.stringValue), values: [value])
        return ValueStream([value])
    }
}
