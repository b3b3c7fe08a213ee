import HubSpotAPI
import HubshLanguage
import JSONValue

/// `export OBJECT [where …] [props a,b] [--via auto|batch|job]`: an object's records as CSV lines (a
/// header, then a line per record) for `> file.csv`, through the search export (batch) or HubSpot's
/// Exports API (job). The header is the same either way: `id`, then the property names (as `to csv`
/// writes them); the Exports API's labels are read back as names.
struct ExportCommand: ShellCommand {
    static let signature = CommandSignature(
        ["export"], family: .hubspot,
        summary: "Write an object's records as CSV (for > file.csv): a search export, or HubSpot's Exports API for large ones.",
        positionals: [object],
        options: [JobRoute.option],
        clauses: [whereClause, props],
        output: .values,
        examples: [
            Example("export contacts where lifecyclestage = lead props email,firstname | count", "a header and a line per lead", .lines("580")),
            Example("export contacts where lifecyclestage = lead props email,firstname --via job | first 1",
                    "the same CSV through HubSpot's Exports API: the header names properties, as to csv writes", .lines("id,email,firstname")),
            Example("export companies props name,domain > companies.csv", "every company to a CSV file", .nothing),
        ])

    static let object = Parameter("object", "the object type: contacts, companies, deals, tickets, a custom object…", role: .objectType)
    static let via = JobRoute.option
    static let whereClause = Clause("where", "conditions (as search's; the Exports API takes and, not or)", .conditions)
    static let props = Clause("props", "the properties to write (default: the type's search defaults)", .propertyList)

    let bound: BoundCommand
    /// The `where` clause as HubSpot's filter groups, checked against HubSpot's limits when planned.
    let filterGroups: [[Condition]]

    init(_ bound: BoundCommand) throws(Diagnostic) {
        self.bound = bound
        _ = try bound.required(Self.object)
        filterGroups = try bound.conditions(Self.whereClause)?.searchFilterGroups() ?? []
        try JobRoute.check(bound[Self.via], command: "export")
        if filterGroups.count > 1, bound[Self.via]?.literalText?.lowercased() == JobRoute.job.rawValue, let via = bound[Self.via] {
            throw Diagnostic("export: HubSpot's Exports API takes conditions joined by and, not or: use --via batch (a search export)", at: via.range)
        }
    }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        let type = try await context.text(try bound.required(Self.object))
        let route = try await JobRoute.named(bound[Self.via], in: context, command: "export")
        let groups = try await filterGroups.searchFilters(context)
        var columns: [String]
        if let names = bound.names(Self.props)?.names {
            columns = names
        } else {
            columns = ExportColumns.defaults(for: type, among: try await context.propertyDefinitions(type).map(\.name))
        }
        var seen = Set<String>()
        columns = columns.filter { $0 != HeaderMap.recordId && seen.insert($0).inserted }
        let client = try await context.client()
        var count = SearchQuery(filterGroups: groups, properties: ["hs_object_id"])
        count.sort = nil
        let total = try await client.searchPage(type, count, limit: 1).total
        var chosen = route.resolved(count: total ?? 0)
        if chosen == .job, groups.count > 1 {
            guard route == .auto else {
                throw Diagnostic("export: HubSpot's Exports API takes conditions joined by and, not or: use --via batch (a search export)",
                                 at: bound[Self.via]?.range ?? bound.syntax.range)
            }
            chosen = .batch
        }
        let counted = total.map { ProgressLine.grouped($0) + " " } ?? ""
        if let total { await context.tally.noteSearchTotal(total) }
        if chosen == .job {
            context.message("export: \(counted)\(type) via HubSpot's Exports API (job)")
            return try await ExportJobRun(objectType: type, columns: columns, filters: groups.first ?? [], statement: bound)
                .run(client: client, context: context)
        }
        context.message("export: \(counted)\(type) via search (batch)")
        let records = try client.search(type, SearchQuery(filterGroups: groups, properties: columns), stable: StatementEffects.writes)
        let tally = context.tally
        let written = columns
        let header = ["id"] + columns
        return ValueStream.unfold(state: { (records.makeAsyncIterator(), false) }) { state in
            guard state.1 else {
                state.1 = true
                return .string(try CSVRowWriter.line(header))
            }
            guard let record = try await state.0.next() else { return nil }
            await tally.noteRead()
            return .string(try CSVRowWriter.line([record.id] + written.map { record.properties[$0]?.scalarText ?? "" }))
        }
    }
}
