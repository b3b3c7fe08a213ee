import HubshLanguage
import JSONValue

/// `activity list`: every saved activity with its pipeline and parameters.
struct ActivityListCommand: ShellCommand {
    static let signature = CommandSignature(
        ["activity", "list"], aliases: [["activities"]], family: .activities, summary: "List the saved activities.",
        output: .values,
        examples: [Example("activity list", "each activity's name, pipeline and parameters", .lines(#"{"name":"import-leads","pipeline":"upsert contacts --by email","parameters":[]}"#, #"{"name":"stale","pipeline":"search deals where hs_lastmodifieddate < $cutoff","parameters":["cutoff"]}"#))])

    init(_ bound: BoundCommand) throws(Diagnostic) {}

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        let all = await context.activities.all
        if all.isEmpty, context.isInteractive { context.message("no activities yet: activity add NAME = PIPELINE") }
        return ValueStream(all.map(\.json))
    }
}
