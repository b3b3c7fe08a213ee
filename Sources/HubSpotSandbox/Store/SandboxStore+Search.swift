import JSONValue

extension SandboxStore {
    /// `POST /crm/v3/objects/{type}/search` (hubspot-api.md §2.6): `{total, results, paging?}`.
    ///
    /// The request is checked and compiled into record tests once; the table is then scanned once,
    /// counting `total` and keeping only the records the page needs (in table order, which is creation
    /// order, or in a bounded heap when a sort is given). Archived records never match.
    public func search(_ typeReference: String, _ body: JSONValue, bodySize: Int) throws(HubSpotError) -> JSONValue {
        let type = try objectType(typeReference)
        let request = try SearchRequest(parsing: body, bodySize: bodySize)
        let catalog = catalog(type)
        let compiler = SearchFilterCompiler(type: type, catalog: catalog) { reference, id in
            guard let target = try? self.objectType(reference) else { return nil }
            return self.associatedIds(of: type, to: target, id: id)
        }
        let filter = try compiler.compile(request.filterGroups)
        let query = request.query.map(QueryPattern.init).flatMap { $0.isEmpty ? nil : $0 }
        let querySources = type.queryProperties.map { FieldSource($0, type) }

        let records = tables[type.objectTypeId]?.records ?? []
        let end = request.after + request.limit
        var total = 0
        var page: [Int] = []
        page.reserveCapacity(request.limit)
        if let sort = request.sort {
            let source = FieldSource(sort.propertyName, type)
            let order = SearchOrder(source: source, kind: FieldKind(source, catalog[sort.propertyName]), descending: sort.descending)
            var top = TopRecords(capacity: end, order: order)
            for index in records.indices {
                let record = records[index]
                guard record.id != 0, !record.archived, filter?(record) ?? true, query?.matches(record, querySources) ?? true else { continue }
                total += 1
                top.offer(record, index: index)
            }
            page = top.ranked().dropFirst(request.after).map(\.index)
        } else {
            for index in records.indices {
                let record = records[index]
                guard record.id != 0, !record.archived, filter?(record) ?? true, query?.matches(record, querySources) ?? true else { continue }
                if total >= request.after && total < end { page.append(index) }
                total += 1
            }
        }

        let names = propertyNames(request.properties, defaults: type.searchDefaultProperties, type: type)
        var answer: JSONObject = ["total": .int(total), "results": .array(page.map { render(records[$0], type, names: names) })]
        // A next page is announced only while it starts inside the 10,000-result window.
        if request.limit > 0, end < total, end < SearchLimits.resultWindow {
            answer["paging"] = ["next": ["after": .string(String(end))]]
        }
        return .object(answer)
    }
}
