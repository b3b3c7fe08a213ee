import HubshLanguage
import JSONValue

/// `first [N]`: the first N values of the stream (1 by default); reading stops there.
struct FirstCommand: ShellCommand {
    static let signature = CommandSignature(
        ["first"], family: .local, summary: "Keep the first N values of the stream (default 1).",
        positionals: [Parameter("count", "how many values to keep", required: false)],
        input: .values, output: .values,
        examples: [Example("search contacts | first 5", "the first five contacts")])

    let count: Int

    init(_ bound: BoundCommand) throws(Diagnostic) {
        guard let value = bound.positional("count") else { count = 1; return }
        guard let text = value.literalText, let count = Int(text), count >= 0 else {
            throw Diagnostic("first needs a whole number, not \(value)", at: value.range)
        }
        self.count = count
    }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        var values: [JSONValue] = []
        var iterator = input.makeAsyncIterator()
        while values.count < count, let value = try await iterator.next() { values.append(value) }
        return ValueStream(values)
    }
}
