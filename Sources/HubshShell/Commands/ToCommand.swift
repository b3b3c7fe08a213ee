import HubshLanguage
import JSONValue

/// `to table|json|jsonl|csv`: turns the stream into lines of text (string values), for the screen
/// or for `> file`.
/// - jsonl: one compact value a line; streams.
/// - json: one indented array, an element at a time; streams.
/// - csv: a header row, then a row per value (`CSVRowWriter` decides the columns and quotes).
/// - table: aligned columns (the terminal's table, without a footer, 120 columns wide); reads the whole stream first.
struct ToCommand: ShellCommand {
    static let signature = CommandSignature(
        ["to"], family: .io, summary: "Turn the values into lines of JSON, JSON Lines, CSV or a table.",
        positionals: [format],
        input: .values, output: .values,
        examples: [
            Example("search companies where domain exists | to csv > companies.csv", "save companies as CSV", .nothing),
            Example("open leads.jsonl | to json", "a JSON Lines file as one JSON array", .lines("[", "  {", #"    "email": "ann@acme.com""#, "  },", "  {", #"    "email": "bob@acme.com""#, "  }", "]")),
        ])

    static let format = Parameter("format", "table, json, jsonl or csv", role: .choice(Settings.OutputFormat.allCases.map(\.rawValue)))

    let format: Settings.OutputFormat

    init(_ bound: BoundCommand) throws(Diagnostic) {
        let value = try bound.required(Self.format)
        let choices = Settings.OutputFormat.allCases.map(\.rawValue)
        guard let text = value.literalText, let format = Settings.OutputFormat(rawValue: text.lowercased()) else {
            throw Diagnostic("to takes \(choices.joined(separator: ", ")), not \(value)", at: value.range,
                             suggestion: value.literalText.flatMap { Suggest.didYouMean($0, in: choices) })
        }
        self.format = format
    }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        switch format {
        case .jsonl:
            return input.compactMap { .string($0.jsonString) }
        case .json:
            return ValueStream.unfold(state: { JSONArrayLines(input.makeAsyncIterator()) }) { try await $0.next() }
        case .csv:
            let message = context.message
            return ValueStream.unfold(state: { CSVLines(input.makeAsyncIterator(), warn: message) }) { try await $0.next() }
        case .table:
            var rows: [JSONValue] = []
            for try await value in input { rows.append(value) }
            return ValueStream(TableRenderer(width: 120).render(rows, shape: context.resultHint.current).map(JSONValue.string))
        }
    }
}

/// The lines of a pretty JSON array, reading one value ahead to know where the commas go.
private struct JSONArrayLines {
    var values: ValueStream.Iterator
    var started = false
    var finished = false
    var next: JSONValue?
    /// Lines still to give, last first.
    var pending: [String] = []

    init(_ values: ValueStream.Iterator) { self.values = values }

    mutating func next() async throws -> JSONValue? {
        if let line = pending.popLast() { return .string(line) }
        guard !finished else { return nil }
        if !started {
            started = true
            next = try await values.next()
            if next == nil { finished = true }
            return .string(next == nil ? "[]" : "[")
        }
        guard let current = next else {
            finished = true
            return "]"
        }
        next = try await values.next()
        var lines = current.prettyString.split(separator: "\n").map { "  " + $0 }
        if next != nil { lines[lines.count - 1] += "," }
        pending = lines.reversed()
        return .string(pending.removeLast())
    }
}

/// The lines of a CSV file, from the shell's one CSV writer, given a line at a time.
private struct CSVLines {
    var values: ValueStream.Iterator
    var writer: CSVRowWriter
    var finished = false
    /// Lines still to give, last first.
    var pending: [String] = []

    init(_ values: ValueStream.Iterator, warn: @escaping @Sendable (String) -> Void) {
        self.values = values
        writer = CSVRowWriter { warn("to csv: " + $0) }
    }

    mutating func next() async throws -> JSONValue? {
        while pending.isEmpty, !finished {
            if let value = try await values.next() {
                pending = try writer.add(value).reversed()
            } else {
                finished = true
                pending = try writer.flush().reversed()
            }
        }
        return pending.popLast().map(JSONValue.string)
    }
}
