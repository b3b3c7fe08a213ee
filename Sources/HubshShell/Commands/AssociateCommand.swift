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

    let bound: BoundCommand
    let fromType: String
    let toType: Value
    /// The one record to associate to; nil when each piped value names its own (`toId`).
    let toId: Value?
    /// The one record to associate from; nil when piped.
    let fromId: Value?

    init(_ bound: BoundCommand) throws(Diagnostic) {
        self.bound = bound
        if bound[Self.fromId] == nil, let toType = bound[Self.toType], let from = bound.objectInContext {
            // Piped: each record to TOTYPE TOID (or to each value's own toId).
            fromType = from
            self.toType = toType
            toId = bound[Self.toId]
            fromId = nil
        } else if let from = bound[Self.fromType]?.literalText, let fromId = bound[Self.fromId], let toType = bound[Self.toType],
                  let toId = bound[Self.toId] {
            fromType = from
            self.fromId = fromId
            self.toType = toType
            self.toId = toId
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
        let toType = try await context.text(self.toType)
        var given: String?
        if let toId { given = try await context.text(toId) }
        let fixedTo = given
        let pairs: ValueStream
        if let fromId {
            pairs = ValueStream([["id": .string(try await context.text(fromId)), "toId": .string(fixedTo ?? "")]])
        } else {
            pairs = input.compactMap { value in
                let id = value["id"]?.scalarText ?? value.stringValue ?? ""
                let to = fixedTo ?? value["toId"]?.scalarText ?? ""
                return ["id": .string(id), "toId": .string(to)]
            }
        }
        let settings = await context.session.settings
        let concurrency = try await RecordWrite.concurrency(bound, context: context)
        var types: [AssociationSpec] = []
        var labels: [String] = []
        if let label = bound[AssociationLabelNames.option] {
            labels = AssociationLabelNames.names(try await context.text(label))
            types = try await AssociationLabelNames.specs(labels, from: fromType, to: toType, client: try await context.client(), at: label.range)
        }
        let operation = BulkOperation.associate(fromType: fromType, toType: toType, types: types)
        if bound.has(Self.dryRun) || settings.dryRun {
            let (shown, tally) = (labels, context.tally)
            return pairs.compactMap { pair in await AssociationPreview.row(pair, operation, labels: shown, tally: tally) }
        }
        let client = try await context.client()
        await context.tally.watch(concurrency)
        let writer = BulkWriter(client: client, operation: operation, concurrency: concurrency)
        guard let journal = try await RecordWrite.journal(operation, client: client, context: context, bound: bound) else {
            return ValueStream(AssociationResults(results: writer.results(for: BulkInputs(values: pairs)), tally: context.tally))
        }
        // The pairs go to the journal before their batch can be sent, so `undo` can unlink them.
        let recorded = await ChunkedValues(values: pairs, client: client, context: context, expandValues: journal.recordPriors)
        let results = JournalledResults(base: writer.results(for: BulkInputs(values: ValueStream(recorded))), journal: journal)
        return ValueStream(AssociationResults(results: results, tally: context.tally))
    }
}

/// Bulk association results as `{status: "associated"|"unassociated"|"failed", id, toId, error?}`.
struct AssociationResults<Results: AsyncSequence & Sendable>: AsyncSequence, Sendable where Results.Element == BulkResult {
    let results: Results
    let tally: StatementTally
    /// The status of a pair written.
    var done = "associated"

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
