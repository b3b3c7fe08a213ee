import HubSpotAPI
import HubshLanguage
import JSONValue

/// `pipelines OBJECT`: an object type's pipelines and their stages (at a terminal with each stage's
/// probability or ticket state).
struct PipelinesCommand: ShellCommand {
    static let signature = CommandSignature(
        ["pipelines"], family: .discovery, summary: "List an object type's pipelines with their stages (deals, tickets, …).",
        positionals: [Parameter("object", "the object type", role: .objectType)],
        output: .values,
        examples: [Example("pipelines deals", "the deal pipelines and each stage's id", .containing(#""id":"default","label":"Sales Pipeline""#))])

    let bound: BoundCommand

    init(_ bound: BoundCommand) throws(Diagnostic) { self.bound = bound }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        let client = try await context.client()
        let type = bound.objectType ?? ""
        let pipelines = try await client.pipelines(type)
        let values: [JSONValue] = pipelines.map { pipeline in
            ["id": .string(pipeline.id), "label": .string(pipeline.label),
             "stages": .array(pipeline.stages.map { ["id": .string($0.id), "label": .string($0.label)] })]
        }
        context.hintReport(.pipelines(pipelines, objectType: type), values: values)
        return ValueStream(values)
    }
}
