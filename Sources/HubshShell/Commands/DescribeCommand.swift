import HubSpotAPI
import HubshLanguage
import JSONValue

/// `describe OBJECT PROP`: one property's definition, with its options.
struct DescribeCommand: ShellCommand {
    static let signature = CommandSignature(
        ["describe"], family: .discovery, summary: "Show one property: its type, field type, options and rules.",
        positionals: [Parameter("object", "the object type", completion: .objectTypes),
                      Parameter("property", "the property's name", completion: .properties)],
        output: .values,
        examples: [Example("describe contacts lifecyclestage", "the lifecycle stages a contact can take")])

    let bound: BoundCommand

    init(_ bound: BoundCommand) throws(Diagnostic) { self.bound = bound }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        let client = try await context.client()
        let name = try await context.text(bound.positional("property")!)
        let type = bound.objectType ?? ""
        let result = await Result { () async throws(HubSpotAPIError) in try await client.property(type, name) }
        switch result {
        case .success(let property):
            return ValueStream([.object(property.json)])
        case .failure(let error) where error.status == 404:
            let names = (try? await client.properties(type).map(\.name)) ?? []
            throw Diagnostic("\(type) has no property \(name)", at: bound.positional("property")!.range,
                             suggestion: Suggest.closest(to: name, in: names))
        case .failure(let error):
            throw error
        }
    }
}

extension Result where Failure == HubSpotAPIError {
    /// The outcome of an async call that throws only `HubSpotAPIError`.
    init(_ body: () async throws(HubSpotAPIError) -> Success) async {
        do {
            self = .success(try await body())
        } catch {
            self = .failure(error)
        }
    }
}
