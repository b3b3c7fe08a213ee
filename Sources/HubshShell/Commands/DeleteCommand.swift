import HubSpotAPI
import HubshLanguage
import JSONValue

/// `delete OBJECT ID…` or `… | delete`: archives records. At the prompt, more than 10 records need
/// a yes (or `--yes`), asked once they are counted (`Archive 412 deals on prod? [y/N]`): a search
/// piped straight in is counted by its total, other piped records by gathering their ids. Scripts are
/// not asked.
struct DeleteCommand: ShellCommand {
    static let signature = CommandSignature(
        ["delete"], family: .hubspot, summary: "Archive records by id (HubSpot keeps them restorable for 90 days).",
        positionals: [object, ids],
        options: [yes] + RecordWrite.options,
        input: .records, output: .records, writes: true,
        examples: [Example("search deals where dealstage = closedlost | delete --dry-run", "what would be deleted", .atLeast(1, each: #""status":"would archive""#, #""dealstage":"closedlost""#)),
                   Example("delete contacts 10000002090 10000001741", "two contacts", .lines(#"{"status":"archived","id":"10000002090"}"#, #"{"status":"archived","id":"10000001741"}"#))])

    static let object = Parameter("object", "the object type (else the pipeline's)", required: false, role: .objectType)
    static let ids = Parameter("ids", "record ids (else the piped records)", required: false, repeats: true)
    static let yes = Option("yes", "do not ask before deleting more than 10 records")

    /// More records than this need a confirmation at the prompt.
    static let confirmAbove = 10

    let write: RecordWrite

    init(_ bound: BoundCommand) throws(Diagnostic) {
        write = try RecordWrite.checked(bound, verb: "delete")
    }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        let type = try write.objectType()
        var inputs = input
        if !write.bound.hasUpstream {
            var values: [JSONValue] = []
            for id in write.bound.values(Self.ids) { values.append(["id": .string(try await context.text(id))]) }
            inputs = ValueStream(values)
        }
        let settings = await context.session.settings
        let dryRun = write.bound.has(RecordWrite.dryRunOption) || settings.dryRun
        if !dryRun, !write.bound.has(Self.yes), let confirm = context.confirm {
            // Look ahead just far enough to know whether to ask; past that, count them all before asking,
            // keeping only what an archive needs (the id, and the file line for the result).
            // The file line of each value read ahead is taken as it is read (`open` notes only the last
            // one) and noted again as the value is handed on, so every result keeps its line.
            let lines = context.inputLines
            var iterator = inputs.makeAsyncIterator()
            var head: [GatheredInput] = []
            while head.count <= Self.confirmAbove, let value = try await iterator.next() {
                head.append(GatheredInput(keeping: value, line: lines.line(of: value)))
            }
            let total = write.bound.upstream == [["search"]] ? await context.tally.searchTotal : nil
            if head.count > Self.confirmAbove, let total {
                // The search counted what it matches when it started: ask at once, then stream on.
                let connection = await context.session.connectionName ?? "HubSpot"
                guard await confirm("Archive \(total) \(type) on \(connection)? [y/N] ") else { throw DeleteCancelled() }
                inputs = ValueStream(Rejoined(head: head, rest: IteratorSequence(iterator: iterator), lines: lines))
            } else if head.count > Self.confirmAbove {
                var gathered = head.map { GatheredInput($0.value, line: $0.line) }
                while let value = try await iterator.next() { gathered.append(GatheredInput(value, line: lines.line(of: value))) }
                let connection = await context.session.connectionName ?? "HubSpot"
                guard await confirm("Archive \(gathered.count) \(type) on \(connection)? [y/N] ") else { throw DeleteCancelled() }
                inputs = ValueStream(Rejoined(head: gathered, rest: nil, lines: lines))
            } else {
                inputs = ValueStream(Rejoined(head: head, rest: IteratorSequence(iterator: iterator), lines: lines))
            }
        }
        return try await write.run(.archive(objectType: type), inputs: inputs, context: context)
    }
}

/// A piped input read before the confirmation, with the file line it came from: kept whole while
/// only looking ahead, or only its id once everything is gathered to be counted.
struct GatheredInput: Sendable {
    let value: JSONValue
    let line: Int?

    /// Only what an archive needs: the id.
    init(_ value: JSONValue, line: Int?) {
        self.value = value.objectValue == nil ? value : ["id": value["id"] ?? .null]
        self.line = line
    }

    /// The value as it came.
    init(keeping value: JSONValue, line: Int?) {
        self.value = value
        self.line = line
    }
}

struct DeleteCancelled: Error, CustomStringConvertible {
    var description: String { "delete cancelled: nothing was deleted" }
}

/// Values already read, then the rest of the stream (if any). Each value read ahead has its file line
/// noted again as it is handed on, as `open` noted it when it was read.
struct Rejoined: AsyncSequence, Sendable {
    let head: [GatheredInput]
    let rest: IteratorSequence?
    let lines: InputLines

    func makeAsyncIterator() -> Iterator { Iterator(head: head[...], rest: rest?.iterator, lines: lines) }

    struct Iterator: AsyncIteratorProtocol {
        var head: ArraySlice<GatheredInput>
        var rest: ValueStream.Iterator?
        let lines: InputLines
        mutating func next() async throws -> JSONValue? {
            if let first = head.popFirst() {
                lines.note(first.value, line: first.line)
                return first.value
            }
            return try await rest?.next()
        }
    }
}

/// A stream's iterator, carried on.
struct IteratorSequence: @unchecked Sendable {
    // Handed on once, to the one consumer that continues it.
    let iterator: ValueStream.Iterator
}
