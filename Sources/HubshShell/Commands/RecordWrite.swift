import HubSpotAPI
import HubshLanguage
import JSONValue

/// What create, update, upsert and delete share: inputs from the arguments or the pipe, the bulk
/// writer, `--dry-run`, `--rejects FILE`, and one result value per input.
struct RecordWrite: Sendable {
    /// The options every write takes.
    static let options = [dryRunOption, rejectsOption, concurrencyOption, noJournalOption]

    /// `--dry-run`, for the record writes.
    static let dryRunOption = Option("dry-run", "check every input as the write would and show what it would do (current → new values); send nothing")

    /// `--rejects FILE`, for the record writes.
    static let rejectsOption = Option("rejects", "write the inputs that failed to FILE (JSON Lines, pipeable back into this command); ambiguous ones, which HubSpot may have applied, go to FILE.ambiguous", value: "FILE", role: .file)

    /// `--no-journal`, for every command that writes.
    static let noJournalOption = Option("no-journal", "do not journal this write: saves the reads of what the records held, but it cannot be undone")

    /// `--if-unchanged`, for update: piped records are written only if still as read.
    static let ifUnchangedOption = Option("if-unchanged", "write a piped record only if it was not modified since it was read (its hs_lastmodifieddate); a record changed since is skipped and reported")

    /// `--concurrency N`, for every command that writes in batches.
    static let concurrencyOption = Option("concurrency", "the most batch calls in flight (default: the session's concurrency, auto)", value: "N")

    /// The controller of a write's batch calls in flight: `--concurrency N`, else the session's
    /// `set concurrency`, as the upper bound (auto: the default cap). Checked before a dry run too; a
    /// write that sends hands it to the tally, whose progress line shows its count.
    static func concurrency(_ bound: BoundCommand, context: ShellContext) async throws -> ConcurrencyController {
        var cap = await context.session.settings.concurrency
        if let value = bound[concurrencyOption] {
            guard let n = Int(try await context.text(value)), (1...ConcurrencyController.defaultCap).contains(n) else {
                throw Diagnostic("--concurrency takes a number from 1 to \(ConcurrencyController.defaultCap)", at: value.range)
            }
            cap = n
        }
        return ConcurrencyController(cap: cap ?? ConcurrencyController.defaultCap)
    }

    let bound: BoundCommand
    let verb: String

    /// The write `bound` asks for, refused now when neither it nor the pipeline names an object type.
    static func checked(_ bound: BoundCommand, verb: String) throws(Diagnostic) -> RecordWrite {
        let write = RecordWrite(bound: bound, verb: verb)
        _ = try write.objectType()
        return write
    }

    /// The object type, from the command or the pipeline; refused when neither names one.
    func objectType() throws(Diagnostic) -> String {
        guard let type = bound.objectType else {
            throw Diagnostic("\(verb) needs OBJECT: \(bound.signature.usage)", at: bound.syntax.range)
        }
        return type
    }

    /// The inputs: each piped value (a record `{id, properties}` or a flat object), with the
    /// command's PROP=VALUE assignments laid over it; with nothing piped, one input from the arguments.
    func inputs(_ input: ValueStream, id: Value?, context: ShellContext) async throws -> ValueStream {
        var assigned: JSONObject = [:]
        for assignment in bound.assignments {
            if let value = assignment.value {
                assigned[assignment.name] = try await context.json(value)
            } else {
                assigned[assignment.name] = .string("")
            }
        }
        let fixed = assigned
        if !bound.hasUpstream {
            var object: JSONObject = ["properties": .object(fixed)]
            if let id { object["id"] = .string(try await context.text(id)) }
            return ValueStream([.object(object)])
        }
        // A piped HubSpot record stands for itself: with assignments only they are written (its other
        // properties are what it already holds); without, the properties it holds that can be written
        // (HubSpot computes the read-only ones: `search … | set F=V | update`). A flat object's fields
        // are the values to write.
        // The cached definitions, fetched afresh once should an input name a property they lack (made
        // since they were fetched); `run` encodes by the cache as it stands after the first input.
        let definitions = PipedDefinitions(context: context, objectType: bound.objectType)
        let lines = context.inputLines
        let checksUnchanged = bound.has(Self.ifUnchangedOption)
        // `--if-unchanged` reads the records before writing anyway: what it reads is the journal's.
        let carriesPriors = verb == "update" && !checksUnchanged
        return input.compactMap { value in
            // The file line of an input `open` read, carried to its result.
            let line = lines.line(of: value).map { JSONValue.int($0) }
            guard var object = value.objectValue else { return line.map { ["id": value, "line": $0] } ?? ["id": value] }
            // `--if-unchanged`: when the record was last modified as read, to compare before writing.
            let readAt = checksUnchanged ? UnchangedCheck.readTime(of: value).map(JSONValue.string) : nil
            if object["properties"] != nil, !fixed.isEmpty {
                var record: JSONObject = ["id": object["id"] ?? .null, "properties": .object(fixed)]
                if let line { record["line"] = line }
                if let readAt { record[UnchangedCheck.readField] = readAt }
                // An update of records that hold every property it writes (null: empty), as read: the
                // journal's prior values, without reading them again.
                if carriesPriors, let held = object["properties"]?.objectValue, fixed.keys.allSatisfy({ held[$0] != nil }) {
                    record[WriteJournal.heldField] = .object(held.filter { fixed[$0.key] != nil })
                    if let time = value["updatedAt"] { record[WriteJournal.heldAtField] = time }
                }
                return .object(record)
            }
            if object["properties"] == nil {
                let id = object.removeValue(forKey: "id")
                _ = await definitions.readOnly(among: object.keys)
                object = ["id": id ?? .null, "properties": .object(object)]
            } else if let held = object["properties"]?.objectValue {
                let readOnly = await definitions.readOnly(among: held.keys)
                object["properties"] = .object(held.filter { !readOnly.contains($0.key) })
            }
            var properties = object["properties"]?.objectValue ?? [:]
            properties.merge(fixed) { _, new in new }
            object["properties"] = .object(properties)
            if let line { object["line"] = line }
            if let readAt { object[UnchangedCheck.readField] = readAt }
            return .object(object)
        }
    }

    /// Runs `operation` over the inputs and yields one result per input.
    func run(_ operation: BulkOperation, inputs: ValueStream, context: ShellContext) async throws -> ValueStream {
        let settings = await context.session.settings
        let concurrency = try await RecordWrite.concurrency(bound, context: context)
        if bound.has(Self.dryRunOption) || settings.dryRun {
            return try await dryRun(operation, inputs: inputs, context: context)
        }
        let client = try await context.client()
        await context.tally.noteWritten(operation.objectType)
        // The cache knows every property the write names: the check before running looked up any
        // assignment it lacked, and the first piped input fetched the definitions afresh if it named
        // a property they lacked (a later input naming a newer one has its value sent as written).
        let inputs = try await inputs.readingFirst()
        let encoder = try? await PropertyValueEncoder(context.propertyDefinitions(operation.objectType))
        await context.tally.watch(concurrency)
        let writer = BulkWriter(client: client, operation: operation, concurrency: concurrency, encoder: encoder)
        var rejects: RejectFile?
        if let path = bound[Self.rejectsOption] { rejects = RejectFile(path: try await context.text(path)) }
        let lines = PendingLines()
        let checksUnchanged = bound.has(Self.ifUnchangedOption)
        guard var journal = try await RecordWrite.journal(operation, client: client, context: context, bound: bound) else {
            var inputs = inputs
            if checksUnchanged {
                // No journal to read the records ahead of the write: the check reads them itself.
                let type = operation.objectType
                inputs = ValueStream(await ChunkedValues(values: RecordWrite.withFileLines(inputs, context: context), client: client,
                                                         context: context) { chunk in
                    let ids = chunk.compactMap { $0["id"]?.scalarText }.filter { !$0.isEmpty }
                    return UnchangedCheck.marking(chunk, now: try await UnchangedCheck.current(client, type, ids: ids))
                })
            }
            let bulkInputs = BulkInputs(values: inputs, lines: lines, fileLines: context.inputLines)
            return ValueStream(BulkValues(results: writer.results(for: bulkInputs), operation: operation, rejects: rejects, tally: context.tally,
                                          lines: lines))
        }
        journal.checksUnchanged = checksUnchanged
        // What the records hold goes to the journal, synced, before their batch can be sent.
        let recorded = await ChunkedValues(values: RecordWrite.withFileLines(inputs, context: context), client: client, context: context,
                                           expandValues: journal.recordPriors)
        let bulkInputs = BulkInputs(values: ValueStream(recorded), lines: lines, fileLines: context.inputLines)
        let results = JournalledResults(base: writer.results(for: bulkInputs), journal: journal)
        return ValueStream(BulkValues(results: results, operation: operation, rejects: rejects, tally: context.tally, lines: lines))
    }

    /// The journal of this write, begun (numbered, its header synced) before anything is sent; nil
    /// when the session keeps none. A journal that cannot be begun stops the write, saying where.
    static func journal(_ operation: BulkOperation, client: HubSpotClient, context: ShellContext, bound: BoundCommand) async throws -> WriteJournal? {
        let kind: JournalHeader.Operation
        var toType: String?
        switch operation {
        case .create: kind = .create
        case .update: kind = .update
        case .upsert: kind = .upsert
        case .archive: kind = .archive
        case .associate(_, let to, _):
            kind = .associate
            toType = to
        case .unassociate(_, let to, _):
            kind = .unassociate
            toType = to
        }
        guard let file = try await journalFile(kind, objectType: operation.objectType, toObjectType: toType, context: context, bound: bound) else {
            return nil
        }
        let writable = kind == .archive ? try await context.propertyDefinitions(operation.objectType).filter { !$0.readOnlyValue }.map(\.name) : []
        return WriteJournal(file: file, client: client, operation: operation, writable: writable)
    }

    /// The journal file of a write, a merge or an erasure, begun (old ones pruned, its header synced)
    /// before anything is sent; nil when the session keeps none or `--no-journal`. A journal that
    /// cannot be begun stops the command, saying why.
    static func journalFile(_ operation: JournalHeader.Operation, objectType: String, toObjectType: String? = nil,
                            context: ShellContext, bound: BoundCommand) async throws -> JournalWriter? {
        let settings = await context.session.settings
        guard let journal = context.journal, settings.journal, !bound.has(noJournalOption) else { return nil }
        journal.prune(olderThan: settings.journalDays)
        let header = JournalHeader(connection: await context.session.connectionName ?? "", statement: await context.tally.statement,
                                   operation: operation, objectType: objectType, toObjectType: toObjectType)
        let file: JournalWriter
        do {
            file = try journal.begin(header)
        } catch {
            throw HubSpotAPIError(.invalidRequest, "nothing was sent: the journal could not be written (\(error.message))")
        }
        await context.tally.noteJournal(op: file.header.op)
        return file
    }

    /// Inputs piped straight from a file (`open ids.csv | delete`) with their line as a field, taken as
    /// each is read, so a stage that reads ahead (a dry run's or the journal's reads) keeps it.
    static func withFileLines(_ inputs: ValueStream, context: ShellContext) -> ValueStream {
        let fileLines = context.inputLines
        return inputs.compactMap { value in
            guard value["line"] == nil, var object = value.objectValue, let line = fileLines.line(of: value) else { return value }
            object["line"] = .int(line)
            return .object(object)
        }
    }

    /// A dry run: says so at a terminal, checks every input as the real run would and reads what the
    /// records hold now, 100 at a time (`WritePreview`); sends no write. Inputs that would fail count
    /// as failed, so the statement's status is what the real run's would be.
    func dryRun(_ operation: BulkOperation, inputs: ValueStream, context: ShellContext) async throws -> ValueStream {
        if context.errorsAtTerminal {
            let style = await context.errorStyle()
            let connection = await context.session.connectionName ?? "HubSpot"
            context.message(style.bold("DRY RUN — nothing will be written to \(connection)"))
        }
        // Without a connection the inputs are still checked as far as they can be, and nothing is read.
        let client = await context.session.connectionName == nil ? nil : try await context.client()
        let encoder = client == nil ? nil : try? await PropertyValueEncoder(context.propertyDefinitions(operation.objectType))
        let preview = WritePreview(operation: operation, encoder: encoder, client: client)
        let inputs = RecordWrite.withFileLines(inputs, context: context)
        let tally = context.tally
        let cap = await context.session.settings.concurrency ?? ChunkedValues.readCap
        return ValueStream(ChunkedValues(values: inputs, gate: ConcurrencyController(cap: cap), limiter: client?.limiter) { chunk in
            let values = try await preview.values(chunk)
            let failed = values.filter { $0["status"]?.stringValue == "failed" }.count
            await tally.record(succeeded: values.count - failed, failed: failed)
            return values
        })
    }
}

/// Piped values as bulk inputs; each one's file line (carried as `line`, or the line `open` read it
/// from when it arrives unchanged) is noted by its index for its result.
struct BulkInputs: AsyncSequence, Sendable {
    let values: ValueStream
    var lines = PendingLines()
    var fileLines: InputLines?

    func makeAsyncIterator() -> Iterator { Iterator(base: values.makeAsyncIterator(), lines: lines, fileLines: fileLines) }

    struct Iterator: AsyncIteratorProtocol {
        var base: ValueStream.Iterator
        let lines: PendingLines
        let fileLines: InputLines?
        var index = 0
        mutating func next() async throws -> BulkInput? {
            guard var value = try await base.next() else { return nil }
            // `--if-unchanged`: a record modified since it was read is reported, not sent.
            while let why = value[UnchangedCheck.skipField]?.stringValue {
                var row: JSONObject = ["status": "skipped"]
                if let id = value["id"]?.scalarText { row["id"] = .string(id) }
                if let line = value["line"]?.intValue ?? fileLines?.line(of: value) { row["line"] = .int(line) }
                row["note"] = .string(why)
                lines.noteSkipped(.object(row), before: index)
                guard let next = try await base.next() else { return nil }
                value = next
            }
            defer { index += 1 }
            if let line = value["line"]?.intValue ?? fileLines?.line(of: value) { lines.note(line, index: index) }
            if value[WriteJournal.unchangedField] == true { lines.noteUnchanged(index: index) }
            return BulkInput(id: value["id"]?.scalarText, properties: value["properties"]?.objectValue ?? [:], toId: value["toId"]?.scalarText)
        }
    }
}

/// Bulk results as values: `{status, id, …}`; failures also carry `error` and go to the reject file.
struct BulkValues<Results: AsyncSequence & Sendable>: AsyncSequence, Sendable where Results.Element == BulkResult {
    let results: Results
    let operation: BulkOperation
    let rejects: RejectFile?
    let tally: StatementTally
    var lines = PendingLines()

    func makeAsyncIterator() -> Iterator { Iterator(base: results.makeAsyncIterator(), operation: operation, rejects: rejects, tally: tally, lines: lines) }

    struct Iterator: AsyncIteratorProtocol {
        var base: Results.AsyncIterator
        let operation: BulkOperation
        let rejects: RejectFile?
        let tally: StatementTally
        let lines: PendingLines
        var held: BulkResult?
        var ended = false

        mutating func next() async throws -> JSONValue? {
            // The next result is held while the inputs passed over before it (`--if-unchanged`) are told.
            if held == nil, !ended {
                held = try await base.next()
                ended = held == nil
            }
            if let skipped = lines.takeSkipped(before: held?.index) {
                await tally.record(succeeded: false, correlationId: nil)
                await tally.noteSkipped()
                return skipped
            }
            guard let result = held else {
                try rejects?.close()
                return nil
            }
            held = nil
            await tally.record(succeeded: result.succeeded, correlationId: result.error?.correlationId)
            var value: JSONObject = ["status": .string(lines.takeUnchanged(result.index) && result.succeeded ? "unchanged" : status(result))]
            // A failure has no result id: the input's says which one failed.
            if let id = result.id ?? result.input.id { value["id"] = .string(id) }
            if let properties = result.record?.properties, !properties.isEmpty { value["properties"] = .object(properties) }
            if let line = lines.take(result.index) { value["line"] = .int(line) }
            if let error = result.error {
                value["error"] = .string(error.summary)
                if let correlation = error.correlationId { value["correlationId"] = .string(correlation) }
                var input: JSONObject = result.input.properties
                if let id = result.input.id { input["id"] = .string(id) }
                if case .ambiguous = result.outcome {
                    await tally.noteAmbiguous(file: rejects?.ambiguousPath)
                    try rejects?.writeAmbiguous(.object(input))
                } else {
                    try rejects?.write(.object(input))
                }
            }
            if let note = result.note { value["note"] = .string(note) }
            return .object(value)
        }

        func status(_ result: BulkResult) -> String {
            switch result.outcome {
            case .failed: return "failed"
            case .ambiguous: return "ambiguous"
            case .succeeded:
                switch operation {
                case .create: return "created"
                case .update: return "updated"
                case .upsert: return result.isNew == true ? "created" : "updated"
                case .archive: return "archived"
                case .associate: return "associated"
                case .unassociate: return "unassociated"
                }
            }
        }
    }
}
