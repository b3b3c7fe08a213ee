import HubSpotAPI
import HubshLanguage
import JSONValue

/// `delete OBJECT ID…` or `… | delete`: archives records. At the prompt, more than 10 records need
/// a yes (or `--yes`); scripts are not asked.
struct DeleteCommand: ShellCommand {
    static let signature = CommandSignature(
        ["delete"], family: .hubspot, summary: "Archive records by id (HubSpot keeps them restorable for 90 days).",
        positionals: [Parameter("object", "the object type (else the pipeline's)", required: false, completion: .objectTypes),
                      Parameter("ids", "record ids (else the piped records)", required: false, repeats: true)],
        options: [Option("yes", "do not ask before deleting more than 10 records")] + RecordWrite.options,
        input: .records, output: .records, writes: true,
        examples: [Example("search deals where dealstage = closedlost | delete --dry-run", "what would be deleted"),
                   Example("delete contacts 101 102", "two contacts")])

    /// More records than this need a confirmation at the prompt.
    static let confirmAbove = 10

    let write: RecordWrite

    init(_ bound: BoundCommand) throws(Diagnostic) {
        write = RecordWrite(bound: bound, verb: "delete")
        _ = try write.objectType()
    }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        let type = try write.objectType()
        var inputs = input
        if !write.bound.hasUpstream {
            var values: [JSONValue] = []
            for id in write.bound.positionals["ids"] ?? [] { values.append(["id": .string(try await context.text(id))]) }
            inputs = ValueStream(values)
        }
        let settings = await context.session.settings
        let dryRun = write.bound.has("dry-run") || settings.dryRun
        if !dryRun, !write.bound.has("yes"), let confirm = context.confirm {
            // Look ahead just far enough to know whether to ask.
            var iterator = inputs.makeAsyncIterator()
            var head: [JSONValue] = []
            while head.count <= Self.confirmAbove, let value = try await iterator.next() { head.append(value) }
            if head.count > Self.confirmAbove, !(await confirm("Delete more than \(Self.confirmAbove) \(type)? [y/N] ")) {
                throw DeleteCancelled()
            }
            inputs = ValueStream(Rejoined(head: head, rest: IteratorSequence(iterator: iterator)))
        }
        return try await write.run(.archive(objectType: type), inputs: inputs, context: context)
    }
}

struct DeleteCancelled: Error, CustomStringConvertible {
    var description: String { "delete cancelled: nothing was deleted" }
}

/// Values already read, then the rest of the stream.
struct Rejoined: AsyncSequence, Sendable {
    let head: [JSONValue]
    let rest: IteratorSequence

    func makeAsyncIterator() -> Iterator { Iterator(head: head[...], rest: rest.iterator) }

    struct Iterator: AsyncIteratorProtocol {
        var head: ArraySlice<JSONValue>
        var rest: ValueStream.Iterator
        mutating func next() async throws -> JSONValue? {
            if let first = head.popFirst() { return first }
            return try await rest.next()
        }
    }
}

/// A stream's iterator, carried on.
struct IteratorSequence: @unchecked Sendable {
    // Handed on once, to the one consumer that continues it.
    let iterator: ValueStream.Iterator
}
