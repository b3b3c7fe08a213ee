import HubshLanguage

/// `activity add NAME = PIPELINE`: saves a pipeline under a name; its `$variables` are its parameters,
/// given at `activity run NAME var=value`. The pipeline runs to the end of the statement, `|` included;
/// it may also be given quoted.
struct ActivityAddCommand: ShellCommand {
    static let signature = CommandSignature(
        ["activity", "add"], family: .activities, summary: "Save a pipeline under a name; its $variables are parameters.",
        positionals: [nameParameter],
        rest: Parameter("pipeline", "the pipeline to save, to the end of the statement", role: .pipeline),
        output: .nothing,
        examples: [Example("activity add stale = search deals where hs_lastmodifieddate < $cutoff", "run it with: activity run stale cutoff=2025-06-01", .nothing),
                   Example("activity add top = search contacts sort createdate desc | first 10", "the pipeline runs to the end of the line", .nothing)])

    static let nameParameter = Parameter("name", "a name for the activity", role: .activity)

    /// Where the pipeline was written.
    enum Source {
        /// Unquoted after `=`: the commands keep their ranges in the statement.
        case written(Pipeline)
        /// Quoted after `=`: the text, and where the string was.
        case quoted(String, SourceRange)
    }

    let name: String
    let source: Source

    init(_ bound: BoundCommand) throws(Diagnostic) {
        name = try SavedName.new(bound[Self.nameParameter], what: "activity", in: bound)
        let rest = bound.rest
        if rest.count == 1, let first = rest.first, case .value(.string(let text)) = first.kind {
            source = .quoted(text, first.range)
        } else if let pipeline = bound.restPipeline ?? Pipeline(commands: [bound.syntax], range: bound.syntax.range).subpipeline(startingAtArgument: rest.startIndex) {
            source = .written(pipeline)
        } else {
            throw Diagnostic("activity add needs a pipeline after '=', starting with a command (activity add \(name) = search contacts …)",
                             at: rest.first?.range ?? bound.syntax.range)
        }
        // Its text is saved and shown: a literal token would be too.
        let (text, range): (String, SourceRange) = switch source {
        case .written(let pipeline): (pipeline.description, pipeline.range)
        case .quoted(let text, let range): (text, range)
        }
        guard SecretMask(text).isEmpty else {
            throw Diagnostic("an activity must not hold a literal token (it would be saved and shown); use env:VAR or a $variable", at: range)
        }
    }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        let text = try check(in: context.registry)
        if try await context.activities.add(SavedActivity(name: name, pipeline: text)) {
            context.message("replaced activity \(name)")
        }
        return .empty
    }

    /// Binds the pipeline's commands (so a typo is caught now, not at `activity run`) and returns its text.
    private func check(in registry: CommandRegistry) throws(Diagnostic) -> String {
        let binder = Binder(registry: registry)
        switch source {
        case .written(let pipeline):
            for command in pipeline.commands { _ = try binder.bind(command) }
            return pipeline.description
        case .quoted(let text, let range):
            let parsed = Parser.parse(text)
            guard let script = parsed.script else {
                let reason = parsed.diagnostics.first?.message ?? "it does not parse"
                throw Diagnostic("the quoted pipeline does not parse: \(reason)", at: range)
            }
            guard script.statements.count == 1, let statement = script.statements.first else {
                throw Diagnostic("an activity is one pipeline (no ';' or new lines)", at: range)
            }
            guard statement.redirection == nil else {
                throw Diagnostic("an activity cannot redirect to a file; redirect when you run it: activity run \(name) > FILE", at: range)
            }
            for command in statement.commands {
                do {
                    _ = try binder.bind(command)
                } catch {
                    throw Diagnostic("in the quoted pipeline: \(error.message)", at: range, suggestion: error.suggestion)
                }
            }
            return text
        }
    }
}
