import HubSpotAPI
import HubshLanguage
import JSONValue

/// What associate and unassociate share: the records they link (FROMTYPE [FROMID] TOTYPE [TOID])
/// and, once the pairs are known, `--label` resolved, a dry run's preview, else the bulk writer,
/// journalled before each batch is sent.
struct AssociationWrite: Sendable {
    let bound: BoundCommand
    let fromType: String
    /// The one record to link from; nil when piped.
    let fromId: Value?
    let toType: Value
    /// The one record to link to; nil when each piped value names its own (`toId`) or `--all`.
    let toId: Value?

    /// TOTYPE and the one TOID, resolved.
    func targets(in context: ShellContext) async throws -> (toType: String, toId: String?) {
        let toType = try await context.text(self.toType)
        guard let toId else { return (toType, nil) }
        return (toType, try await context.text(toId))
    }

    /// Each value as a pair `{id, toId}`: its id is the first of `idFields` it has (or the value
    /// itself), its toId the one TOID given, else its own `toId`.
    static func pairs(_ values: ValueStream, idFields: [String], toId: String?) -> ValueStream {
        values.compactMap { value in
            let id = idFields.lazy.compactMap { value[$0] }.first?.scalarText ?? value.stringValue ?? ""
            let to = toId ?? value["toId"]?.scalarText ?? ""
            return ["id": .string(id), "toId": .string(to)]
        }
    }

    /// Writes `pairs` as `operation` (given the types `--label` names) and yields one result each,
    /// `{status: done|"failed", id, toId, error?}`; with `--dry-run`, what would be sent.
    func run(_ pairs: ValueStream, toType: String, context: ShellContext, done: String,
             operation: ([AssociationSpec]) -> BulkOperation) async throws -> ValueStream {
        let concurrency = try await RecordWrite.concurrency(bound, context: context)
        var types: [AssociationSpec] = []
        var labels: [String] = []
        if let label = bound[AssociationLabelNames.option] {
            labels = AssociationLabelNames.names(try await context.text(label))
            types = try await AssociationLabelNames.specs(labels, from: fromType, to: toType, client: try await context.client(), at: label.range)
        }
        let operation = operation(types)
        let settings = await context.session.settings
        if bound.has(AssociateCommand.dryRun) || settings.dryRun {
            let (shown, tally) = (labels, context.tally)
            return pairs.compactMap { pair in await AssociationPreview.row(pair, operation, labels: shown, tally: tally) }
        }
        let client = try await context.client()
        await context.tally.watch(concurrency)
        let writer = BulkWriter(client: client, operation: operation, concurrency: concurrency)
        guard let journal = try await RecordWrite.journal(operation, client: client, context: context, bound: bound) else {
            return ValueStream(AssociationResults(results: writer.results(for: BulkInputs(values: pairs)), tally: context.tally, done: done))
        }
        // Each pair (and the types it holds) goes to the journal before its batch can be sent, so `undo`
        // can unlink or link it again.
        let recorded = await ChunkedValues(values: pairs, client: client, context: context, expandValues: journal.recordPriors)
        let results = JournalledResults(base: writer.results(for: BulkInputs(values: ValueStream(recorded))), journal: journal)
        return ValueStream(AssociationResults(results: results, tally: context.tally, done: done))
    }
}
