import HubshLanguage

/// `activity remove NAME`: forgets a saved activity.
struct ActivityRemoveCommand: ShellCommand {
    static let signature = CommandSignature(
        ["activity", "remove"], family: .activities, summary: "Forget a saved activity.",
        positionals: [SavedName.activity],
        output: .nothing,
        examples: [Example("activity remove stale", "stale is gone from the saved activities", .nothing)])

    let bound: BoundCommand

    init(_ bound: BoundCommand) throws(Diagnostic) { self.bound = bound }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        guard let value = bound[SavedName.activity] else { return .empty }
        let activity = try await context.existingActivity(value)
        try await context.activities.remove(activity.name)
        return .empty
    }
}
