import HubshLanguage

/// `activity show NAME`: one activity's pipeline and parameters.
struct ActivityShowCommand: ShellCommand {
    static let signature = CommandSignature(
        ["activity", "show"], family: .activities, summary: "Show a saved activity's pipeline and parameters.",
        positionals: [SavedName.activity],
        output: .values,
        examples: [Example("activity show stale", "its pipeline, and the variables to give it", .lines(#"{"name":"stale","pipeline":"search deals where hs_lastmodifieddate < $cutoff","parameters":["cutoff"]}"#))])

    let bound: BoundCommand

    init(_ bound: BoundCommand) throws(Diagnostic) { self.bound = bound }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        guard let value = bound[SavedName.activity] else { return .empty }
        return ValueStream([try await context.existingActivity(value).json])
    }
}
