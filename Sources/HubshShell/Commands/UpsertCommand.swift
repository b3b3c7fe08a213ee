import HubSpotAPI
import HubshLanguage

/// `… | upsert OBJECT --by PROP`: creates or updates records matched on a unique property.
struct UpsertCommand: ShellCommand {
    static let signature = CommandSignature(
        ["upsert"], family: .hubspot, summary: "Create or update records matched on a unique property (--by).",
        positionals: [Parameter("object", "the object type", required: false, role: .objectType)],
        options: [by] + RecordWrite.options,
        assignments: .property, input: .records, output: .records, writes: true,
        examples: [Example("open new-leads.csv | upsert contacts --by email", "new emails are created, known ones updated", .lines(2, each: #""status":"created""#))],
        elsewhere: ["if-unchanged": "update … --if-unchanged checks records before writing; upsert cannot"])

    static let by = Option("by", "the unique property records are matched on (e.g. email)", value: "PROP", role: .property)

    let write: RecordWrite
    let key: Value

    init(_ bound: BoundCommand) throws(Diagnostic) {
        write = RecordWrite(bound: bound, verb: "upsert")
        _ = try write.objectType()
        guard let key = bound[Self.by] else {
            throw Diagnostic("upsert needs --by PROP, the unique property to match on (e.g. --by email)", at: bound.syntax.range)
        }
        self.key = key
    }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        let property = try await context.text(key)
        // The key comes from each input's properties; no separate id.
        let keyed = try await write.inputs(input, id: nil, context: context).compactMap { value in
            guard var object = value.objectValue, let key = value["properties"]?[property] else { return value }
            object["id"] = key
            return .object(object)
        }
        return try await write.run(.upsert(objectType: try write.objectType(), idProperty: property), inputs: keyed, context: context)
    }
}
