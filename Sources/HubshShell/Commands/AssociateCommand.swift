import HubSpotAPI
import HubshLanguage
import JSONValue

/// `associate FROMTYPE FROMID TOTYPE TOID`, or `… | associate TOTYPE TOID` (each piped record to one
/// record), or `… | associate TOTYPE` (each piped value's `id` to its `toId`): unlabeled associations,
/// or with `--label` the labels named (the unlabeled type comes with them), through the bulk writer,
/// one result `{status, id, toId, error?}` per pair.
struct AssociateCommand: ShellCommand {
    static let signature = CommandSignature(
        ["associate"], family: .hubspot, summary: "Associate records (unlabeled or with labels), by id or each piped record with one record.",
        positionals: [Parameter("object", "the type of the records to associate from (piped: the type to associate to)", required: false, role: .objectType),
                      Parameter("id", "the record to associate from (piped: the record to associate to)", required: false),
                      Parameter("totype", "the type of the record to associate to", required: false, role: .objectType),
                      Parameter("toid", "the record to associate to", required: false)],
        forms: [Form(piped: true, [toType, toId]), Form([fromType, fromId, toType, toId])],
        options: [AssociationLabelNames.option, dryRun,
                  RecordWrite.concurrencyOption, RecordWrite.noJournalOption],
        input: .records, output: .records, writes: true,
        examples: [Example("associate contacts 10000002090 companies 10000000270", "a contact joins a company", .lines(#"{"status":"associated","id":"10000002090","toId":"10000000270"}"#)),
                   Example("search contacts where email contains helixanalytics.net | associate companies 10000000202", "every Helix Analytics contact joins one company", .lines(6, each: #""status":"associated""#, #""toId":"10000000202""#))])

    /// `--dry-run`, for associate and unassociate.
    static let dryRun = Option("dry-run", "show what would be sent and send nothing")

    // What its positionals are, by form (the help's list above says them for people).
    static let fromType = Parameter("object", "the type of the records to associate from", role: .objectType)
    static let fromId = Parameter("id", "the record to associate from")
    static let toType = Parameter("totype", "the type of the record to associate to", role: .objectType)
    static let toId = Parameter("toid", "the record to associate to", required: false)

    let write: AssociationWrite

    init(_ bound: BoundCommand) throws(Diagnostic) {
        if bound[Self.fromId] == nil, let toType = bound[Self.toType], let from = bound.objectInContext {
            // Piped: each record to TOTYPE TOID (or to each value's own toId).
            write = AssociationWrite(bound: bound, fromType: from, fromId: nil, toType: toType, toId: bound[Self.toId])
        } else if let from = bound[Self.fromType]?.literalText, let fromId = bound[Self.fromId], let toType = bound[Self.toType],
                  let toId = bound[Self.toId] {
            write = AssociationWrite(bound: bound, fromType: from, fromId: fromId, toType: toType, toId: toId)
        } else {
            throw Diagnostic("associate needs FROMTYPE FROMID TOTYPE TOID, or records piped in and TOTYPE TOID (usage: \(Self.signature.usage))",
                             at: bound.syntax.range)
        }
    }

    /// Its results carry the ids of the records associated from.
    static func objectType(of bound: BoundCommand, in context: ShellContext) async -> String? {
        bound.hasUpstream ? bound.objectInContext : bound.objectType
    }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        let (toType, toId) = try await write.targets(in: context)
        var values = input
        if let fromId = write.fromId { values = ValueStream([["id": .string(try await context.text(fromId))]]) }
        let fromType = write.fromType
        return try await write.run(AssociationWrite.pairs(values, idFields: ["id"], toId: toId), toType: toType, context: context,
                                   done: "associated") { .associate(fromType: fromType, toType: toType, types: $0) }
    }
}

/// Bulk association results as `{status: "associated"|"unassociated"|"failed", id, toId, error?}`.
struct AssociationResults<Results: AsyncSequence & Sendable>: AsyncSequence, Sendable where Results.Element == BulkResult {
    let results: Results
    let tally: StatementTally
    /// The status of a pair written.
    let done: String

    func makeAsyncIterator() -> Iterator { Iterator(base: results.makeAsyncIterator(), tally: tally, done: done) }

    struct Iterator: AsyncIteratorProtocol {
        var base: Results.AsyncIterator
        let tally: StatementTally
        let done: String

        mutating func next() async throws -> JSONValue? {
            guard let result = try await base.next() else { return nil }
            await tally.record(succeeded: result.succeeded)
            var value: JSONObject = ["status": .string(result.succeeded ? done : "failed"),
                                     "id": .string(result.input.id ?? ""), "toId": .string(result.input.toId ?? "")]
            if let error = result.error { value["error"] = .string(error.summary) }
            if let note = result.note { value["note"] = .string(note) }
            return .object(value)
        }
    }
}
