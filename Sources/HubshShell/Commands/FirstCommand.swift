import HubshLanguage
import JSONValue

/// `first [N]`: the first N values of the stream (1 by default); reading stops there.
struct FirstCommand: ShellCommand {
    static let signature = CommandSignature(
        ["first"], family: .local, summary: "Keep the first N values of the stream (default 1).",
        positionals: [countParameter],
        input: .values, output: .values,
        examples: [Example("search contacts | first 5", "the first five contacts", .lines(5, each: #""id":"#, #""email":"#)),
                   Example("activity add top = search deals sort amount desc | first $n", "a saved top-N, run with n=10", .nothing)])

    static let countParameter = Parameter("count", "how many values to keep (a number or a $variable)", required: false, role: .variable)

    /// N as written; nil for 1.
    let count: Value?

    init(_ bound: BoundCommand) throws(Diagnostic) {
        count = bound[Self.countParameter]
        if let count, let text = count.literalText, (Int(text) ?? -1) < 0 {
            throw Diagnostic("first needs a whole number, not \(count)", at: count.range)
        }
    }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        var limit = 1
        if let count { limit = try await context.wholeNumber(count, for: "first") }
        let taking = limit
        return ValueStream.unfold(state: { (values: input.makeAsyncIterator(), taken: 0) }) { state in
            guard state.taken < taking, let value = try await state.values.next() else { return nil }
            state.taken += 1
            return value
        }
    }
}
