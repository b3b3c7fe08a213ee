import HubshLanguage

/// `exit`: ends the REPL, or the script after this statement.
struct ExitCommand: ShellCommand {
    static let signature = CommandSignature(
        ["exit"], aliases: [["quit"]], family: .session, summary: "Leave hubsh (the REPL, or the script at this point).",
        output: .nothing,
        examples: [Example("exit", "end the session", .nothing)])

    init(_ bound: BoundCommand) throws(Diagnostic) {}

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        await context.session.requestExit()
        return .empty
    }
}
