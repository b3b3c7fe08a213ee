import HubSpotAPI
import HubshLanguage

/// `create OBJECT PROP=VALUE…` or `… | create OBJECT`: creates records through the bulk writer.
struct CreateCommand: ShellCommand {
    static let signature = CommandSignature(
        ["create"], family: .hubspot, summary: "Create records from PROP=VALUE arguments or from the piped records.",
        positionals: [Parameter("object", "the object type", required: false, role: .objectType)],
        options: RecordWrite.options, assignments: .property, input: .records, output: .records, writes: true,
        examples: [Example("create contacts email=ann@example.com firstname=Ann", "one new contact", .lines(1, each: #"{"status":"created""#, #""email":"ann@example.com""#)),
                   Example("open new-leads.csv | create contacts lifecyclestage=lead", "a contact per CSV row, each a lead", .lines(2, each: #""status":"created""#, #""lifecyclestage":"lead""#))])

    let write: RecordWrite

    init(_ bound: BoundCommand) throws(Diagnostic) {
        write = try RecordWrite.checked(bound, verb: "create")
    }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        let type = try write.objectType()
        // A create whose answer was lost can be checked by the type's unique property (contacts: email).
        let unique = StandardObjectType.named(type)?.uniqueProperty
        return try await write.run(.create(objectType: type, uniqueProperty: unique),
                                   inputs: try await write.inputs(input, id: nil, context: context), context: context)
    }
}
