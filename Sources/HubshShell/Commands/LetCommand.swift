import HubshLanguage

/// `let NAME = VALUE`: sets a session variable, used later as `$NAME`.
struct LetCommand: ShellCommand {
    static let signature = CommandSignature(
        ["let"], family: .session, summary: "Set a variable for later statements ($NAME).",
        positionals: [nameParameter],
        rest: Parameter("value", "a word, number, string, $variable or env:NAME"),
        output: .nothing,
        examples: [Example("let cutoff = 2025-06-01", "then: search deals where closedate < $cutoff", .nothing)])

    static let nameParameter = Parameter("name", "the variable's name", role: .variable)

    let name: String
    let value: Value

    init(_ bound: BoundCommand) throws(Diagnostic) {
        guard let name = bound[Self.nameParameter], case .word(let text) = name.kind else {
            throw Diagnostic("let needs a plain variable name: let NAME = VALUE", at: bound.syntax.range)
        }
        let rest = bound.rest
        guard rest.count == 1, let value = rest.first?.value else {
            let range = rest.first.flatMap { first in rest.last.map { first.range.union($0.range) } } ?? bound.syntax.range
            throw Diagnostic("let takes one value after '=' (quote text with spaces)", at: range)
        }
        self.name = text
        self.value = value
    }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        await context.session.setVariable(name, try await context.json(value))
        return .empty
    }
}
