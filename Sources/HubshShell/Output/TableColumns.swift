import JSONValue

/// Which columns a table of records shows, in which order: `id`, then the properties asked for in
/// the order asked (`props`, `select`) and the values' other fields (a write's `status`, `error`);
/// when nothing was asked, every property, the ones that name a record first and dates last.
enum TableColumns {
    /// The properties that name a record of each object type, shown first.
    static let leading: [String: [String]] = [
        "contacts": ["email", "firstname", "lastname"],
        "companies": ["name", "domain"],
        "deals": ["dealname", "amount", "dealstage", "pipeline"],
        "tickets": ["subject", "hs_pipeline_stage", "hs_ticket_priority"],
    ]
    /// A write result's fields that its statement (and a dry run's banner) already say, the same on
    /// every row: left out of tables, kept in JSON.
    static let statementFields: Set<String> = ["dryRun", "operation", "objectType"]
    /// The fields a write result leads with: which record, what happened, what would change.
    static let resultHead = ["id", "status", "changes"]
    /// Properties that say when, shown last.
    static let dateNames: Set<String> = ["createdate", "lastmodifieddate", "hs_lastmodifieddate", "hs_createdate"]

    static func choose(_ rows: [TerminalCells], shape: ResultShape) -> [String] {
        var names: [String] = []
        var seen = Set<String>()
        var properties = Set<String>()
        for row in rows {
            properties.formUnion(row.propertyNames)
            for name in row.cells.keys where seen.insert(name).inserted { names.append(name) }
        }
        let isResult = seen.contains("status")
        let others = names.filter { !properties.contains($0) && !(isResult && statementFields.contains($0)) }
        if let asked = shape.columns, !asked.isEmpty, asked.contains(where: seen.contains) {
            // Asked properties, in order, even where no value has them; fields that are not properties
            // (`id`, `status`, `error`) stay.
            var chosen: [String] = resultHead.filter { others.contains($0) && !asked.contains($0) }
            for name in asked where !chosen.contains(name) { chosen.append(name) }
            for name in others where !chosen.contains(name) { chosen.append(name) }
            return chosen
        }
        guard rows.contains(where: \.isRecord) else { return isResult ? others : names }
        let leading = leading[shape.objectType?.lowercased() ?? ""] ?? ["name", "email", "label", "subject"]
        func isDate(_ name: String) -> Bool {
            if let type = shape.types[name] { return type == "date" || type == "datetime" }
            return dateNames.contains(name)
        }
        let props = names.filter(properties.contains)
        let first = leading.filter(properties.contains)
        let middle = props.filter { !first.contains($0) && !isDate($0) }
        let dates = props.filter { !first.contains($0) && isDate($0) }
        let head = resultHead.filter(others.contains)
        let tail = others.filter { !resultHead.contains($0) }
        return head + first + middle + dates + tail
    }
}
