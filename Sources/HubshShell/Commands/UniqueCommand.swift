import HubshLanguage
import JSONValue

/// `unique [FIELD]`: drops repeated values, or values whose FIELD repeats an earlier one; the first
/// of each is kept. It streams, remembering only the keys it has seen. Field values are compared as
/// text, exactly (`17` and `"17"` are the same key); values without the field share one key.
struct UniqueCommand: ShellCommand {
    static let signature = CommandSignature(
        ["unique"], family: .local, summary: "Drop repeated values, or values whose field repeats.",
        positionals: [field],
        input: .values, output: .values,
        examples: [
            Example("open leads.csv | unique email", "one lead per email address (the first)", .lines(#"{"email":"ann@acme.com","firstname":"Ann","lastname":"Lee","country":"DE"}"#, #"{"email":"bob@acme.com","firstname":"Bob","lastname":"Ray","country":"AT"}"#)),
            Example("search contacts props lifecyclestage | unique lifecyclestage | select lifecyclestage", "a contact of each lifecycle stage in use", .lines(8, each: #""lifecyclestage":"#)),
            Example("open tags.jsonl | unique", "each distinct value once", .lines("red", "blue")),
        ])

    static let field = Parameter("field", "compare only this field or property", required: false, role: .field)

    let field: String?

    init(_ bound: BoundCommand) throws(Diagnostic) {
        if let value = bound[Self.field] {
            guard let name = value.literalText else { throw Diagnostic("unique needs a field name, not \(value)", at: value.range) }
            field = name
        } else {
            field = nil
        }
    }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        let field = field
        return ValueStream.unfold(state: { (values: input.makeAsyncIterator(), seen: Set<JSONValue>()) }) { state in
            while let value = try await state.values.next() {
                let key: JSONValue = field.map { RecordField.text($0, in: value).map(JSONValue.string) ?? .null } ?? value
                if state.seen.insert(key).inserted { return value }
            }
            return nil
        }
    }
}
