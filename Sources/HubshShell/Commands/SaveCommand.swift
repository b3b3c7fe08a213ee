import HubshLanguage
import JSONValue

/// `save FILE`: writes this session's statements as a script `source` or `hubsh run` replays. Left
/// out: statements holding a literal token (a `connection add` with `env:NAME` is kept) and `save`,
/// `history` and `exit` themselves.
struct SaveCommand: ShellCommand {
    static let signature = CommandSignature(
        ["save"], family: .session, summary: "Write this session's statements to a script file.",
        positionals: [file],
        output: .nothing,
        examples: [Example("save cleanup.hubsh", "keep what was done, to run again with hubsh run cleanup.hubsh", .nothing)])

    static let file = Parameter("file", "the script to write (replaced)", role: .file)

    /// Commands that are not worth replaying.
    static let leftOut: Set<String> = ["save", "history", "exit", "quit"]

    let file: Value

    init(_ bound: BoundCommand) throws(Diagnostic) { file = try bound.required(Self.file) }

    /// The statements of `statements` a replayable script keeps.
    static func replayable(_ statements: [String]) -> [String] {
        statements.filter { text in
            let head = text.split(whereSeparator: \.isWhitespace).first.map { $0.lowercased() } ?? ""
            return !leftOut.contains(head) && OperationLog.redact(text) == text
        }
    }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        let path = try await context.text(file)
        let kept = Self.replayable(await context.session.statements)
        let sink = try FileSink(path: path, append: false, private: true)
        do {
            for statement in kept { try sink.write(.string(statement)) }
            try sink.close()
        } catch {
            try? sink.close()
            throw error
        }
        context.message("saved \(kept.count) statement\(kept.count == 1 ? "" : "s") to \(path)")
        return .empty
    }
}
