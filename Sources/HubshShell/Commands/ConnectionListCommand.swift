import HubshLanguage
import JSONValue

/// `connection list`: one object per connection, tokens masked.
struct ConnectionListCommand: ShellCommand {
    static let signature = CommandSignature(
        ["connection", "list"], aliases: [["connections"]], family: .connections, summary: "List the connections (tokens masked).",
        output: .values,
        examples: [Example("connection list", "every connection, which one is in use, and where each token comes from", .containing(#""name":"old-portal""#, #""name":"prod","current":true"#))])

    init(_ bound: BoundCommand) throws(Diagnostic) {}

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        let names = await context.connections.names
        if names.isEmpty, context.isInteractive {
            context.message("no connections yet: connection add NAME --token env:HUBSPOT_ACCESS_TOKEN")
        }
        var values: [JSONValue] = []
        for name in names { values.append(try await ConnectionShowCommand.json(name, in: context)) }
        return ValueStream(values)
    }
}
