import JSONValue

/// Reports people read, made from the typed facts a command found (``Report``): `connection test`,
/// `describe OBJECT PROP`, `pipelines OBJECT`, `owners`. Programs get the command's JSON instead.
public struct ReportRenderer: Sendable {
    public var width: Int
    public var style: TerminalStyle = .plain

    public func render(_ report: Report) -> [String] {
        switch report.kind {
        case .connectionTest(let facts): connectionTestReport(facts)
        case .property(let definition, let objectType, let zone): propertyReport(definition, of: objectType, timeZone: zone)
        case .pipelines(let list, let objectType): pipelinesReport(list, of: objectType)
        case .owners(let list): ownersReport(list)
        case .explain(let plan): explainReport(plan)
        case .help(let page): page.rendered(width: width)
        }
    }

    /// `✓` in green or `✗` in red.
    func mark(_ ok: Bool) -> String { ok ? style.green("✓") : style.red("✗") }

    /// A check's line: its mark, its name padded to `nameWidth`, what was found.
    func check(_ ok: Bool, _ name: String, _ finding: String, nameWidth: Int) -> String {
        mark(ok) + " " + DisplayWidth.pad(name, to: nameWidth) + "  " + finding
    }

    /// A table of `values` (flat objects) in this report's width, without a footer.
    func table(_ values: [JSONValue], columns: [String]) -> [String] {
        TableRenderer(width: width, style: style).render(values, shape: ResultShape(columns: columns))
    }
}
