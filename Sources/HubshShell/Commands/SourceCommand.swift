import Foundation
import HubshLanguage
import JSONValue

/// `source FILE`: runs a script file's statements in this session (its variables, settings and
/// connection stay set) and yields what they yield.
struct SourceCommand: ShellCommand {
    static let signature = CommandSignature(
        ["source"], family: .session, summary: "Run a script file's statements in this session.",
        positionals: [file],
        output: .values,
        examples: [Example("source setup.hubsh", "define the variables and activities a script keeps", .nothing)])

    static let file = Parameter("file", "the script to run", role: .file)

    let file: Value

    init(_ bound: BoundCommand) throws(Diagnostic) { file = try bound.required(Self.file) }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        let path = try await context.text(file)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw Diagnostic("source: cannot read \(path)", at: file.range)
        }
        let values = Collected()
        var interpreter = Interpreter(context: context)
        interpreter.recordsHistory = false
        interpreter.sourceName = path
        let outcome = await interpreter.run(text) { value in values.append(value) }
        // The file's statements were logged one by one; this one adds nothing of its own.
        await context.tally.reset()
        switch outcome {
        case .success, .partial: return ValueStream(values.values)
        case .failure, .usage: throw Diagnostic("source: \(path) failed", at: file.range)
        }
    }
}

/// The values a sourced script yields, gathered from its sink.
private final class Collected: @unchecked Sendable {
    // The sink may be called from any task; every access holds `lock`.
    private let lock = NSLock()
    private var gathered: [JSONValue] = []

    func append(_ value: JSONValue) { lock.withLock { gathered.append(value) } }
    var values: [JSONValue] { lock.withLock { gathered } }
}
