import JSONValue

extension SandboxStore {
    /// `POST /crm/v3/objects/{type}/search` (hubspot-api.md §2.6): the total, the page, the next offset.
    ///
    /// The request is checked and compiled into record tests once; the table is then scanned once,
    /// counting `total` and keeping only the records the page needs (in table order, which is creation
    /// order, or in a bounded heap when a sort is given). Archived records never match. With a search lag,
    /// the scan reads the table as it was that long ago (`SearchLag.swift`).
    func search(_ typeReference: String, _ request: SearchRequest) throws(HubSpotError) -> SearchPage {
        let type = try objectType(typeReference)
        let catalog = catalog(type)
        let (table, scan) = try scanning(type, filterGroups: request.filterGroups, query: request.query,
                                         after: request.after, limit: request.limit, lagging: true)
        let records = table.records
        let (total, page): (Int, [Int])
        if let sort = request.sort {
            let source = FieldSource(sort.propertyName, type)
            let field = FieldReader(source, in: table)
            switch FieldKind(source, catalog[sort.propertyName]) {
            case .number: (total, page) = scan.sorted(records, by: SearchOrder(number: field, descending: sort.descending))
            case .time: (total, page) = scan.sorted(records, by: SearchOrder(time: field, descending: sort.descending))
            case .text: (total, page) = scan.sorted(records, by: SearchOrder(text: field, caseSensitive: false, descending: sort.descending))
            case .enumeration: (total, page) = scan.sorted(records, by: SearchOrder(text: field, caseSensitive: true, descending: sort.descending))
            }
        } else {
            (total, page) = scan.inTableOrder(records)
        }

        let names = propertyNames(request.properties, defaults: type.searchDefaultProperties, type: type)
        var answers: [RecordAnswer] = []
        answers.reserveCapacity(page.count)
        for position in page { answers.append(answer(records[position], type, names: names)) }
        // A next page is announced only while it starts inside the 10,000-result window.
        let end = request.after + request.limit
        let next = request.limit > 0 && end < total && end < SearchLimits.resultWindow ? end : nil
        return SearchPage(total: total, records: answers, next: next)
    }
}

extension SandboxStore {
    /// The records of `type` as a scan sees them (as they were a search lag ago when `lagging`), and the
    /// scan of `filterGroups` and `query` over them: what search and an export both read.
    func scanning(_ type: ObjectType, filterGroups: [[SearchFilter]], query: String?, after: Int, limit: Int,
                  lagging: Bool) throws(HubSpotError) -> (table: SearchTable, scan: SearchScan) {
        let column = { (name: String) in self.tables[type.objectTypeId]?.column(name) ?? [] }
        let unseen = lagging ? tables[type.objectTypeId]?.searchLag?.unseen() ?? [:] : [:]
        let table = if unseen.isEmpty {
            SearchTable(records: tables[type.objectTypeId]?.records ?? [], column: column)
        } else {
            SearchTable(lagging: tables[type.objectTypeId] ?? RecordTable(), unseen: unseen, column: column)
        }
        let compiler = SearchFilterCompiler(type: type, catalog: catalog(type), table: table) { reference, id in
            guard let target = try? self.objectType(reference) else { return nil }
            return self.associatedIds(of: type, to: target, id: id)
        }
        let scan = SearchScan(filter: try compiler.compile(filterGroups),
                              query: query.map(QueryPattern.init).flatMap { $0.isEmpty ? nil : $0 },
                              querySources: QuerySources(type.queryProperties, type, in: table), after: after, limit: limit)
        return (table, scan)
    }
}

extension SandboxStore {
    /// Makes search see every write `lag` late, measured on `clock`; zero makes it see them at once. What
    /// the account holds when this is called is seen at once (seed data, a loaded state file).
    public func setSearchLag(_ lag: Duration, clock: SearchLagClock = .monotonic) {
        let milliseconds = lag.wholeMilliseconds
        searchLag = milliseconds > 0 ? SearchLagLog(lag: milliseconds, clock: clock) : nil
        for typeId in Array(tables.keys) { tables[typeId]?.searchLag = searchLag }
    }
}
