import HubSpotAPI
import HubshLanguage
import JSONValue

/// What create, update, upsert and delete share: inputs from the arguments or the pipe, the bulk
/// writer, `--dry-run`, `--rejects FILE`, and one result value per input.
struct RecordWrite: Sendable {
    /// The options every write takes.
    static let options = [
        Option("dry-run", "show what would be sent and send nothing"),
        Option("rejects", "write the inputs that failed to FILE (JSON Lines, pipeable back into this command); ambiguous ones, which HubSpot may have applied, go to FILE.ambiguous", value: "FILE", completion: .files),
        concurrencyOption,
    ]

    /// `--concurrency N`, for every command that writes in batches.
    static let concurrencyOption = Option("concurrency", "the most batch calls in flight (default: the session's concurrency, auto)", value: "N")

    /// The controller of a write's batch calls in flight: `--concurrency N`, else the session's
    /// `set concurrency`, as the upper bound (auto: the default cap). Checked before a dry run too; a
    /// write that sends hands it to the tally, whose progress line shows its count.
    static func concurrency(_ bound: BoundCommand, context: ShellContext) async throws -> ConcurrencyController {
        var cap = await context.session.settings.concurrency
        if let value = bound.option("concurrency") {
            guard let n = Int(try await context.text(value)), (1...ConcurrencyController.defaultCap).contains(n) else {
                throw Diagnostic("--concurrency takes a number from 1 to \(ConcurrencyController.defaultCap)", at: value.range)
            }
            cap = n
        }
        return ConcurrencyController(cap: cap ?? ConcurrencyController.defaultCap)
    }

    let bound: BoundCommand
    let verb: String

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
        // Fresh definitions (a property made just now is known): those the check fetched for this
        // statement, else fetched now; `run` then encodes by the cache they refreshed.
        var computed: Set<String> = []
        let mark = StatementEffects.schemaMark
        if let type = bound.objectType, let definitions = try? await context.propertyDefinitions(type, fresh: mark == nil, fetchedAfter: mark) {
            computed = Set(definitions.filter(\.readOnlyValue).map(\.name))
        }
        let readOnly = computed
        return input.compactMap { value in
            guard var object = value.objectValue else { return ["id": value] }
            if object["properties"] != nil, !fixed.isEmpty {
                return ["id": object["id"] ?? .null, "properties": .object(fixed)]
            }
            if object["properties"] == nil {
                let id = object.removeValue(forKey: "id")
                object = ["id": id ?? .null, "properties": .object(object)]
            } else if let held = object["properties"]?.objectValue {
                object["properties"] = .object(held.filter { !readOnly.contains($0.key) })
            }
            var properties = object["properties"]?.objectValue ?? [:]
            properties.merge(fixed) { _, new in new }
            object["properties"] = .object(properties)
            return .object(object)
        }
    }

    /// Runs `operation` over the inputs and yields one result per input.
    func run(_ operation: BulkOperation, inputs: ValueStream, context: ShellContext) async throws -> ValueStream {
        let settings = await context.session.settings
        let concurrency = try await RecordWrite.concurrency(bound, context: context)
        if bound.has("dry-run") || settings.dryRun {
            let verb = operation.verb
            let type = operation.objectType
            return inputs.compactMap { value in
                var plan: JSONObject = ["dryRun": true, "operation": .string(verb), "objectType": .string(type)]
                if let id = value["id"], !id.isNull { plan["id"] = id }
                // An archive sends ids only.
                if verb != "archive", let properties = value["properties"], properties.objectValue?.isEmpty == false { plan["properties"] = properties }
                return .object(plan)
            }
        }
        let client = try await context.client()
        await context.tally.noteWritten(operation.objectType)
        // The cache knows every property the write names: the check before running looked up any
        // assignment it lacked, and piped inputs fetched the definitions afresh.
        let encoder = try? await PropertyValueEncoder(context.propertyDefinitions(operation.objectType))
        await context.tally.watch(concurrency)
        let writer = BulkWriter(client: client, operation: operation, concurrency: concurrency, encoder: encoder)
        var rejects: RejectFile?
        if let path = bound.option("rejects") { rejects = RejectFile(path: try await context.text(path)) }
        let bulkInputs = BulkInputs(values: inputs)
        return ValueStream(BulkValues(results: writer.results(for: bulkInputs), operation: operation, rejects: rejects, tally: context.tally))
    }
}

/// Piped values as bulk inputs.
struct BulkInputs: AsyncSequence, Sendable {
    let values: ValueStream

    func makeAsyncIterator() -> Iterator { Iterator(base: values.makeAsyncIterator()) }

    struct Iterator: AsyncIteratorProtocol {
        var base: ValueStream.Iterator
        mutating func next() async throws -> BulkInput? {
            guard let value = try await base.next() else { return nil }
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

    func makeAsyncIterator() -> Iterator { Iterator(base: results.makeAsyncIterator(), operation: operation, rejects: rejects, tally: tally) }

    struct Iterator: AsyncIteratorProtocol {
        var base: Results.AsyncIterator
        let operation: BulkOperation
        let rejects: RejectFile?
        let tally: StatementTally

        mutating func next() async throws -> JSONValue? {
            guard let result = try await base.next() else {
                try rejects?.close()
                return nil
            }
            await tally.record(succeeded: result.succeeded, correlationId: result.error?.correlationId)
            var value: JSONObject = ["status": .string(status(result))]
            // A failure has no result id: the input's says which one failed.
            if let id = result.id ?? result.input.id { value["id"] = .string(id) }
            if let properties = result.record?.properties, !properties.isEmpty { value["properties"] = .object(properties) }
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
                }
            }
        }
    }
}
