import HubshLanguage
import JSONValue

/// `history`: the statements of this session so far, numbered, with tokens masked.
struct HistoryCommand: ShellCommand {
    static let signature = CommandSignature(
        ["history"], family: .session, summary: "Show this session's statements, numbered.",
        output: .values,
        examples: [Example("history", "what has been run so far", .lines(#"{"number":1,"statement":"history"}"#))])

    init(_ bound: BoundCommand) throws(Diagnostic) {}

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        let statements = await context.session.statements
        return ValueStream(statements.enumerated().map { ["number": .int($0.offset + 1), "statement": .string(SecretMask.redact($0.element))] })
    }
}
