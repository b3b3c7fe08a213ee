import HubshLanguage

/// One command of the language: a type with a declared signature. Binding checks the arguments
/// against the signature; `init` checks what the signature cannot say; `run` turns the input stream
/// into the output stream.
public protocol ShellCommand: Sendable {
    static var signature: CommandSignature { get }
    init(_ bound: BoundCommand) throws(Diagnostic)
    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream
    /// The object type the command's output records are of, for the commands after it in the
    /// pipeline (`search deals … | delete`). By default its OBJECT, else the one it was given.
    static func objectType(of bound: BoundCommand, in context: ShellContext) async -> String?
}

extension ShellCommand {
    public static func objectType(of bound: BoundCommand, in context: ShellContext) async -> String? { bound.objectType }
}

/// Every command the shell knows, by name: the one list `help`, completion and the binder read.
public struct CommandRegistry: Sendable {
    public let commands: [any ShellCommand.Type]

    public init(_ commands: [any ShellCommand.Type]) { self.commands = commands }

    public var signatures: [CommandSignature] { commands.map { $0.signature } }

    /// The command a parsed command names, and how many of its arguments were subcommand words.
    public func resolve(_ command: Command) throws(Diagnostic) -> (CommandSignature, Int) {
        let (type, used) = try resolveType(command)
        return (type.signature, used)
    }

    /// The command type a parsed command names, and how many arguments named a subcommand.
    public func resolveType(_ command: Command) throws(Diagnostic) -> (any ShellCommand.Type, Int) {
        let head = command.name.lowercased()
        let sub = command.arguments.first?.word?.lowercased()
        var family: [String] = []
        for type in commands {
            for name in [type.signature.name] + type.signature.aliases where name.first == head {
                if name.count == 1 { return (type, 0) }
                if name.count == 2, name[1] == sub { return (type, 1) }
                family.append(name[1])
            }
        }
        if !family.isEmpty {
            let range = command.arguments.first?.range ?? command.nameRange
            let given = sub.map { "'\($0)'" } ?? "nothing"
            throw Diagnostic("\(head) needs one of \(family.joined(separator: ", ")), not \(given)", at: range,
                             suggestion: sub.flatMap { Suggest.didYouMean($0, in: family) })
        }
        let names = Array(Set(commands.flatMap { ([$0.signature.name] + $0.signature.aliases).compactMap(\.first) })).sorted()
        throw Diagnostic("unknown command '\(command.name)'", at: command.nameRange,
                         suggestion: Suggest.didYouMean(command.name, in: names))
    }
}
