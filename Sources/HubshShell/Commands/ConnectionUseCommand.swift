import HubshLanguage

/// `connection use NAME`: the connection later commands talk to; remembered for the next start.
struct ConnectionUseCommand: ShellCommand {
    static let signature = CommandSignature(
        ["connection", "use"], family: .connections, summary: "Use a connection for the commands that follow (and next time).",
        positionals: [SavedName.connection],
        output: .nothing,
        examples: [Example("connection use prod", "search, create, … now talk to prod", .nothing)])

    let bound: BoundCommand

    init(_ bound: BoundCommand) throws(Diagnostic) { self.bound = bound }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        let name = try await context.existingConnection(bound[SavedName.connection], in: bound)
        await context.session.use(connection: name)
        try await context.connections.setCurrent(name)
        return .empty
    }
}
