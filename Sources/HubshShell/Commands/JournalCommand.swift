import HubSpotAPI
import HubshLanguage
import JSONValue

/// `journal [OP]`: the journalled write operations (number, time, connection, statement, counts,
/// whether undone), or one operation's entries (each record's values before, and what was written).
struct JournalCommand: ShellCommand {
    static let signature = CommandSignature(
        ["journal"], family: .hubspot, summary: "List the journalled writes, or show one: what each record held before.",
        positionals: [opParameter],
        output: .values,
        examples: [Example("journal", "every write on file, newest last", given: "update contacts 10000002090 lifecyclestage=customer", .lines(1, each: #""op":1"#)), Example("journal 1", "what operation 1 changed", given: "update contacts 10000002090 lifecyclestage=customer", .atLeast(1, each: "10000002090"))])

    static let opParameter = Parameter("op", "an operation's number (else the list)", required: false, role: .operation)

    let op: Value?
    let syntax: SourceRange

    init(_ bound: BoundCommand) throws(Diagnostic) {
        op = bound[Self.opParameter]
        syntax = bound.syntax.range
    }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        guard let journal = context.journal else { throw Diagnostic("this session keeps no journal", at: syntax) }
        guard let op else {
            // A table leaves the statement the room: its operation and object type are in it, and a
            // narrow terminal leaves out the op an undo undoes (its statement says it) and the connection
            // before cutting it.
            context.resultHint.update { shape in
                shape.hidden = ["operation", "objectType"]
                shape.roomFor = ("statement", ["undoes", "connection"])
            }
            return ValueStream(Self.list(journal))
        }
        guard let number = Int(try await context.text(op)), number > 0 else { throw Diagnostic("journal takes an operation number", at: op.range) }
        let record: JournalRecord
        do { record = try journal.read(number) } catch { throw Diagnostic("no operation \(number) in the journal", at: op.range) }
        return ValueStream(record.entries.compactMap(Self.row))
    }

    /// One row per operation, with the operation that undid it, if any.
    static func list(_ journal: Journal) -> [JSONValue] {
        let summaries = journal.operations().compactMap(journal.summary)
        let undoneBy = Journal.undone(in: summaries)
        return summaries.map { summary in
            let header = summary.header
            var row: JSONObject = ["op": .int(header.op), "time": .string(header.time), "connection": .string(header.connection),
                                   "operation": .string(header.operation.rawValue), "objectType": .string(header.objectType),
                                   "statement": .string(header.statement)]
            if case .end(let written, let failed)? = summary.end {
                row["written"] = .int(written)
                row["failed"] = .int(failed)
            } else {
                row["interrupted"] = true
            }
            if let by = undoneBy[header.op] { row["undoneBy"] = .int(by) }
            if let of = header.undoOf { row["undoes"] = .int(of) }
            return .object(row)
        }
    }

    /// An entry as a row people read.
    static func row(_ entry: JournalEntry) -> JSONValue? {
        switch entry {
        case .prior(let id, let properties, let lastModified):
            return ["entry": "before", "id": .string(id), "properties": .object(properties), "lastModified": lastModified.map(JSONValue.string) ?? .null]
        case .removed(let id, let properties, let associations):
            return ["entry": "archived", "id": .string(id), "properties": .object(properties), "associations": .int(associations.count)]
        case .linked(let from, let to, _):
            return ["entry": "linked", "id": .string(from), "toId": .string(to)]
        case .unlinked(let from, let to, _):
            return ["entry": "unlinked", "id": .string(from), "toId": .string(to)]
        case .written(let writes):
            return ["entry": "written", "ids": .array(writes.map { .string($0.id) }), "created": .int(writes.filter(\.created).count)]
        case .recreated(let old, let new):
            return ["entry": "recreated", "id": .string(new), "oldId": .string(old)]
        case .merging(let primary, let merged, _):
            return ["entry": "merged", "id": .string(primary), "mergedId": .string(merged)]
        case .erasing(let id, let idProperty):
            return ["entry": "erased", "id": .string(id), "idProperty": idProperty.map(JSONValue.string) ?? .null]
        case .importing(let file, let jobId, let rows):
            return ["entry": "imported", "file": .string(file), "jobId": .string(jobId), "rows": .int(rows)]
        case .end:
            return nil
        }
    }
}
