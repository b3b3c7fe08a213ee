/// The commands the shell knows.
public enum BuiltinCommands {
    public static let all: [any ShellCommand.Type] = [FirstCommand.self, CountCommand.self, SelectCommand.self, LetCommand.self]

    /// A registry of every built-in command.
    public static var registry: CommandRegistry { CommandRegistry(all) }
}
