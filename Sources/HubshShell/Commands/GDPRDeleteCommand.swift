import HubSpotAPI
import HubshLanguage
import JSONValue

/// `gdpr-delete contacts ID…` or `gdpr-delete contacts --by email VALUE…`: erases contacts for good
/// through HubSpot's GDPR delete (not `delete`'s archive, which keeps them restorable for 90 days). At
/// the prompt it always asks, naming the count and the word "permanently"; a script must say `--yes`.
/// It cannot be undone; the journal records it as such.
struct GDPRDeleteCommand: ShellCommand {
    static let signature = CommandSignature(
        ["gdpr-delete"], family: .hubspot, summary: "Erase contacts permanently (GDPR delete; never undoable).",
        positionals: [object, ids], options: [by, yes, RecordWrite.noJournalOption],
        input: .records, output: .records, writes: true,
        examples: [Example("gdpr-delete contacts --by email anna.hill@prismhealth.com --yes", "erase Anna's contact record and its history for good",
                           .lines(1, each: #""status":"erased""#)),
                   Example("gdpr-delete contacts 10000002090 --yes", "in a script: erase a contact by id", .lines(#"{"status":"erased","id":"10000002090"}"#))])

    static let object = Parameter("object", "contacts (HubSpot's GDPR delete takes contacts only)", role: .choice(["contacts"]))
    static let ids = Parameter("ids", "contact ids, or with --by the values of that property", required: false, repeats: true)
    static let by = Option("by", "name the contacts by this unique property (email) instead of their id", value: "PROP", role: .choice(["email"]))
    static let yes = Option("yes", "erase without asking (a script must give it)")

    let bound: BoundCommand

    init(_ bound: BoundCommand) throws(Diagnostic) {
        self.bound = bound
        let object = bound[Self.object]
        guard let type = object?.literalText, ["contacts", "contact", "0-1"].contains(type.lowercased()) else {
            throw Diagnostic("gdpr-delete erases contacts only (HubSpot's GDPR delete); use delete to archive other records",
                             at: object?.range ?? bound.syntax.range)
        }
        if !bound.hasUpstream, bound.values(Self.ids).isEmpty {
            throw Diagnostic("gdpr-delete needs contact ids (or --by email and the addresses): \(Self.signature.usage)", at: bound.syntax.range)
        }
    }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        var by: String?
        if let value = bound[Self.by] { by = try await context.text(value) }
        var keys: [String] = []
        if bound.hasUpstream {
            for try await value in input { if let key = GetCommand.key(of: value, by: by) { keys.append(key) } }
        } else {
            for id in bound.values(Self.ids) { keys.append(try await context.text(id)) }
        }
        guard !keys.isEmpty else { return .empty }
        let connection = await context.session.connectionName ?? "HubSpot"
        let what = keys.count == 1 ? "contact \(keys[0])" : "\(keys.count) contacts"
        if !bound.has(Self.yes) {
            guard let confirm = context.confirm else {
                throw Diagnostic("gdpr-delete erases \(what) permanently and cannot be undone: a script must say --yes", at: bound.syntax.range)
            }
            guard await confirm("Permanently erase \(what) on \(connection)? This cannot be undone. [y/N] ") else { throw GDPRDeleteCancelled() }
        }
        let client = try await context.client()
        await context.tally.noteWritten("contacts")
        let journal = try await RecordWrite.journalFile(.gdprDelete, objectType: "contacts", context: context, bound: bound)
        var results: [JSONValue] = []
        var erased = 0
        for key in keys {
            // Journalled before it is sent: a failure to write it stops here.
            try journal?.append([.erasing(id: key, idProperty: by)])
            do {
                try await client.gdprDelete(id: key, idProperty: by)
                erased += 1
                await context.tally.record(succeeded: true)
                results.append(["status": "erased", "id": .string(key)])
            } catch {
                await context.tally.record(succeeded: false)
                results.append(["status": "failed", "id": .string(key), "error": .string(error.description)])
            }
        }
        try journal?.finish(written: erased, failed: keys.count - erased)
        return ValueStream(results)
    }
}

struct GDPRDeleteCancelled: Error, CustomStringConvertible {
    var description: String { "gdpr-delete cancelled: nothing was erased" }
}
