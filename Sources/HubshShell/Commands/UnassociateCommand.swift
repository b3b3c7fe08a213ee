import HubSpotAPI
import HubshLanguage
import JSONValue

/// `unassociate FROMTYPE FROMID TOTYPE TOID`, `… | unassociate TOTYPE TOID` (each piped record from
/// one record), `… | unassociate [FROMTYPE] TOTYPE` (piped pairs: `id` or `fromId`, and `toId`, as
/// `associations` lists them), or with `--all` every association to TOTYPE of the record or of each
/// piped record. Removes every type between a pair, or with `--label` only those labels. Journalled
/// with the types each pair held, so `undo` links them again, labels and all.
struct UnassociateCommand: ShellCommand {
    static let signature = CommandSignature(
        ["unassociate"], family: .hubspot, summary: "Remove associations (or only some labels), by pair, piped pairs, or all of a type.",
        positionals: [Parameter("object", "the type of the records to unassociate from (piped: the type to unassociate from them)",
                                required: false, role: .objectType),
                      Parameter("id", "the record to unassociate from (piped: the record, or the type, to unassociate from them)", required: false),
                      Parameter("totype", "the type of the record to unassociate from it", required: false, role: .objectType),
                      Parameter("toid", "the record to unassociate from it", required: false)],
        forms: [pipedRecords, pipedPairs, byIds],
        options: [AssociationLabelNames.option,
                  allOption, AssociateCommand.dryRun,
                  RecordWrite.concurrencyOption, RecordWrite.noJournalOption],
        input: .records, output: .records, writes: true,
        examples: [Example("unassociate contacts 10000002090 companies 10000000202", "the contact leaves the company (every label; v4: --label drops one)",
                           .lines(#"{"status":"unassociated","id":"10000002090","toId":"10000000202"}"#)),
                   Example("search contacts where email contains helixanalytics.net | unassociate companies --all", "Helix Analytics contacts lose all their companies",
                           .lines(6, each: #""status":"unassociated""#)),
                   Example("get contacts 10000002090 | associations companies | unassociate contacts companies",
                           "pairs piped from associations", .lines(1, each: #""status":"unassociated""#))])

    static let allOption = Option("all", "every association to TOTYPE of each record (no TOID)")

    // What its positionals are, by form (the help's list above says them for people). A piped TOID is a
    // number, so `… | unassociate companies 123` is one record and `… | unassociate contacts companies`
    // names the types of piped pairs.
    static let fromType = Parameter("object", "the type of the records to unassociate from", role: .objectType)
    static let fromId = Parameter("id", "the record to unassociate from", role: .recordId)
    static let pairsType = Parameter("object", "the type of the piped pairs' records (their id or fromId)", role: .objectType)
    static let toType = Parameter("totype", "the type of the record to unassociate from it", role: .objectType)
    static let toId = Parameter("toid", "the record to unassociate from it", required: false, role: .recordId)
    /// `… | unassociate TOTYPE [TOID]`: each piped record from one record (or with --all, from all).
    static let pipedRecords = Form(piped: true, [toType, toId])
    /// `… | associations companies | unassociate contacts companies`: piped pairs, their types named.
    static let pipedPairs = Form(piped: true, [pairsType, toType])
    /// `unassociate FROMTYPE FROMID TOTYPE TOID` (or without TOID, with --all).
    static let byIds = Form([fromType, fromId, toType, toId])

    let write: AssociationWrite
    let all: Bool

    init(_ bound: BoundCommand) throws(Diagnostic) {
        all = bound.has(Self.allOption)
        let usage = "unassociate needs FROMTYPE FROMID TOTYPE TOID (or FROMTYPE FROMID TOTYPE --all), or records piped in and TOTYPE [TOID] (usage: \(Self.signature.usage))"
        if bound.form == Self.pipedPairs, let from = bound[Self.pairsType]?.literalText, let toType = bound[Self.toType] {
            // Pairs piped with their types named: `… | associations companies | unassociate contacts companies`.
            write = AssociationWrite(bound: bound, fromType: from, fromId: nil, toType: toType, toId: nil)
        } else if bound.form == Self.pipedRecords, let toType = bound[Self.toType], let from = bound.objectInContext {
            write = AssociationWrite(bound: bound, fromType: from, fromId: nil, toType: toType, toId: bound[Self.toId])
        } else if let from = bound[Self.fromType]?.literalText, let fromId = bound[Self.fromId], let toType = bound[Self.toType],
                  bound[Self.toId] != nil || all {
            write = AssociationWrite(bound: bound, fromType: from, fromId: fromId, toType: toType, toId: bound[Self.toId])
        } else {
            throw Diagnostic(usage, at: bound.syntax.range)
        }
        if all, write.toId != nil {
            throw Diagnostic("unassociate: --all takes every association to the type; name no TOID with it", at: bound.syntax.range)
        }
    }

    /// Its results carry the ids of the records unassociated from.
    static func objectType(of bound: BoundCommand, in context: ShellContext) async -> String? {
        bound.hasUpstream ? bound.objectInContext : bound.objectType
    }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        let (toType, toId) = try await write.targets(in: context)
        let fromType = write.fromType
        var records = input
        if let fromId = write.fromId { records = ValueStream([["id": .string(try await context.text(fromId))]]) }
        let client = try await context.client()
        var pairs = records
        if all {
            // Each record's associations to the type, read first: they are the pairs.
            let ids = records.compactMap { value in (value["id"] ?? value).scalarText.map(JSONValue.string) }
            let lister = AssociationLister(client: client, fromType: fromType, toType: toType)
            pairs = ValueStream(await ChunkedValues(keys: ids, client: client, context: context, chunkSize: lister.chunkSize) { try await lister.list($0) })
        }
        return try await write.run(AssociationWrite.pairs(pairs, idFields: ["fromId", "id"], toId: toId), toType: toType, context: context,
                                   done: "unassociated") { .unassociate(fromType: fromType, toType: toType, types: $0) }
    }
}
