import HubshLanguage
import JSONValue

/// `count`: how many values the stream holds (one number).
struct CountCommand: ShellCommand {
    static let signature = CommandSignature(
        ["count"], family: .local, summary: "Count the values of the stream.",
        input: .values, output: .values,
        examples: [Example("search contacts where lifecyclestage = lead | count", "how many leads there are", .lines("579"))])

    init(_ bound: BoundCommand) throws(Diagnostic) {}

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        var count = 0
        for try await _ in input { count += 1 }
        return ValueStream([.int(count)])
    }
}
