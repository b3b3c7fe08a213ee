import ArgumentParser

/// The `hubsh` command line.
@main
struct Hubsh: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hubsh",
        abstract: "A HubSpot shell: explore and change HubSpot CRM data from a prompt or a script.",
        subcommands: [SandboxCommand.self]
    )
}
