import HubshLanguage

/// `connection remove NAME`: forgets a connection (and stops using it if it was in use).
struct ConnectionRemoveCommand: ShellCommand {
    static let signature = CommandSignature(
        ["connection", "remove"], family: .connections, summary: "Forget a saved connection.",
        positionals: [SavedName.connection],
        output: .nothing,
        examples: [Example("connection remove old-portal", "old-portal is gone from the saved connections", .nothing)])

    let bound: BoundCommand

    init(_ bound: BoundCommand) throws(Diagnostic) { self.bound = bound }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        guard let value = bound[SavedName.connection] else { return .empty }
        let name = try await context.existingConnection(value, in: bound)
        try await context.connections.remove(name)
        await context.schemaCache.forget(name)
        if await context.session.connectionName == name {
            await context.session.use(connection: nil)
            context.message("connection \(name) was in use; choose another with: connection use NAME")
        }
        return .empty
    }
}
