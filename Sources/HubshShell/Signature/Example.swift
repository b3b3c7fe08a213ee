/// A worked example for `help`, with what it prints: one test runs every example of every command
/// against a freshly seeded sandbox (the examples' world, below) and compares its standard output.
///
/// The world an example runs in: the demo account of `hubsh sandbox` as the connection `prod` (in use,
/// token in `HUBSPOT_ACCESS_TOKEN`), a second connection `old-portal`, the activities `stale`
/// (`search deals where hs_lastmodifieddate < $cutoff`) and `import-leads` (`upsert contacts --by
/// email`), and in the working directory the files `leads.csv`, `new-leads.csv`, `leads.jsonl`,
/// `tags.jsonl`, `export.txt`, `excel.csv` and `setup.hubsh`.
public struct Example: Sendable {
    public var text: String
    public var explanation: String
    /// What it prints (its standard output); nil only for an example not yet given one, which the
    /// example test refuses.
    public var output: ExampleOutput?
    /// Statements run before it in the same world (a write to undo, say); their output is not shown.
    public var given: String?

    public init(_ text: String, _ explanation: String, given: String? = nil, _ output: ExampleOutput) {
        self.text = text
        self.explanation = explanation
        self.given = given
        self.output = output
    }

    /// An example without its output: the example test fails until it has one.
    @available(*, deprecated, message: "say what the example prints: Example(text, explanation, .lines(…))")
    public init(_ text: String, _ explanation: String) {
        self.text = text
        self.explanation = explanation
    }
}

/// What an example prints on standard output: exact lines, or a test on the lines where they hold ids,
/// times or counts that vary.
public struct ExampleOutput: Sendable, CustomStringConvertible {
    /// What is expected, in words, for the test's message.
    public let description: String
    private let test: @Sendable ([String]) -> Bool

    /// Output that `test` accepts (given the lines, without their newlines).
    public init(_ description: String, _ test: @escaping @Sendable ([String]) -> Bool) {
        self.description = description
        self.test = test
    }

    /// Whether `output` (the whole standard output) is what was expected.
    public func matches(_ output: String) -> Bool {
        var lines = output.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return test(lines)
    }

    /// Exactly these lines.
    public static func lines(_ expected: String...) -> ExampleOutput {
        ExampleOutput(expected.isEmpty ? "nothing" : "exactly: " + expected.joined(separator: "\n")) { $0 == expected }
    }

    /// Nothing at all.
    public static let nothing = lines()

    /// `count` lines, each holding every one of `parts`.
    public static func lines(_ count: Int, each parts: String...) -> ExampleOutput {
        ExampleOutput("\(count) lines, each holding \(parts)") { lines in
            lines.count == count && lines.allSatisfy { line in parts.allSatisfy { line.contains($0) } }
        }
    }

    /// At least `count` lines, each holding every one of `parts`.
    public static func atLeast(_ count: Int, each parts: String...) -> ExampleOutput {
        ExampleOutput("at least \(count) lines, each holding \(parts)") { lines in
            lines.count >= count && lines.allSatisfy { line in parts.allSatisfy { line.contains($0) } }
        }
    }

    /// At least one line, the first holding every one of `parts`.
    public static func first(_ parts: String...) -> ExampleOutput {
        ExampleOutput("a first line holding \(parts)") { lines in lines.first.map { line in parts.allSatisfy { line.contains($0) } } ?? false }
    }

    /// Output in which every one of `parts` appears (on any line).
    public static func containing(_ parts: String...) -> ExampleOutput {
        ExampleOutput("output holding \(parts)") { lines in
            let text = lines.joined(separator: "\n")
            return parts.allSatisfy { text.contains($0) }
        }
    }
}
