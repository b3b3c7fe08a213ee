import HubshLanguage
import JSONValue

/// `select a,b`: keeps only these fields of each value (for records: `id` and these properties).
struct SelectCommand: ShellCommand {
    static let signature = CommandSignature(
        ["select"], family: .local, summary: "Keep only the named fields (or properties) of each value.",
        positionals: [fieldsParameter],
        input: .values, output: .values,
        examples: [Example("search contacts | select email,firstname", "each contact's id, email and first name", .atLeast(1000, each: #""id":"#, #""email":"#))])

    static let fieldsParameter = Parameter("fields", "field or property names, comma separated", repeats: true, role: .field)

    let fields: [String]

    init(_ bound: BoundCommand) throws(Diagnostic) {
        fields = bound.values(Self.fieldsParameter).compactMap(\.literalText).flatMap { $0.split(separator: ",").map(String.init) }
        guard !fields.isEmpty else { throw Diagnostic("select needs field names: select a,b", at: bound.syntax.range) }
    }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        let fields = fields
        context.resultHint.update { $0.columns = fields }
        return input.compactMap { value in
            guard let object = value.objectValue else { return value }
            var picked: JSONObject = [:]
            let properties = object["properties"]?.objectValue
            if properties != nil, let id = object["id"] { picked["id"] = id }
            for field in fields { picked[field] = object[field] ?? properties?[field] ?? .null }
            return .object(picked)
        }
    }
}
