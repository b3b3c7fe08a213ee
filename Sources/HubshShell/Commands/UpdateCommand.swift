import HubSpotAPI
import HubshLanguage

/// `update OBJECT ID PROP=VALUE…` or `… | update PROP=VALUE…`: updates records by id.
struct UpdateCommand: ShellCommand {
    static let signature = CommandSignature(
        ["update"], family: .hubspot, summary: "Update records (by id) with PROP=VALUE, or the piped records.",
        positionals: [object, id],
        options: RecordWrite.options + [RecordWrite.ifUnchangedOption], assignments: .property, input: .records, output: .records, writes: true,
        examples: [Example("search contacts where email contains helixanalytics.net | update lifecyclestage=customer", "every Helix Analytics contact becomes a customer", .lines(6, each: #""id":"#)),
                   Example("update deals 10000002413 dealstage=closedwon", "one deal won", .lines(1, each: #""id":"10000002413""#, #""dealstage":"closedwon""#)),
                   Example("search deals where dealstage = appointmentscheduled | update dealstage=qualifiedtobuy --if-unchanged",
                           "deals someone edited since the search are skipped, not overwritten", .atLeast(1, each: #""status":"#))])

    static let object = Parameter("object", "the object type (else the pipeline's)", required: false, role: .objectType)
    static let id = Parameter("id", "the record's id (else each piped record's id)", required: false)

    let write: RecordWrite

    init(_ bound: BoundCommand) throws(Diagnostic) {
        write = try RecordWrite.checked(bound, verb: "update")
        if bound.has(RecordWrite.ifUnchangedOption), !bound.hasUpstream {
            throw Diagnostic("--if-unchanged compares piped records with what they hold now: pipe them from search or get (search … | update … --if-unchanged)",
                             at: bound.syntax.range)
        }
    }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        try await write.run(.update(objectType: try write.objectType()),
                            inputs: try await write.inputs(input, id: write.bound[Self.id], context: context), context: context)
    }
}
