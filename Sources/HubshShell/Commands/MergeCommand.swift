import HubSpotAPI
import HubshLanguage
import JSONValue

/// `merge OBJECT PRIMARY MERGED`, or `dupes … | merge`: merges records through HubSpot's merge
/// endpoint, one pair a call (each group from `dupes` merged into its primary, one record after the
/// other). The merged-away id then reads as the primary. HubSpot cannot unmerge: before anything is
/// sent it is said that undo cannot be offered (at the prompt, asked), and the journal records each
/// merge as such.
struct MergeCommand: ShellCommand {
    static let signature = CommandSignature(
        ["merge"], family: .hubspot, summary: "Merge a record into another (HubSpot keeps the primary; it cannot be undone).",
        positionals: [object, primary, merged], options: [yes, dryRun, RecordWrite.noJournalOption],
        input: .values, output: .records, writes: true,
        examples: [Example("merge contacts 10000000413 10000000415", "merge contact 10000000415 into 10000000413",
                           .lines(1, each: #""status":"merged""#, #""merged":"10000000415""#)),
                   Example("dupes contacts --by email --normalize lower,trim | merge --dry-run", "the merges that would dedupe contacts by email (none in the demo account)", .nothing)])

    static let object = Parameter("object", "the object type (else the pipeline's)", required: false, role: .objectType)
    static let primary = Parameter("primary", "the record that stays", required: false)
    static let merged = Parameter("merged", "the record merged into it (its id then reads as the primary)", required: false)
    static let yes = Option("yes", "do not ask before merging")
    static let dryRun = Option("dry-run", "check that the records exist and show the merges; send nothing")

    let bound: BoundCommand
    let objectType: String

    init(_ bound: BoundCommand) throws(Diagnostic) {
        self.bound = bound
        guard let type = bound.objectType else {
            throw Diagnostic("merge needs OBJECT: \(Self.signature.usage)", at: bound.syntax.range)
        }
        objectType = type
        if let given = bound[Self.object]?.literalText, let piped = bound.objectInContext, given.lowercased() != piped.lowercased() {
            throw Diagnostic("merge joins records of one object type: these are \(piped), not \(given)", at: bound[Self.object]?.range ?? bound.syntax.range)
        }
        if !bound.hasUpstream {
            guard let primary = bound[Self.primary], let merged = bound[Self.merged] else {
                throw Diagnostic("merge needs OBJECT PRIMARY MERGED, or groups piped from dupes", at: bound.syntax.range)
            }
            if let a = primary.literalText, a == merged.literalText {
                throw Diagnostic("merge needs two records: \(a) cannot be merged into itself", at: merged.range)
            }
        }
    }

    /// One merge to make: `merged` into `primary`.
    struct Pair: Sendable {
        var primary: String
        var merged: String
    }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        var pairs: [Pair] = []
        if bound.hasUpstream {
            for try await value in input {
                guard let primary = value["primary"]?.scalarText ?? value["id"]?.scalarText else {
                    throw Diagnostic("merge takes groups from dupes ({primary, merged}), not \(value.jsonString.prefix(80))", at: bound.syntax.range)
                }
                let merged = (value["merged"]?.arrayValue ?? []).compactMap(\.scalarText) + (value["merged"]?.scalarText.map { [$0] } ?? [])
                for id in merged where id != primary { pairs.append(Pair(primary: primary, merged: id)) }
            }
        } else if let primary = bound[Self.primary], let merged = bound[Self.merged] {
            let pair = Pair(primary: try await context.text(primary), merged: try await context.text(merged))
            guard pair.primary != pair.merged else { throw Diagnostic("merge needs two records: \(pair.primary) cannot be merged into itself", at: merged.range) }
            pairs = [pair]
        }
        guard !pairs.isEmpty else { return .empty }
        let connection = await context.session.connectionName ?? "HubSpot"
        let settings = await context.session.settings
        let dryRun = bound.has(Self.dryRun) || settings.dryRun
        let client = try await context.client()
        // Its own columns (not those of the groups piped in): the pair, and what names the primary.
        let names = dryRun ? [] : TableColumns.leading[objectType.lowercased()] ?? []
        context.resultHint.update { shape in
            shape.objectType = objectType
            shape.columns = ["merged"] + names
        }
        if dryRun { return ValueStream(try await preview(pairs, client: client, context: context)) }
        let primaryCount = Set(pairs.map(\.primary)).count
        let what = pairs.count == 1 ? "\(pairs[0].merged) into \(pairs[0].primary)"
            : "\(pairs.count) \(objectType) into \(primaryCount == 1 ? "1 record" : "\(primaryCount) records")"
        if !bound.has(Self.yes), let confirm = context.confirm {
            // The warning on a line of its own, so the question stays short at a narrow terminal.
            context.message("HubSpot cannot unmerge: undo cannot be offered for a merge.")
            guard await confirm("Merge \(what) on \(connection)? [y/N] ") else {
                throw MergeCancelled()
            }
        } else {
            context.message("merging \(what): no undo (HubSpot cannot unmerge)")
        }
        await context.tally.noteWritten(objectType)
        let journal = try await RecordWrite.journalFile(.merge, objectType: objectType, context: context, bound: bound)
        var results: [JSONValue] = []
        var written = 0
        var primaries: [String: String] = [:]
        // What the merged records hold, for the journal: read 100 a call before the first merge.
        let held = journal == nil ? [:] : try await records(pairs.map(\.merged), properties: [], client: client)
        for pair in pairs {
            // A primary merged into another earlier in the run answers under that one's id.
            let primary = primaries[pair.primary] ?? pair.primary
            // Journalled before it is sent, with what the merged record held: a failure to write it stops here.
            if let journal {
                try journal.append([.merging(primary: primary, merged: pair.merged,
                                             properties: held[pair.merged]?.properties.filter { !$0.value.isNull } ?? [:])])
            }
            do {
                let record = try await client.merge(objectType, primaryId: primary, mergingId: pair.merged)
                primaries[pair.primary] = record.id
                written += 1
                await context.tally.record(succeeded: true)
                results.append(["status": "merged", "id": .string(record.id), "merged": .string(pair.merged), "properties": .object(record.properties)])
            } catch {
                await context.tally.record(succeeded: false)
                results.append(["status": "failed", "id": .string(primary), "merged": .string(pair.merged), "error": .string(error.description)])
            }
        }
        try journal?.finish(written: written, failed: pairs.count - written)
        return ValueStream(results)
    }

    /// The records of `ids` (each read once) by id, 100 a call; a record not there is left out.
    private func records(_ ids: [String], properties: [String], client: HubSpotClient) async throws -> [String: CRMRecord] {
        var seen = Set<String>()
        var records: [String: CRMRecord] = [:]
        for chunk in ids.filter({ seen.insert($0).inserted }).chunked(HubSpotClient.batchLimit) {
            for record in try await client.batchRead(objectType, ids: chunk, properties: properties).results { records[record.id] = record }
        }
        return records
    }

    /// What a dry run says of each pair: `would merge`, or `failed` when a record is not there.
    private func preview(_ pairs: [Pair], client: HubSpotClient, context: ShellContext) async throws -> [JSONValue] {
        let found = try await records(pairs.flatMap { [$0.primary, $0.merged] }, properties: ["hs_object_id"], client: client)
        var values: [JSONValue] = []
        for pair in pairs {
            var row: JSONObject = ["status": "would merge", "dryRun": true, "operation": "merge", "objectType": .string(objectType),
                                   "id": .string(pair.primary), "merged": .string(pair.merged)]
            if let missing = [pair.primary, pair.merged].first(where: { found[$0] == nil }) {
                row["status"] = "failed"
                row["error"] = .string("no \(objectType) record \(missing)")
                await context.tally.record(succeeded: false)
            } else {
                await context.tally.record(succeeded: true)
            }
            values.append(.object(row))
        }
        return values
    }
}

struct MergeCancelled: Error, CustomStringConvertible {
    var description: String { "merge cancelled: nothing was merged" }
}
