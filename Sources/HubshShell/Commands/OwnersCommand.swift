import HubSpotAPI
import HubshLanguage
import JSONValue

/// `owners`: the account's owners (what `hubspot_owner_id` takes).
struct OwnersCommand: ShellCommand {
    static let signature = CommandSignature(
        ["owners"], family: .discovery, summary: "List the owners records can be assigned to (hubspot_owner_id).",
        options: [email],
        output: .values,
        examples: [Example("owners", "every owner's id, email and name", .containing(#""email":"olivia.bennett@brightwave.io""#, #""type":"QUEUE""#))])

    static let email = Option("email", "only the owner with this email", value: "EMAIL")

    let bound: BoundCommand

    init(_ bound: BoundCommand) throws(Diagnostic) { self.bound = bound }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        let client = try await context.client()
        var email: String?
        if let value = bound[Self.email] { email = try await context.text(value) }
        let owners = try await client.owners(email: email)
        let values = owners.map { JSONValue.object($0.json) }
        context.hintReport(.owners(owners), values: values)
        return ValueStream(values)
    }
}
