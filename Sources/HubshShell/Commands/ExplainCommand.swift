import Foundation
import HubSpotAPI
import HubshLanguage
import JSONValue

/// `explain STATEMENT`: what a statement would do, without doing it: the HubSpot calls it would make
/// (how many, against which rate-limit budget, and the time that implies at the connection's limits),
/// the properties it writes and reads, and whether it can be undone. It binds and checks the
/// statement as running it would; the only calls it makes are one search of limit 1 (for a search's
/// count) and the account's daily usage.
struct ExplainCommand: ShellCommand {
    static let signature = CommandSignature(
        ["explain"], family: .hubspot, summary: "Show what a statement would do (calls, rate-limit budgets, properties, undo) without doing it.",
        positionals: [Parameter("statement", "the statement to explain, to the end of the line (its | and > too)", repeats: true, role: .command)],
        takesStatement: true, output: .values,
        examples: [Example("explain search contacts where lifecyclestage = lead | update lifecyclestage=customer",
                           "how many calls the update takes, how long, and that undo can put it back",
                           .lines(1, each: #""records":579"#, #""path":"/crm/v3/objects/contacts/batch/update""#)),
                   Example("explain open leads.csv | upsert contacts --by email", "the file's rows become upsert calls, 100 a call",
                           .lines(1, each: #""path":"/crm/v3/objects/contacts/batch/upsert""#))])

    let statement: HubshLanguage.Pipeline
    let syntax: SourceRange

    init(_ bound: BoundCommand) throws(Diagnostic) {
        guard let statement = bound.restPipeline else {
            throw Diagnostic("explain needs a statement: explain search contacts … | update …", at: bound.syntax.range)
        }
        self.statement = statement
        syntax = bound.syntax.range
    }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        // Bound and checked as running it would be (a misspelt property is refused here too).
        let commands = try await Interpreter(context: context).plan(statement)
        let settings = await context.session.settings
        let journalOn = context.journal != nil && settings.journal
        var steps: [ExplainPlan.Step] = []
        var search: (type: String, query: SearchQuery)?
        for command in commands {
            steps.append(try await Self.step(command, in: context, journalOn: journalOn, search: &search))
        }
        var limits = ExplainPlan.Limits()
        var paths = ExplainPaths()
        var total: Int?
        if await context.session.connectionName != nil, let client = try? await context.client() {
            paths = ExplainPaths(client.version)
            if let usage = try? await client.dailyUsage().first {
                limits.daily = usage.usageLimit
                limits.usedToday = usage.currentUsage
            }
            if let search, steps.first.map({ if case .search = $0 { true } else { false } }) == true {
                total = try await client.searchPage(search.type, search.query, limit: 1).total
            }
            if let max = await client.limiter.lastMax { limits.burstPerTenSeconds = max }
        }
        let plan = ExplainPlan(statement: statement.description, steps: steps, searchTotal: total, limits: limits, paths: paths)
        let value = plan.json
        context.hintReport(.explain(plan), values: [value])
        return ValueStream([value])
    }

    /// What one bound command of the statement contributes to the plan.
    static func step(_ command: any ShellCommand, in context: ShellContext, journalOn: Bool,
                     search: inout (type: String, query: SearchQuery)?) async throws -> ExplainPlan.Step {
        switch command {
        case let command as SearchCommand:
            let bound = command.bound
            let type = bound.objectType ?? ""
            var query = SearchQuery()
            if let text = bound[SearchCommand.query] { query.text = try await context.text(text) }
            query.filterGroups = try await command.filterGroups.searchFilters(context)
            var reads: [String] = []
            if let names = bound.names(.props)?.names { reads = names } else { reads = [ExplainPlan.defaultProperties] }
            for filter in query.filterGroups.joined() where !reads.contains(filter.propertyName) { reads.append(filter.propertyName) }
            var limit: Int?
            if let value = bound.count(SearchCommand.limit) { limit = try await context.wholeNumber(value, for: "limit") }
            search = (type, query)
            return .search(objectType: type, reads: reads, limit: limit)
        case let command as GetCommand:
            let bound = command.bound
            var reads = [ExplainPlan.defaultProperties]
            if let names = bound.names(.props)?.names { reads = names }
            let ids = bound.values(GetCommand.ids)
            return .get(objectType: bound.objectType ?? "", ids: ids.isEmpty ? nil : ids.count, reads: reads)
        case let command as FirstCommand:
            var n = 1
            if let count = command.count { n = try await context.wholeNumber(count, for: "first") }
            return .cap(n)
        case let command as UpdateCommand:
            return try await write(.update, command.write.bound, in: context, journalOn: journalOn)
        case let command as CreateCommand:
            return try await write(.create, command.write.bound, in: context, journalOn: journalOn)
        case let command as UpsertCommand:
            return try await write(.upsert, command.write.bound, in: context, journalOn: journalOn)
        case let command as DeleteCommand:
            return try await write(.archive, command.write.bound, in: context, journalOn: journalOn)
        case let command as AssociateCommand:
            let bound = command.write.bound
            let toType = try await context.text(command.write.toType)
            return .write(kind: .associate, objectType: command.write.fromType, toObjectType: toType, writes: [], single: bound.hasUpstream ? nil : 1,
                          journal: journalOn && !bound.has(AssociateCommand.dryRun), ifUnchanged: false)
        case let command as OpenCommand:
            var format: String?
            if let given = command.format { format = try await context.text(given) }
            return try await open(try await context.text(command.file), format: format)
        default:
            return .local(type(of: command).signature.displayName)
        }
    }

    /// A write's step: the properties its assignments write, one record (or its ids) without input.
    static func write(_ kind: JournalHeader.Operation, _ bound: BoundCommand, in context: ShellContext, journalOn: Bool) async throws -> ExplainPlan.Step {
        var single: Int?
        if !bound.hasUpstream { single = kind == .archive ? max(1, bound.values(DeleteCommand.ids).count) : 1 }
        let settings = await context.session.settings
        let dryRun = bound.has(RecordWrite.dryRunOption) || settings.dryRun
        return .write(kind: kind, objectType: bound.objectType ?? "", toObjectType: nil, writes: bound.assignments.map(\.name), single: single,
                      journal: journalOn && !bound.has(RecordWrite.noJournalOption) && !dryRun, ifUnchanged: bound.has(RecordWrite.ifUnchangedOption))
    }

    /// An opened file's rows (lines of JSON Lines, CSV rows after the header) and its columns.
    static func open(_ path: String, format: String?) async throws -> ExplainPlan.Step {
        guard let data = FileManager.default.contents(atPath: path) else { return .open(rows: nil, columns: []) }
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(whereSeparator: \.isNewline).filter { !$0.allSatisfy(\.isWhitespace) }
        let lower = format.map { "." + $0.lowercased() } ?? path.lowercased()
        if lower.hasSuffix(".csv") {
            let columns = lines.first.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")) } } ?? []
            return .open(rows: max(0, lines.count - 1), columns: columns)
        }
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") {
            let first = lines.first.flatMap { try? JSONValue(parsing: String($0)) }
            let columns = (first?["properties"]?.objectValue ?? first?.objectValue).map { Array($0.keys) } ?? []
            return .open(rows: lines.count, columns: columns)
        }
        // JSON: an array's elements, else one value.
        let json = try? JSONValue(parsing: text)
        let first = json?.arrayValue?.first ?? json
        let columns = (first?["properties"]?.objectValue ?? first?.objectValue).map { Array($0.keys) } ?? []
        return .open(rows: json?.arrayValue?.count ?? (json == nil ? nil : 1), columns: columns)
    }
}
