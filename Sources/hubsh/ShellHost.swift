import ArgumentParser
import Foundation
import HubSpotAPI
import HubSpotSandbox
import HubshLanguage
import HubshShell
import JSONValue
import LineEditor
import Logging

/// One hubsh session as the command line runs it: the context (connections, session, output), the
/// in-process emulator for `--sandbox`, and the REPL.
final class ShellHost: Sendable {
    let context: ShellContext
    let output: StandardOutput
    let isInteractive: Bool
    private let server: Task<Void, any Error>?

    private init(context: ShellContext, output: StandardOutput, isInteractive: Bool, server: Task<Void, any Error>?) {
        self.context = context
        self.output = output
        self.isInteractive = isInteractive
        self.server = server
    }

    /// Sets up logging, the connections and, with `--sandbox`, the emulator.
    static func start(_ options: ShellOptions) async throws -> ShellHost {
        // Checked here, not in `ShellOptions.validate()`: the parser also hands `hubsh sandbox --search-lag`
        // to these options, and `hubsh sandbox` has its own.
        let searchLag = try options.lag.duration
        if searchLag != nil, !options.sandbox {
            throw ValidationError("--search-lag goes with --sandbox (HubSpot's own lag is not ours to set)")
        }
        let environment = ProcessInfo.processInfo.environment
        let level: Logger.Level = options.debug ? .debug : Logger.Level(rawValue: environment["HUBSH_LOG"]?.lowercased() ?? "") ?? .warning
        // The level is shared, so `set log LEVEL` changes it while the session runs.
        LogLevel.shared.level = level
        let errorsAtTerminal = LineEditor.isTerminal(STDERR_FILENO)
        // A long statement's progress is drawn on standard error at a terminal; everything else
        // written there or to standard output clears it first.
        let progress = errorsAtTerminal && environment["TERM"] != "dumb"
            ? ProgressLine(width: LineEditor.terminalColumns(STDERR_FILENO) ?? 80) { StandardStreams.error($0) } : nil
        LoggingSystem.bootstrap { label in SharedLevelLogHandler(label: label) { progress?.clear() } }
        let isInteractive = LineEditor.isInteractive
        let connections: ConnectionStore
        do {
            connections = try ConnectionStore.standard(environment: environment)
        } catch {
            throw CommandFailure(error.summary)
        }
        StandardStreams.ignoreBrokenPipes()
        var context = ShellContext(registry: BuiltinCommands.registry, session: Session(), connections: connections,
                                   environment: environment, isInteractive: isInteractive) { line in
            progress?.clear()
            StandardStreams.error(line + "\n")
        }
        context.progress = progress
        context.errorsAtTerminal = errorsAtTerminal
        context.errorsAllowColor = TerminalStyle.allowed(isTerminal: errorsAtTerminal, environment: environment)
        if isInteractive {
            context.confirm = { question in
                guard let progress else { return await ShellHost.ask(question) }
                return await progress.paused { await ShellHost.ask(question) }
            }
        }
        context.operationLog = OperationLog.standard(environment: environment)
        context.journal = Journal.standard(environment: environment)
        context.schemaCache = SchemaCache.standard(environment: environment)
        await context.session.update { $0.logLevel = level.rawValue }
        var server: Task<Void, any Error>?
        if options.sandbox {
            let (url, task) = try await startSandbox(searchLag: searchLag ?? SandboxConfiguration.defaultSearchLag)
            server = task
            await connections.addTransient(ConnectionSettings(name: "sandbox", token: SandboxConfiguration.defaultToken,
                                                              api: options.api ?? "v3", baseURL: url))
            await context.session.use(connection: "sandbox")
        } else if let name = options.connection {
            guard await connections.settings(name) != nil else {
                let names = await connections.names
                throw CommandFailure("no connection named \(name)" + (Suggest.didYouMean(name, in: names).map { "; \($0)" } ?? ""))
            }
            await context.session.use(connection: name)
        } else {
            await context.restoreCurrentConnection()
        }
        let outputAtTerminal = LineEditor.isTerminal(STDOUT_FILENO)
        let output = StandardOutput(isTerminal: isInteractive, width: LineEditor.terminalColumns(STDOUT_FILENO) ?? 120,
                                    allowsColor: TerminalStyle.allowed(isTerminal: outputAtTerminal, environment: environment),
                                    terminalSize: {
                                        guard let columns = LineEditor.terminalColumns(STDOUT_FILENO) else { return nil }
                                        return StandardOutput.TerminalSize(columns: columns, rows: LineEditor.terminalRows(STDOUT_FILENO) ?? 24)
                                    },
                                    hint: context.resultHint,
                                    pagerCommand: isInteractive ? Pager.command(environment: environment) : nil, progress: progress,
                                    write: { text in
                                        progress?.clear()
                                        StandardStreams.output(text)
                                    }, warn: context.message)
        output.apply(await context.session.settings)
        return ShellHost(context: context, output: output, isInteractive: isInteractive, server: server)
    }

    /// Serves the seeded emulator on a free loopback port, for this process only.
    static func startSandbox(searchLag: Duration) async throws -> (String, Task<Void, any Error>) {
        var configuration = SandboxConfiguration()
        configuration.searchLag = searchLag
        let sandbox = try await Sandbox(configuration: configuration)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        var quiet = Logger(label: "hubsh.sandbox")
        quiet.logLevel = .critical
        let task = Task { try await sandbox.application(logger: quiet) { port in continuation.yield(port) }.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CommandFailure("the sandbox did not start") }
        return ("http://127.0.0.1:\(port)", task)
    }

    /// Applies `hubsh run`'s options.
    func configure(onError: Settings.OnError, dryRun: Bool, variables: [(String, String)]) async {
        await context.session.update { settings in
            settings.onError = onError
            settings.dryRun = settings.dryRun || dryRun
        }
        for (name, value) in variables { await context.session.setVariable(name, .string(value)) }
    }

    /// Runs statements, printing their results.
    func run(_ text: String, sourceName: String? = nil) async -> Interpreter.Outcome {
        let output = output
        var interpreter = Interpreter(context: context)
        interpreter.sourceName = sourceName
        let session = context.session
        return await interpreter.run(text, statementEnded: {
            output.endStatement()
            // `set output` and `set color` count from the next statement.
            output.apply(await session.settings)
        }) { value in output.accept(value) }
    }

    func stop() async {
        output.flush()
        server?.cancel()
    }

    /// A yes/no question at the terminal.
    static func ask(_ question: String) async -> Bool {
        FileHandle.standardError.write(Data(question.utf8))
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return answer == "y" || answer == "yes"
    }
}
