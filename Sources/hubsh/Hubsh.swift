import ArgumentParser
import Foundation
import HubSpotAPI
import HubshShell

/// The `hubsh` command line: the REPL (or a script on standard input), `-c TEXT`, `run FILE`,
/// `sandbox`, and `completions`.
@main
struct Hubsh: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hubsh",
        abstract: "A HubSpot shell: explore and change HubSpot CRM data from a prompt or a script.",
        discussion: """
            Without arguments hubsh reads statements: at a terminal from a prompt, otherwise from standard \
            input as a script. Exit status: 0 success, 1 failure, 2 usage or syntax error, 3 partial failure.
            """,
        version: HubshVersion.current,
        subcommands: [RunCommand.self, SandboxCommand.self, CompletionsCommand.self]
    )

    @OptionGroup var shell: ShellOptions

    @ArgumentParser.Option(name: .customShort("c"), help: ArgumentHelp("Run these statements and exit.", valueName: "text"))
    var command: String?

    /// Runs the command line. A usage error exits 2, as a script's syntax error does (swift-argument-parser
    /// would exit 64); an option value found wrong once the command runs is one line, without the usage.
    static func main() async {
        do {
            var command = try parseAsRoot()
            do {
                if var command = command as? any AsyncParsableCommand {
                    try await command.run()
                } else {
                    try command.run()
                }
            } catch let error as ValidationError {
                FileHandle.standardError.write(Data("Error: \(error.message)\n".utf8))
                Foundation.exit(Interpreter.Outcome.usage.rawValue)
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(Interpreter.Outcome.usage.rawValue)
            }
            exit(withError: error)
        }
    }

    func run() async throws {
        let host = try await ShellHost.start(shell)
        let outcome: Interpreter.Outcome
        if let command {
            outcome = await host.run(command)
        } else if host.isInteractive {
            outcome = await host.repl()
        } else {
            outcome = await host.run(String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self))
        }
        await host.stop()
        if outcome != .success { throw ExitCode(outcome.rawValue) }
    }
}

/// Options every way of running statements shares.
struct ShellOptions: ParsableArguments {
    @Flag(help: "Start the built-in HubSpot emulator (seeded) and use it as the connection named sandbox.")
    var sandbox = false

    @ArgumentParser.Option(help: ArgumentHelp("Use this saved connection.", valueName: "name"))
    var connection: String?

    @ArgumentParser.Option(help: ArgumentHelp("With --sandbox: the API version its connection speaks (v3, v4, 2026-03, 2026-09).",
                                              valueName: "version"),
                           completion: .list(APIVersion.known.map(\.description)))
    var api: String?

    @OptionGroup var lag: SearchLagOption

    @Flag(help: "Show the HubSpot client's debug lines on standard error (as HUBSH_LOG=debug).")
    var debug = false

    func validate() throws {
        guard let api else { return }
        guard sandbox else { throw ValidationError("--api goes with --sandbox (a saved connection keeps its own version)") }
        guard APIVersion(api) != nil else {
            throw ValidationError("--api takes \(APIVersion.known.map(\.description).joined(separator: ", ")), not '\(api)'")
        }
    }
}

/// `hubsh run FILE`: replays a saved script.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run a hubsh script.")

    @Argument(help: ArgumentHelp("The script.", valueName: "file"), completion: .file(extensions: ["hubsh"]))
    var file: String

    @ArgumentParser.Option(help: "What to do after a failed statement.")
    var onError: OnErrorChoice = .stop

    @Flag(help: "Show what the script's writes would send; send nothing.")
    var dryRun = false

    @ArgumentParser.Option(name: .customLong("var"), help: ArgumentHelp("Set a variable for the script ($name).", valueName: "name=value"))
    var variables: [String] = []

    @OptionGroup var shell: ShellOptions

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandFailure("cannot read the script \(file)")
        }
        var assignments: [(String, String)] = []
        for variable in variables {
            guard let equals = variable.firstIndex(of: "="), equals != variable.startIndex else {
                throw ValidationError("--var '\(variable)': write name=value")
            }
            assignments.append((String(variable[..<equals]), String(variable[variable.index(after: equals)...])))
        }
        let host = try await ShellHost.start(shell)
        await host.configure(onError: onError.setting, dryRun: dryRun, variables: assignments)
        let outcome = await host.run(String(decoding: data, as: UTF8.self), sourceName: file)
        await host.stop()
        if outcome != .success { throw ExitCode(outcome.rawValue) }
    }
}

enum OnErrorChoice: String, ExpressibleByArgument, CaseIterable {
    case stop, `continue`
    var setting: Settings.OnError { self == .stop ? .stop : .continue }
}

/// `hubsh completions bash|zsh|fish`: the shell completion script.
struct CompletionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "completions", abstract: "Print a shell completion script for hubsh.")

    enum Shell: String, ExpressibleByArgument, CaseIterable { case bash, zsh, fish }

    @Argument(help: "The shell.")
    var shell: Shell

    func run() {
        let kind: CompletionShell = switch shell {
        case .bash: .bash
        case .zsh: .zsh
        case .fish: .fish
        }
        print(Hubsh.completionScript(for: kind))
    }
}
