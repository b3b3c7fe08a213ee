import HubSpotAPI
import HubshLanguage
import JSONValue

/// What an import will do, settled before anything is sent: the operation, the column rows are
/// matched on (the record id's, or `--by`'s), and the object type's id for the Imports API.
struct ImportPlan: Sendable {
    let bound: BoundCommand
    let source: ImportFile
    let objectType: String
    let operation: ImportOperation
    /// The property rows are matched on (update, upsert): `--by`'s; nil for an update by record id.
    let key: String?

    init(bound: BoundCommand, source: ImportFile, objectType: String, definitions: [PropertyDefinition], context: ShellContext) async throws {
        self.bound = bound
        self.source = source
        self.objectType = objectType
        let byValue = bound[ImportCommand.by]
        var by: String?
        if let byValue {
            let name = try await context.text(byValue)
            guard definitions.contains(where: { $0.name == name }) else {
                throw Diagnostic("import: \(objectType) has no property \(name)", at: byValue.range,
                                 suggestion: Suggest.didYouMeanName(name, in: definitions.map(\.name)))
            }
            by = name
        }
        var operation = by == nil ? ImportOperation.create : .upsert
        if let value = bound[ImportCommand.operation] { operation = try ImportOperation.named(try await context.text(value), at: value.range) }
        self.operation = operation
        let properties = Set(source.columns.map(\.property))
        switch operation {
        case .create:
            key = nil
        case .update, .upsert:
            if let by {
                guard properties.contains(by) else {
                    throw Diagnostic("import: --by \(by): no column of \(source.name) maps to \(by) (columns: \(source.header.filter { !$0.isEmpty }.joined(separator: ", ")))",
                                     at: byValue?.range ?? bound.syntax.range)
                }
                key = by
            } else if operation == .update, properties.contains("id") {
                key = nil
            } else {
                throw Diagnostic("import: \(operation.rawValue) needs --by PROP\(operation == .update ? " or a record id column" : ""), to match rows to records",
                                 at: bound[ImportCommand.operation]?.range ?? bound.syntax.range)
            }
        }
    }

    /// The bulk writer's operation for the batch route.
    var bulkOperation: BulkOperation {
        switch operation {
        case .create: .create(objectType: objectType, uniqueProperty: StandardObjectType.named(objectType)?.uniqueProperty)
        case .update: .update(objectType: objectType, idProperty: key)
        case .upsert: .upsert(objectType: objectType, idProperty: key ?? "hs_object_id")
        }
    }

    /// The rows as the bulk writer's inputs (`{id?, properties, line}`), read as they are pulled.
    func inputs() -> ValueStream {
        let source = source
        let operation = operation
        let key = key
        let range = bound[ImportCommand.file]?.range ?? bound.syntax.range
        return ValueStream.unfold(state: { FileValues(path: source.path, format: .csv, encoding: .utf8, range: range) }) { file in
            guard let row = try file.next() else { return nil }
            var properties = source.properties(of: row)
            let id = properties.removeValue(forKey: "id")
            var input: JSONObject = [:]
            switch operation {
            case .create: break
            case .update, .upsert: input["id"] = key.flatMap { properties[$0] } ?? id ?? .null
            }
            input["properties"] = .object(properties)
            if let line = file.line { input["line"] = .int(line) }
            return .object(input)
        }
    }

    /// The batch route: the bulk writer, as `open FILE | create|update|upsert` writes (journalled,
    /// a result per row, `--rejects`, `--dry-run`).
    func batch(context: ShellContext) async throws -> ValueStream {
        try await RecordWrite(bound: bound, verb: "import").run(bulkOperation, inputs: inputs(), context: context)
    }

    /// The object type's id, as the Imports API's column mappings name it (`0-1`, a custom `2-…`).
    func objectTypeId(context: ShellContext) async throws -> String {
        if let standard = StandardObjectType.named(objectType) { return standard.objectTypeId }
        if let schema = try await context.customObjectSchemas().first(where: { $0.name == objectType || $0.objectTypeId == objectType }) {
            return schema.objectTypeId
        }
        throw Diagnostic("import: unknown object type '\(objectType)'", at: bound[ImportCommand.object]?.range ?? bound.syntax.range)
    }
}
