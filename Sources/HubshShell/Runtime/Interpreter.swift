import HubshLanguage
import JSONValue

/// Runs hubsh text: parses it, binds every statement before running any (so a typo in line 40 stops
/// a script before line 1 touches HubSpot), then runs the statements in order, each a pipeline of
/// streams, and hands the last stream to the sink.
public struct Interpreter: Sendable {
    public let context: ShellContext
    var registry: CommandRegistry { context.registry }
    /// Whether `run` adds its statements to the session's history (not for a `source`d file).
    public var recordsHistory = true
    /// The script's file name, written before line numbers in messages (`cleanup.hubsh, line 3:`).
    public var sourceName: String?

    public init(context: ShellContext) {
        self.context = context
    }

    /// The output stream of one pipeline written as text (a saved activity, say), fed `input`;
    /// `piped` says the input is a real stream (the activity's command has one before it), so its first
    /// command reads it as a piped command would. Refusals come as the `Diagnostic`, with ranges into `text`.
    public func stream(_ text: String, input: ValueStream = .empty, piped: Bool = false) async throws -> ValueStream {
        let parsed = Parser.parse(text)
        guard let script = parsed.script else { throw parsed.diagnostics.first ?? Diagnostic("nothing to run", at: SourceRange(0, 0)) }
        guard script.statements.count == 1, let statement = script.statements.first, statement.redirection == nil else {
            throw Diagnostic("expected one pipeline without redirection", at: SourceRange(0, text.unicodeScalars.count))
        }
        let commands = try await plan(statement, piped: piped)
        return try await StatementEffects.$writes.withValue(StatementEffects.writes || Self.writes(commands)) {
            var stream = input
            for command in commands { stream = try await command.run(stream, in: context) }
            return stream
        }
    }

    /// Whether any of the commands changes HubSpot records.
    static func writes(_ commands: [any ShellCommand]) -> Bool {
        commands.contains { type(of: $0).signature.writes }
    }

    /// The commands of a pipeline, bound, with the object type each earlier command named carried to
    /// the ones after it.
    /// `schema: false` leaves out the checks against the account (for a pipeline kept to run later,
    /// whose variables and records are those of its run).
    func plan(_ statement: Pipeline, running: Bool = true, piped: Bool = false, schema: Bool = true,
              unreachable: UnreachableConnections = UnreachableConnections()) async throws -> [any ShellCommand] {
        let check = SchemaCheck(context: context, unreachable: unreachable, running: running)
        var commands: [any ShellCommand] = []
        var objectType: String?
        let written = writtenObjects(statement)
        for (index, command) in statement.commands.enumerated() {
            let (type, _) = try registry.resolveType(command)
            if let before = commands.last, type.signature.input == .nothing {
                // It reads nothing from the pipe: what flows into it would be lost without a word. The range
                // is the pipe between the two commands.
                let previous = Swift.type(of: before).signature.displayName
                throw Diagnostic("\(type.signature.displayName) reads nothing from the pipe: what \(previous) yields would be lost",
                                 at: SourceRange(statement.commands[index - 1].range.end, command.nameRange.start))
            }
            var bound = try Binder(registry: registry).bind(command, piped: piped || !commands.isEmpty)
            bound.objectInContext = objectType
            bound.hasUpstream = piped || !commands.isEmpty
            bound.downstreamObject = written[(index + 1)...].lazy.compactMap { $0 }.first
            bound.upstream = commands.map { Swift.type(of: $0).signature.name }
            if schema { try await check.check(&bound) }
            objectType = await type.objectType(of: bound, in: context)
            if type.signature.rest != nil || type.signature.takesStatement, let index = bound.restIndex {
                // The rest of the statement after `=` belongs to this command.
                let whole = Pipeline(commands: Array(statement.commands.drop { $0 != command }), redirection: statement.redirection,
                                     range: statement.range)
                bound.restPipeline = whole.subpipeline(startingAtArgument: index)
                if type.signature.rest?.role == .pipeline { try await planKept(bound, after: index, unreachable: unreachable) }
                commands.append(try type.init(bound))
                break
            }
            let command = try type.init(bound)
            if let aggregate = command as? any AggregatingCommand { try await check.check(aggregate, bound) }
            commands.append(command)
        }
        // A search straight before an aggregate asks for the properties it reads.
        for index in commands.indices.dropFirst() {
            guard var search = commands[index - 1] as? SearchCommand, let aggregate = commands[index] as? any AggregatingCommand,
                  let names = aggregate.readsProperties, !names.isEmpty else { continue }
            search.readFor = names
            commands[index - 1] = search
        }
        // `search … | count` and nothing else: HubSpot's total answers, without paging.
        if commands.count == 2, let search = commands[0] as? SearchCommand, var count = commands[1] as? CountCommand, count.by == nil {
            count.searchTotal = search
            commands[1] = count
        }
        return Self.readingPriorsInSearch(commands)
    }

    /// A search piped straight into a journalled update (`search … | update P=V`) reads the properties
    /// the update writes, so the journal takes their prior values from the search's records rather than
    /// a batch read per 100 (docs/shell.md, "The journal's cost"). The search's records reach nothing
    /// else, so the properties it asks for besides are only the journal's.
    static func readingPriorsInSearch(_ commands: [any ShellCommand]) -> [any ShellCommand] {
        var commands = commands
        for index in commands.indices.dropLast() {
            guard var search = commands[index] as? SearchCommand, let update = commands[index + 1] as? UpdateCommand else { continue }
            let bound = update.write.bound
            guard !bound.has(RecordWrite.noJournalOption), !bound.has(RecordWrite.ifUnchangedOption), !bound.assignments.isEmpty else { continue }
            search.alsoReads = bound.assignments.map(\.name)
            commands[index] = search
        }
        return commands
    }

    /// Plans the pipeline a command keeps to run later (`activity add NAME = PIPELINE`, written out or
    /// quoted), without the account's checks: what its commands refuse when built (a typo, HubSpot's
    /// filter limits) is refused with the statement, before the script runs. A quoted pipeline that does
    /// not parse is left to the command, which says so.
    private func planKept(_ bound: BoundCommand, after index: Int, unreachable: UnreachableConnections) async throws {
        if let kept = bound.restPipeline {
            _ = try await plan(kept, schema: false, unreachable: unreachable)
            return
        }
        let rest = bound.syntax.arguments[index...]
        guard rest.count == 1, let quoted = rest.first, case .value(.string(let text)) = quoted.kind,
              let statement = Parser.parse(text).script?.statements.first else { return }
        do {
            _ = try await plan(statement, schema: false, unreachable: unreachable)
        } catch let diagnostic as Diagnostic {
            throw Diagnostic("in the quoted pipeline: \(diagnostic.message)", at: quoted.range, suggestion: diagnostic.suggestion)
        }
    }

    /// For each command of the pipeline, the object type it names when it writes properties (create,
    /// update, upsert; nil otherwise,
    /// or when it cannot be bound: planning reports that in its turn).
    func writtenObjects(_ statement: Pipeline) -> [String?] {
        statement.commands.map { command in
            guard let (type, _) = try? registry.resolveType(command), type.signature.writes, type.signature.assignments == .property,
                  let bound = try? Binder(registry: registry).bind(command) else { return nil }
            return bound.objectType
        }
    }

    /// How a run ended, as the exit status the command line reports.
    public enum Outcome: Int32, Sendable {
        case success = 0
        case failure = 1
        case usage = 2
        case partial = 3
    }

    /// Runs `text`; values reaching the end of a pipeline go to `sink`, errors to the context's messages.
    /// `statementEnded` runs after each statement's last value reached `sink` (to flush what it holds).
    public func run(_ text: String, statementEnded: @Sendable () async -> Void = {}, sink: @escaping @Sendable (JSONValue) -> Void) async -> Outcome {
        let source = SourceText(text)
        let parsed = Parser.parse(text)
        guard let script = parsed.script else {
            for diagnostic in parsed.diagnostics { await report(diagnostic, in: source) }
            return .usage
        }
        // Every statement is planned before anything runs, so a typo or a misused option anywhere stops
        // the script first. Each is planned again when it runs, after the statements before it (an
        // activity added on line 5 is known to line 7).
        var refused: [Diagnostic] = []
        let unreachable = UnreachableConnections()
        for statement in script.statements {
            do {
                _ = try await plan(statement, running: false, unreachable: unreachable)
            } catch let diagnostic as Diagnostic {
                refused.append(diagnostic)
            } catch {
                refused.append(Diagnostic("\(error)", at: statement.range))
            }
        }
        guard refused.isEmpty else {
            for diagnostic in refused { await report(diagnostic, in: source) }
            return .usage
        }
        var outcome = Outcome.success
        for statement in script.statements {
            let text = source.text(in: statement.range)
            if recordsHistory { await context.session.record(statement: text) }
            let started = ContinuousClock.now
            let connection = await context.session.connectionName
            // Only the line: a column counts the characters before it on its line, which on a long line of
            // `;`-joined statements would make the run quadratic.
            let line = source.line(containing: statement.range.start)
            var yielded = 0
            var thrown: (any Error)?
            await context.tally.reset(statement: text)
            context.resultHint.begin(expectsRows: false)
            let progress = showProgress(line: line)
            do {
                try await execute(statement, line: line, unreachable: unreachable, yielded: &yielded, sink: sink)
            } catch {
                thrown = error
            }
            await end(progress)
            // A statement that failed says why; `(0 rows)` would add nothing.
            let inputsFailed = await context.tally.failed > 0
            if thrown != nil || Task.isCancelled || inputsFailed { context.resultHint.update { $0.expectsRows = false } }
            await statementEnded()
            if Task.isCancelled {
                // Ctrl-C: what was printed and written stays; the rest of the text does not run.
                await report("cancelled", line: line)
                await logOperation(text, connection: connection, started: started, yielded: yielded, error: thrown ?? CancellationError())
                return .failure
            }
            switch thrown {
            case let failure as StreamFailure:
                // What flowed on before the break stays done: writes that succeeded make it partial.
                let (succeeded, failed) = (await context.tally.succeeded, await context.tally.failed)
                await report(failure.diagnostic(succeeded: succeeded, failed: failed), in: source)
                outcome = succeeded > 0 && outcome != .failure ? .partial : .failure
            case let diagnostic as Diagnostic:
                await report(diagnostic, in: source)
                outcome = .failure
            case let error?:
                await report("\(error)", line: line)
                outcome = .failure
            case nil:
                let (succeeded, failed) = (await context.tally.succeeded, await context.tally.failed)
                if failed > 0 {
                    await report("\(failed) of \(succeeded + failed) inputs failed" + (await skippedNote()) + (await ambiguity()), line: line)
                    outcome = succeeded > 0 && outcome != .failure ? .partial : .failure
                }
                let (unread, matched) = (await context.tally.unread, await context.tally.matched)
                if unread > 0 {
                    // Never end with records silently left out: say how many, so the person can look again.
                    await report("the search matched \(matched) records when it started, but \(unread) of them were not read (changed or archived meanwhile); search again to see what is left", line: line)
                    if outcome != .failure { outcome = .partial }
                }
                for hint in await context.tally.hints { await note("hint: " + hint, line: line) }
            }
            await logOperation(text, connection: connection, started: started, yielded: yielded, error: thrown)
            if await context.tally.succeeded > 0 { await context.session.noteWrites(await context.tally.written, line: line) }
            if await context.session.exitRequested { break }
            // A statement with failed inputs stops the script too, unless `on_error continue`.
            if outcome != .success, await context.session.settings.onError == .stop { break }
        }
        return outcome
    }

    /// Runs one statement's pipeline to its end: its values go to the redirection's file, else to `sink`.
    private func execute(_ statement: Pipeline, line: Int, unreachable: UnreachableConnections, yielded: inout Int,
                         sink: @Sendable (JSONValue) -> Void) async throws {
        let commands = try await plan(statement, unreachable: unreachable)
        // At a terminal, a statement that yields records says so when it yields none (`(0 rows)`).
        context.resultHint.begin(expectsRows: statement.redirection == nil && commands.contains { type(of: $0).signature.output == .records })
        await warnOfSearchLag(commands, line: line)
        try await StatementEffects.$writes.withValue(Self.writes(commands)) {
            try await drain(statement, commands, yielded: &yielded, sink: sink)
        }
    }

    /// Runs the commands and sends their values to the redirection's file, else to `sink`.
    private func drain(_ statement: Pipeline, _ commands: [any ShellCommand], yielded: inout Int,
                       sink: @Sendable (JSONValue) -> Void) async throws {
        var stream = ValueStream.empty
        for command in commands { stream = try await command.run(stream, in: context) }
        // A command that takes the whole statement (`explain`) takes its redirection too.
        let takesWhole = commands.first.map { type(of: $0).signature.takesStatement } ?? false
        guard let redirection = statement.redirection, !takesWhole else {
            for try await value in stream { sink(value); yielded += 1 }
            return
        }
        let file = try FileSink(path: try await context.text(redirection.target), append: redirection.mode == .append)
        do {
            for try await value in stream { try file.write(value); yielded += 1 }
            try file.close()
        } catch {
            try? file.close()
            throw error
        }
    }

    /// Warns when the statement searches an object type an earlier statement wrote moments ago:
    /// HubSpot's search index shows writes only several seconds later.
    private func warnOfSearchLag(_ commands: [any ShellCommand], line: Int) async {
        for case let search as SearchCommand in commands {
            guard let type = search.bound.objectType, let write = await context.session.recentWrite(of: type) else { continue }
            let when = write.ago < .seconds(1) ? "just now" : "\(write.ago.components.seconds) s ago"
            // At the prompt every statement is line 1: name the line only in a script.
            let by = context.isInteractive ? "" : " (line \(write.line))"
            await report("warning: \(type) were written \(when)\(by); HubSpot's search may not show that for several seconds (`get` reads by id at once)", line: line)
        }
    }

    /// Which of the failed inputs were not sent because their record changed since it was read.
    private func skippedNote() async -> String {
        let count = await context.tally.skipped
        guard count > 0 else { return "" }
        return " (\(count) skipped: changed since read, not written)"
    }

    /// What the failed inputs' count leaves out: how many HubSpot may have applied after all, and how to settle them.
    private func ambiguity() async -> String {
        let (count, file) = (await context.tally.ambiguous, await context.tally.ambiguousFile)
        guard count > 0 else { return "" }
        let place = file.map { "; they are in \($0), apart from the rejects" } ?? ""
        return " (\(count) ambiguous: HubSpot may have applied them\(place); look them up, e.g. with `get`, before sending them again)"
    }

    /// Tells the person what refused a statement, in colour when standard error takes it; the excerpt
    /// shows tokens masked.
    private func report(_ diagnostic: Diagnostic, in source: SourceText) async {
        let style = await context.errorStyle()
        let (shown, masked) = SecretMask.masking(diagnostic, in: source)
        context.message(DiagnosticRenderer.render(shown, in: masked, sourceName: sourceName, highlight: style.diagnosticHighlight))
    }

    /// `line 3: what went wrong` (tokens masked, as in every message).
    private func report(_ problem: String, line: Int) async {
        let style = await context.errorStyle()
        context.message(style.bold((sourceName.map { "\($0), " } ?? "") + "line \(line):") + " " + style.red(problem))
    }

    /// `line 3: a hint` (not an error: not red).
    private func note(_ text: String, line: Int) async {
        let style = await context.errorStyle()
        context.message(style.bold((sourceName.map { "\($0), " } ?? "") + "line \(line):") + " " + text)
    }

    /// Draws the running statement's progress (after the line's delay) until `end` is called.
    private func showProgress(line: Int) -> Task<Void, Never>? {
        guard let progress = context.progress else { return nil }
        let tally = context.tally
        return Task {
            let started = ContinuousClock.now
            try? await Task.sleep(for: progress.delay)
            while !Task.isCancelled {
                let (read, done, failed, inFlight) = (await tally.read, await tally.succeeded, await tally.failed, await tally.inFlight())
                let phase = await tally.phase
                if read + done + failed > 0 || phase != nil {
                    progress.show(ProgressLine.text(line: line, read: read, done: done, failed: failed, inFlight: inFlight, phase: phase,
                                                    elapsed: ContinuousClock.now - started))
                }
                try? await Task.sleep(for: progress.interval)
            }
        }
    }

    /// Stops drawing the progress and clears its line.
    private func end(_ progress: Task<Void, Never>?) async {
        guard let progress else { return }
        progress.cancel()
        await progress.value
        context.progress?.clear()
    }
}
