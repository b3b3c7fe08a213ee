import HubshLanguage
import JSONValue

/// `activity run NAME [var=value…]`: runs a saved activity on the input stream. The variables given
/// hold only for this run: the activity runs in a copy of the session, so the session's own values
/// are untouched afterwards, even while the activity's stream is still being read.
struct ActivityRunCommand: ShellCommand {
    static let signature = CommandSignature(
        ["activity", "run"], family: .activities, summary: "Run a saved activity, giving its $variables as var=value.",
        positionals: [SavedName.activity],
        assignments: .variable,
        input: .values, output: .values,
        examples: [Example("activity run stale cutoff=2025-06-01 | delete --dry-run", "the stale deals of that date, as a dry run", .atLeast(1, each: #""status":"would archive""#, #""objectType":"deals""#)),
                   Example("open new-leads.csv | activity run import-leads", "an activity fed from the pipe", .lines(2, each: #""status":"created""#))])

    /// The activities running in this task, innermost last, so one that runs itself is refused.
    @TaskLocal static var running: [String] = []

    let bound: BoundCommand

    init(_ bound: BoundCommand) throws(Diagnostic) { self.bound = bound }

    /// The object type of the saved pipeline's last command that names one, so
    /// `activity run stale | delete` deletes what the activity found.
    static func objectType(of bound: BoundCommand, in context: ShellContext) async -> String? {
        guard let name = bound[SavedName.activity]?.literalText else { return bound.objectInContext }
        // An activity a script adds before running it is not saved yet when the script is first
        // checked: its object type is then unknown (""), and known when the statement runs.
        guard let activity = await context.activities.activity(name) else { return bound.objectInContext ?? "" }
        guard let statement = Parser.parse(activity.pipeline).script?.statements.first else { return bound.objectInContext }
        let binder = Binder(registry: context.registry)
        var found = bound.objectInContext
        for (position, command) in statement.commands.enumerated() {
            if let type = (try? binder.bind(command, piped: position > 0))?.objectType { found = type }
        }
        return found
    }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        guard let nameValue = bound[SavedName.activity] else { return .empty }
        let activity = try await context.existingActivity(nameValue)
        let name = activity.name
        if Self.running.contains(name) {
            throw Diagnostic("activity \(name) runs itself (\((Self.running + [name]).joined(separator: " → ")))", at: nameValue.range)
        }
        let parameters = activity.parameters
        var given: [(String, JSONValue)] = []
        for assignment in bound.assignments {
            guard parameters.contains(assignment.name) else {
                throw Diagnostic("activity \(name) has no parameter \(assignment.name)"
                                 + (parameters.isEmpty ? "" : " (its parameters: \(parameters.joined(separator: ", ")))"),
                                 at: assignment.range, suggestion: Suggest.didYouMean(assignment.name, in: parameters))
            }
            // `name=` with nothing after it is the empty string.
            var value = JSONValue.string("")
            if let written = assignment.value { value = try await context.json(written) }
            given.append((assignment.name, value))
        }
        for parameter in parameters where !given.contains(where: { $0.0 == parameter }) {
            if await context.session.variable(parameter) == nil {
                throw Diagnostic("activity \(name) needs $\(parameter): activity run \(name) \(parameter)=VALUE", at: bound.syntax.range)
            }
        }
        let runContext = given.isEmpty ? context : await Self.scoped(context, with: given)
        let relocate: @Sendable (any Error) -> any Error = { error in
            guard let diagnostic = error as? Diagnostic else { return error }
            return Diagnostic("activity \(name): \(diagnostic.message)", at: nameValue.range, suggestion: diagnostic.suggestion)
        }
        do {
            let stream = try await Self.$running.withValue(Self.running + [name]) {
                try await Interpreter(context: runContext).stream(activity.pipeline, input: input, piped: bound.hasUpstream)
            }
            return ValueStream(ErrorMappedValues(base: stream, transform: relocate))
        } catch {
            throw relocate(error)
        }
    }

    /// A context like `context` whose session is a copy of its session with `variables` set.
    static func scoped(_ context: ShellContext, with variables: [(String, JSONValue)]) async -> ShellContext {
        let original = context.session
        let session = Session()
        for name in await original.variableNames {
            if let value = await original.variable(name) { await session.setVariable(name, value) }
        }
        let settings = await original.settings
        await session.update { $0 = settings }
        await session.use(connection: await original.connectionName)
        for (name, value) in variables { await session.setVariable(name, value) }
        return ShellContext(registry: context.registry, session: session, connections: context.connections,
                            environment: context.environment, isInteractive: context.isInteractive, message: context.message)
    }
}

/// A stream whose errors are rewritten (a saved pipeline's diagnostics point into its own text, so
/// they are moved to the `activity run` that ran it).
private struct ErrorMappedValues: AsyncSequence, Sendable {
    typealias Element = JSONValue
    let base: ValueStream
    let transform: @Sendable (any Error) -> any Error

    func makeAsyncIterator() -> Iterator { Iterator(base: base.makeAsyncIterator(), transform: transform) }

    struct Iterator: AsyncIteratorProtocol {
        var base: ValueStream.Iterator
        let transform: @Sendable (any Error) -> any Error
        mutating func next() async throws -> JSONValue? {
            do {
                return try await base.next()
            } catch {
                throw transform(error)
            }
        }
    }
}
