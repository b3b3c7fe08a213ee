import HubSpotAPI
import HubshLanguage
import JSONValue

/// `import FILE --object TYPE [--map COL=PROP,…] [--operation create|update|upsert] [--by PROP]
/// [--via auto|batch|job] [--dry-run]`: a CSV file's rows become records, through the batch writes
/// (per-row results, journalled) or HubSpot's Imports API (a job on HubSpot's side; its error rows are
/// fetched and shown per row). Everything that can be checked is checked before anything is sent.
struct ImportCommand: ShellCommand {
    static let signature = CommandSignature(
        ["import"], family: .hubspot,
        summary: "Send a CSV file's rows to HubSpot as records: batch writes, or HubSpot's Imports API for large files.",
        positionals: [file],
        options: [object, map, operation, by, JobRoute.option, yes, dryRun, rejects, RecordWrite.concurrencyOption, RecordWrite.noJournalOption],
        output: .records, writes: true,
        examples: [
            Example("import new-leads.csv --object contacts --via batch", "a contact per row, through batch writes (a result per row)",
                    .lines(2, each: #""status":"created""#)),
            Example("import hubspot-export.csv --object contacts --operation upsert --by email --via job",
                    "HubSpot's column labels read as properties; the Imports API creates or updates each row (only refused rows are printed)", .nothing),
            Example("import crm-export.csv --object contacts --map 'E-mail address=email' --dry-run", "check each row as the write would; send nothing",
                    .lines(1, each: #""status":"would create""#, #""email":"ann@acme.com""#)),
        ])

    static let file = Parameter("file", "the CSV file (UTF-8; its first row names the columns)", role: .file)
    static let object = Option("object", "the object type the rows become", value: "OBJECT", role: .objectType)
    static let map = Option("map", "name a column's property yourself: COLUMN=PROP, several comma-separated (else by name or label)", value: "COLUMN=PROP")
    static let operation = Option("operation", "create (the default), update (by the record id column, or --by) or upsert (--by)", value: "OP",
                                  role: .choice(ImportOperation.allCases.map(\.rawValue)))
    static let by = Option("by", "the unique property rows are matched on (update, upsert)", value: "PROP", role: .property)
    static let yes = Option("yes", "do not ask before a job import (HubSpot's Imports API: undo cannot be offered)")
    static let dryRun = Option("dry-run", "check every row as the batch writes would and show what would change; send nothing")
    static let rejects = Option("rejects", "write the rows that failed to FILE (JSON Lines)", value: "FILE", role: .file)

    let bound: BoundCommand

    init(_ bound: BoundCommand) throws(Diagnostic) {
        self.bound = bound
        let file = try bound.required(Self.file)
        guard bound[Self.object] != nil else {
            throw Diagnostic("import needs --object OBJECT, the type the rows become (usage: \(Self.signature.usage))", at: file.range)
        }
        if let map = bound[Self.map], let text = map.literalText, HeaderMap.overrides(text) == nil {
            throw Diagnostic("import: --map takes COLUMN=PROP pairs, comma-separated (got '\(text)')", at: map.range)
        }
        try JobRoute.check(bound[Self.via], command: "import")
        if let value = bound[Self.operation], let text = value.literalText {
            let operation = try ImportOperation.named(text, at: value.range)
            if operation == .upsert, bound[Self.by] == nil {
                throw Diagnostic("import: upsert needs --by PROP, the unique property rows are matched on (e.g. --by email)", at: value.range)
            }
        }
    }

    static let via = JobRoute.option

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        let fileValue = try bound.required(Self.file)
        guard let object = bound[Self.object] else { return .empty }
        let path = try await context.text(fileValue)
        let type = try await context.text(object)
        try await Self.checkObjectType(type, at: object.range, context: context)
        var overrides: [(column: String, property: String)] = []
        if let map = bound[Self.map] {
            guard let pairs = HeaderMap.overrides(try await context.text(map)) else {
                throw Diagnostic("import: --map takes COLUMN=PROP pairs, comma-separated", at: map.range)
            }
            overrides = pairs
        }
        let definitions = try await context.propertyDefinitions(type)
        let source = try ImportFile(path: path, objectType: type, definitions: definitions, overrides: overrides,
                                    range: fileValue.range, mapRange: bound[Self.map]?.range)
        let plan = try await ImportPlan(bound: bound, source: source, objectType: type, definitions: definitions, context: context)
        for line in source.leftOut(objectType: type) { context.message(line) }
        let route = try await JobRoute.named(bound[Self.via], in: context, command: "import")
        let settings = await context.session.settings
        let dryRun = bound.has(Self.dryRun) || settings.dryRun
        let rows = "\(ProgressLine.grouped(source.rows)) row\(source.rows == 1 ? "" : "s") of \(source.name)"
        if dryRun {
            context.message("import: \(rows) into \(type), checked as batch writes (\(plan.operation.rawValue)); nothing is sent")
            return try await plan.batch(context: context)
        }
        switch route.resolved(count: source.rows) {
        case .job:
            context.message("import: \(rows) into \(type) via HubSpot's Imports API (job, \(plan.operation.rawValue))")
            return try await ImportJobRun(plan: plan, bound: bound).run(context: context)
        case .batch, .auto:
            context.message("import: \(rows) into \(type) via batch writes (\(plan.operation.rawValue))")
            return try await plan.batch(context: context)
        }
    }

    /// Refuses an object type the account does not have, with "did you mean", before anything is sent.
    static func checkObjectType(_ type: String, at range: SourceRange, context: ShellContext) async throws {
        if StandardObjectType.named(type) != nil { return }
        let names = await context.objectTypeNames()
        guard !names.contains(type) else { return }
        throw Diagnostic("import: unknown object type '\(type)'", at: range, suggestion: Suggest.didYouMean(type, in: names))
    }
}

/// What an import does with each row.
enum ImportOperation: String, Sendable, CaseIterable {
    case create, update, upsert

    static func named(_ text: String, at range: SourceRange) throws(Diagnostic) -> ImportOperation {
        guard let operation = ImportOperation(rawValue: text.lowercased()) else {
            let names = allCases.map(\.rawValue)
            throw Diagnostic("import: --operation takes \(names.joined(separator: ", ")), not '\(text)'", at: range,
                             suggestion: Suggest.didYouMean(text, in: names))
        }
        return operation
    }

    /// The Imports API's word for it (`importOperations`).
    var jobName: String { rawValue.uppercased() }
}
