import HubSpotAPI
import HubshLanguage
import JSONValue

/// `undo [OP]`: reverts a journalled write of the current connection (the last one unless told which):
/// updates get their values back, created records are archived, archived ones are made again, links
/// are undone. Records changed by someone since are skipped. At the prompt it shows what it will do
/// and asks; scripts don't.
struct UndoCommand: ShellCommand {
    static let signature = CommandSignature(
        ["undo"], family: .hubspot, summary: "Undo a write from the journal: records get back what they held.",
        positionals: [opParameter],
        options: [yesOption],
        input: .nothing, output: .records, writes: true,
        examples: [Example("undo", "the last write of this connection", given: "update contacts 10000002090 lifecyclestage=customer", .atLeast(1, each: "10000002090")), Example("undo 1", "operation 1", given: "update contacts 10000002090 lifecyclestage=customer", .atLeast(1, each: "10000002090"))])

    static let opParameter = Parameter("op", "the operation's number, as `journal` lists it (else the last write of this connection)", required: false, role: .operation)
    static let yesOption = Option("yes", "do not ask first")

    let op: Value?
    let yes: Bool
    /// Where the statement is, for messages about it as a whole.
    let syntax: SourceRange

    init(_ bound: BoundCommand) throws(Diagnostic) {
        op = bound[Self.opParameter]
        yes = bound.has(Self.yesOption)
        syntax = bound.syntax.range
    }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        guard let journal = context.journal else {
            throw Diagnostic("undo needs the journal, and this session keeps none", at: op?.range ?? syntax)
        }
        let connection = await context.session.connectionName ?? ""
        let summaries = journal.operations().compactMap(journal.summary)
        let undone = Journal.undone(in: summaries)
        let number: Int
        if let op {
            guard let given = Int(try await context.text(op)), given > 0 else { throw Diagnostic("undo takes an operation number", at: op.range) }
            number = given
        } else {
            guard let last = summaries.last(where: { $0.header.connection == connection && undone[$0.header.op] == nil }) else {
                throw Diagnostic("nothing to undo: the journal holds no write of \(connection) that is not undone", at: syntax)
            }
            number = last.header.op
        }
        let range = op?.range ?? syntax
        let record: JournalRecord
        do { record = try journal.read(number) } catch { throw Diagnostic("no operation \(number) in the journal", at: range) }
        guard record.header.connection == connection else {
            throw Diagnostic("operation \(number) wrote through \(record.header.connection), not \(connection): `connection use \(record.header.connection)` first", at: range)
        }
        if !record.header.operation.isUndoable {
            let what: String
            switch record.header.operation {
            case .merge: what = "merged records, which HubSpot cannot unmerge"
            case .importJob:
                let job = record.entries.lazy.compactMap { entry -> String? in
                    if case .importing(let file, let jobId, _) = entry { return "\(file), job \(jobId)" }
                    return nil
                }.first
                what = "imported \(job.map { "(\($0)) " } ?? "")through HubSpot's Imports API, which keeps no record of the values it replaced"
            default: what = "erased contacts for good (GDPR delete)"
            }
            throw Diagnostic("operation \(number) \(what): undo cannot be offered", at: range)
        }
        if let by = undone[number] { throw Diagnostic("operation \(number) was undone already, by operation \(by) (undo \(by) to redo it)", at: range) }
        let plan = UndoPlan(record)
        guard plan.count > 0 else { throw Diagnostic("operation \(number) changed nothing that can be undone", at: range) }

        let digest = Self.digest(plan, record.header, connection: connection)
        if !record.isComplete {
            context.message("operation \(number) was interrupted: undoing what its journal shows was sent (\(plan.unanswered) without an answer)")
        }
        if !plan.recreations.isEmpty {
            context.message("archived records come back as new records with new ids (HubSpot cannot restore them through its API); the old → new ids go to the journal")
        }
        if !yes, let confirm = context.confirm, !(await confirm("Undo op \(number): \(digest) on \(connection)? [y/N] ")) {
            throw UndoCancelled()
        }
        let client = try await context.client()
        await context.tally.noteWritten(record.header.objectType)
        let header = JournalHeader(connection: connection, statement: "undo \(number)", operation: .undo,
                                   objectType: record.header.objectType, toObjectType: record.header.toObjectType, undoOf: number)
        let file = try journal.begin(header)
        let writable = plan.archives.isEmpty ? [] : try await context.propertyDefinitions(record.header.objectType)
            .filter { !$0.readOnlyValue }.map(\.name)
        let values = try await UndoRun(plan: plan, target: record.header, file: file, client: client, writable: writable,
                                       concurrency: await context.session.settings.concurrency).run()
        let failed = values.filter { $0["status"] == "failed" || $0["status"] == "skipped" }.count
        await context.tally.record(succeeded: values.count - failed, failed: failed)
        return ValueStream(values)
    }

    /// `restore 412 contacts, archive 3 contacts`: what the undo will do.
    static func digest(_ plan: UndoPlan, _ header: JournalHeader, connection: String) -> String {
        let type = header.objectType
        var parts: [String] = []
        if !plan.restores.isEmpty { parts.append("restore \(plan.restores.count) \(type)") }
        if !plan.archives.isEmpty { parts.append("archive \(plan.archives.count) \(type) it created") }
        if !plan.recreations.isEmpty { parts.append("recreate \(plan.recreations.count) archived \(type)") }
        if !plan.unlinks.isEmpty { parts.append("unlink \(plan.unlinks.count) pairs") }
        if !plan.relinks.isEmpty { parts.append("link \(plan.relinks.count) pairs again") }
        return parts.joined(separator: ", ")
    }
}

struct UndoCancelled: Error, CustomStringConvertible {
    var description: String { "undo cancelled: nothing was changed" }
}
