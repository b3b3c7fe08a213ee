import HubSpotAPI
import HubshLanguage
import JSONValue

/// `search OBJECT [where …] [props …] [sort … [desc]] [limit N] [--query TEXT]`: HubSpot's search,
/// streamed page by page and carried past 10,000 results.
struct SearchCommand: ShellCommand {
    static let signature = CommandSignature(
        ["search"], aliases: [["query"]], family: .hubspot,
        summary: "Search HubSpot records; results stream as they arrive (past 10,000 too).",
        positionals: [object], options: [query], clauses: [whereClause, .props, sort, limit],
        output: .records,
        examples: [
            Example("search contacts where lifecyclestage = lead and createdate >= 2025-01-01 props email,firstname sort createdate desc limit 20", "the 20 newest leads of 2025, with their email and first name", .lines(20, each: #""email":"#, #""firstname":"#)),
            Example("search companies where domain exists | count", "how many companies have a domain", .lines("400")),
        ])

    static let object = Parameter("object", "the object type: contacts, companies, deals, tickets, a custom object…", role: .objectType)
    static let query = Option("query", "HubSpot's free-text search over the default searchable properties", value: "TEXT")
    static let whereClause = Clause("where", "conditions (and, or, = != < <= > >=, in, between, contains, exists)", .conditions)
    static let sort = Clause("sort", "the property to order by, asc or desc", .sort)
    static let limit = Clause("limit", "at most this many records", .count)

    let bound: BoundCommand
    /// Properties read besides those asked for: the ones a journalled update piped straight from this
    /// search writes, so the journal has their prior values without reading the records again.
    var alsoReads: [String] = []
    /// The `where` clause as HubSpot's filter groups, checked against HubSpot's limits when planned.
    let filterGroups: [[Condition]]
    /// The properties the command after it reads, when it reads only those (`search deals | group
    /// dealstage`): asked for when the search names none, since its default properties may lack them.
    var readFor: [String]?

    init(_ bound: BoundCommand) throws(Diagnostic) {
        self.bound = bound
        if let expression = bound.conditions(Self.whereClause) {
            filterGroups = try expression.searchFilterGroups()
        } else {
            filterGroups = []
        }
    }

    /// The query the statement asks for, and its `limit`.
    private func query(in context: ShellContext) async throws -> (SearchQuery, Int?) {
        var query = SearchQuery()
        if let text = bound[Self.query] { query.text = try await context.text(text) }
        query.filterGroups = try await filterGroups.searchFilters(context)
        if let names = bound.names(.props)?.names {
            query.properties = names
        } else if let readFor {
            query.properties = readFor
        }
        query.properties += alsoReads.filter { !query.properties.contains($0) }
        if let (property, descending) = bound.order(Self.sort) { query.sort = (property, descending ? .DESCENDING : .ASCENDING) }
        var limit: Int?
        if let value = bound.count(Self.limit) { limit = try await context.wholeNumber(value, for: "limit") }
        return (query, limit)
    }

    /// How many records the search yields, from HubSpot's count of its matches (`total`) on a page of
    /// one record: `search … | count` makes one call instead of reading every page. Nil when the
    /// answer carries no total.
    func total(in context: ShellContext) async throws -> Int? {
        var (query, limit) = try await query(in: context)
        query.properties = ["hs_object_id"]
        query.sort = nil
        let client = try await context.client()
        guard let total = try await client.searchPage(bound.objectType ?? "", query, limit: 1).total else { return nil }
        if total == 0, let hint = Self.containsHint(query.filterGroups) { await context.tally.noteHint(hint) }
        return min(total, limit ?? total)
    }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        let objectType = bound.objectType ?? ""
        let (query, limit) = try await query(in: context)
        let client = try await context.client()
        await context.hintRecords(objectType, columns: query.properties.isEmpty ? nil : query.properties)
        // A statement that writes may change what its search matches: the search must read stably.
        let count = SearchCount(limit: limit)
        let tally = context.tally
        let records = try client.search(objectType, query, limit: limit, stable: StatementEffects.writes, observeTotal: { total in
            await count.expect(total)
            // What a delete after it asks about.
            if let expected = await count.expected { await tally.noteSearchTotal(expected) }
        })
        return ValueStream(RecordValues(records: records, tally: context.tally, count: count,
                                        emptyHint: Self.containsHint(query.filterGroups)))
    }

    /// What to say when a search with `contains` finds nothing: HubSpot's `contains` matches whole
    /// words (CONTAINS_TOKEN), where the local `| where` matches any part of the text. Nil when every
    /// `contains` has a `*` (the person knows the wildcard).
    static func containsHint(_ groups: [[SearchFilter]]) -> String? {
        let filters = groups.joined()
        guard let filter = filters.first(where: { $0.operator == .CONTAINS_TOKEN && !($0.value ?? "*").contains("*") }),
              let value = filter.value else { return nil }
        let name = filter.propertyName
        return "HubSpot's contains matches whole words; for words starting with \(value) write \(name) contains \(Value.sourceText(value + "*")), "
            + "for any part of the text filter here: | where \(name) contains \(Value.sourceText(value))"
    }
}

/// Records as JSON values.
struct RecordValues<Records: AsyncSequence & Sendable>: AsyncSequence, Sendable where Records.Element == CRMRecord {
    let records: Records
    /// Counts the records read.
    let tally: StatementTally
    /// What a search expected to read: at its end, the records it did not read are told to the tally.
    var count: SearchCount?
    /// Said (through the tally) when the records end before any came.
    var emptyHint: String?

    func makeAsyncIterator() -> Iterator {
        Iterator(base: records.makeAsyncIterator(), tally: tally, count: count, emptyHint: emptyHint)
    }

    struct Iterator: AsyncIteratorProtocol {
        var base: Records.AsyncIterator
        let tally: StatementTally
        let count: SearchCount?
        let emptyHint: String?
        var delivered = 0

        mutating func next() async throws -> JSONValue? {
            guard let record = try await base.next() else {
                if delivered == 0, let emptyHint { await tally.noteHint(emptyHint) }
                if let expected = await count?.expected, delivered < expected {
                    await tally.noteUnread(expected - delivered, of: expected)
                }
                return nil
            }
            delivered += 1
            await tally.noteRead()
            return record.value
        }
    }
}

/// How many records a search should yield: HubSpot's count of matches when it started, up to its limit.
actor SearchCount {
    let limit: Int?
    private(set) var expected: Int?

    init(limit: Int?) { self.limit = limit }

    func expect(_ total: Int) { expected = min(total, limit ?? total) }
}
