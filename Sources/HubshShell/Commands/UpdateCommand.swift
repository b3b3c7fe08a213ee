import HubSpotAPI
import HubshLanguage

/// `update OBJECT ID PROP=VALUE…` or `… | update PROP=VALUE…`: updates records by id.
struct UpdateCommand: ShellCommand {
    static let signature = CommandSignature(
        ["update"], family: .hubspot, summary: "Update records (by id) with PROP=VALUE, or the piped records.",
        positionals: [Parameter("object", "the object type (else the pipeline's)", required: false, role: .objectType),
                      Parameter("id", "the record's id (else each piped record's id)", required: false)],
        options: RecordWrite.options, assignments: .property, input: .records, output: .records, writes: true,
        examples: [Example("search contacts where email contains acme.com | update lifecyclestage=customer", "every Acme contact becomes a customer"),
                   Example("update deals 123 dealstage=closedwon", "one deal won")])

    let write: RecordWrite

    init(_ bound: BoundCommand) throws(Diagnostic) {
        write = RecordWrite(bound: bound, verb: "update")
        _ = try write.objectType()
    }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        try await write.run(.update(objectType: try write.objectType()),
                            inputs: try await write.inputs(input, id: write.bound.positional("id"), context: context), context: context)
    }
}
