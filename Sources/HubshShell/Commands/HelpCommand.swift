import HubshLanguage
import JSONValue

/// `help [COMMAND]`: every command by family, or one command's usage, parameters and examples —
/// all read from the signatures.
struct HelpCommand: ShellCommand {
    static let signature = CommandSignature(
        ["help"], family: .session, summary: "List the commands, or explain one (help search, help connection add).",
        positionals: [commandParameter],
        output: .values,
        examples: [Example("help", "every command, by family", .containing("connections:", "help COMMAND explains one command.")), Example("help upsert", "how upsert is used, with examples", .containing("upsert [OBJECT]", "examples:"))])

    static let commandParameter = Parameter("command", "a command's name", required: false, repeats: true, role: .command)

    let words: [String]
    let range: SourceRange

    init(_ bound: BoundCommand) throws(Diagnostic) {
        words = bound.values(Self.commandParameter).compactMap(\.literalText).map { $0.lowercased() }
        range = bound.syntax.range
    }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        let signatures = context.registry.signatures
        guard !words.isEmpty else { return ValueStream(.string(HelpText.overview(signatures))) }
        let matches = signatures.filter { ([$0.name] + $0.aliases).contains { Array($0.prefix(words.count)) == words } }
        guard !matches.isEmpty else {
            let names = signatures.map(\.displayName)
            throw Diagnostic("no command '\(words.joined(separator: " "))'", at: range,
                             suggestion: Suggest.didYouMean(words.joined(separator: " "), in: names))
        }
        var page = HelpPage(lines: HelpText.meansActivity(words) ? [HelpPage.Line(lead: "", text: HelpText.activityMeaning)] : [])
        page.lines += matches.flatMap(HelpText.detail)
        let values = page.plainLines.map(JSONValue.string)
        context.hintReport(.help(page), values: values)
        return ValueStream(values)
    }
}

extension ValueStream {
    /// One text value per line of `text`.
    init(_ text: JSONValue) {
        self.init((text.stringValue ?? "").split(separator: "\n", omittingEmptySubsequences: false).map { .string(String($0)) })
    }
}

/// The text of `help`, built from signatures only.
enum HelpText {
    static func overview(_ signatures: [CommandSignature]) -> String {
        var lines: [String] = []
        for family in Family.allCases {
            let members = signatures.filter { $0.family == family }
            guard !members.isEmpty else { continue }
            lines.append("\(family.rawValue):")
            let width = members.map(\.displayName.count).max() ?? 0
            for signature in members.sorted(by: { $0.displayName < $1.displayName }) {
                lines.append("  " + signature.displayName.padding(to: width) + "  " + signature.summary)
            }
        }
        lines.append("help COMMAND explains one command.")
        return lines.joined(separator: "\n")
    }

    /// What hubsh means by an activity, before the `activity` commands: to a HubSpot admin the word
    /// names calls, emails, notes and tasks.
    static let activityMeaning = """
        In hubsh an activity is a saved pipeline: a statement kept under a name (activity add NAME = PIPELINE), \
        its $variables its parameters, run with activity run NAME. HubSpot's activities (calls, emails, \
        meetings, notes, tasks) are records: search calls, create notes, … like any object type.
        """

    /// Whether `help` was asked about the word activity itself.
    static func meansActivity(_ words: [String]) -> Bool { words == ["activity"] || words == ["activities"] }

    /// One command's page: usage, summary, its parameters, clauses and options, and its examples.
    static func detail(_ signature: CommandSignature) -> [HelpPage.Line] {
        func text(_ text: String, indent: Int = 2) -> HelpPage.Line { HelpPage.Line(lead: String(repeating: " ", count: indent), text: text) }
        var lines = [HelpPage.Line.usage(signature.usage, command: signature.displayName), text(signature.summary)]
        if !signature.aliases.isEmpty { lines.append(text("also: " + signature.aliases.map { $0.joined(separator: " ") }.joined(separator: ", "))) }
        lines.append(text("input → output: \(signature.input) → \(signature.output)"))
        var entries: [(String, String)] = signature.positionals.map { ($0.placeholder, $0.summary) }
        if let rest = signature.rest { entries.append(("= " + rest.placeholder, rest.summary)) }
        if let help = signature.assignments?.assignmentHelp { entries.append(help) }
        entries += signature.clauses.map { ("\($0.keyword) \($0.placeholder)", $0.summary) }
        entries += signature.options.map { ("--\($0.name)" + ($0.valueName.map { " " + $0 } ?? ""), $0.summary) }
        let width = entries.map(\.0.count).max() ?? 0
        for (name, summary) in entries { lines.append(HelpPage.Line(lead: "  " + name.padding(to: width) + "  ", text: summary)) }
        lines.append(text("examples:", indent: 0))
        for example in signature.examples {
            // A wrapped example stays one statement: each of its lines but the last ends in `\`.
            lines.append(HelpPage.Line(lead: "  ", text: example.text, hang: 4, continuation: " \\"))
            lines.append(text(example.explanation, indent: 6))
        }
        return lines
    }
}

extension String {
    func padding(to width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
