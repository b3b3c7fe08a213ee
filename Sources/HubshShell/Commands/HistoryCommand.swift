import HubSpotAPI
import HubshLanguage
import JSONValue

/// `history`: the statements of this session so far, numbered, with tokens masked. `history OBJECT
/// ID [PROP…]`, or `… | history [PROP…]` after records: each earlier and current value of the
/// properties (all of the object type's when none are named), one row per value, newest first,
/// read through batch read with `propertiesWithHistory`, 50 records a call (HubSpot's limit for it),
/// several calls in flight as `get`'s reads are, the rows in the order the records came.
struct HistoryCommand: ShellCommand {
    static let signature = CommandSignature(
        ["history"], family: .hubspot, summary: "Show a record's property history (value, when, source), or this session's statements.",
        positionals: [wordsParameter],
        forms: [Form(piped: true, [properties]), Form([]), Form([object, id, properties])],
        input: .records, output: .values,
        examples: [Example("history contacts 10000002090 lifecyclestage email", "who changed a contact's stage and email, and when",
                           .atLeast(2, each: #""id":"10000002090""#)),
                   Example("search deals where dealstage = closedwon limit 20 | history amount", "how the amounts of 20 won deals changed",
                           .atLeast(20, each: #""property":"amount""#)),
                   Example("history", "the statements run so far in this session", .lines(#"{"number":1,"statement":"history"}"#))])

    static let wordsParameter = Parameter("words", "OBJECT ID [PROP…], or after piped records PROP… (nothing: this session's statements)",
                                        required: false, repeats: true, role: .field)
    // What the words are, by form (the help's list above says them for people): after piped records
    // PROP…; nothing (the session's statements); or OBJECT ID [PROP…].
    static let properties = Parameter("properties", "the properties whose history to show", required: false, repeats: true, role: .field)
    static let object = Parameter("object", "the record's type", role: .objectType)
    static let id = Parameter("id", "the record's id")

    let bound: BoundCommand
    /// The record named (`history OBJECT ID …`); nil for piped records or the session's statements.
    let record: (object: Value, id: Value)?
    /// The properties whose history to show.
    let properties: [Value]

    init(_ bound: BoundCommand) throws(Diagnostic) {
        self.bound = bound
        properties = bound.values(Self.properties)
        if let object = bound[Self.object] {
            guard let id = bound[Self.id] else {
                throw Diagnostic("history needs OBJECT ID [PROP…] (or nothing, for this session's statements)", at: object.range)
            }
            record = (object, id)
        } else {
            record = nil
        }
        if bound.hasUpstream, bound.objectInContext == nil {
            throw Diagnostic("history needs the records' object type: pipe it records from search or get", at: bound.syntax.range)
        }
    }

    /// Rows, not records: the commands after it get no object type.
    static func objectType(of bound: BoundCommand, in context: ShellContext) async -> String? { nil }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        guard bound.hasUpstream || record != nil else {
            let statements = await context.session.statements
            return ValueStream(statements.enumerated().map { ["number": .int($0.offset + 1), "statement": .string(SecretMask.redact($0.element))] })
        }
        var named: [(String, SourceRange)] = []
        for property in properties { named.append((try await context.text(property), property.range)) }
        let objectType: String
        let keys: ValueStream
        if let record {
            objectType = try await context.text(record.object)
            keys = ValueStream([.string(try await context.text(record.id))])
        } else {
            objectType = bound.objectInContext ?? ""
            keys = input.compactMap { value in GetCommand.key(of: value, by: nil).map(JSONValue.string) }
        }
        let properties = try await Self.properties(named.flatMap { name, range in
            name.split(separator: ",").map { (String($0), range) }
        }, of: objectType, at: (record?.object ?? properties.first)?.range ?? bound.syntax.range, in: context)
        let client = try await context.client()
        context.resultHint.update { shape in
            shape.objectType = nil
            shape.columns = ["id", "property", "value", "timestamp", "sourceType", "sourceId"]
        }
        let tally = context.tally
        let message = context.message
        // Several batch reads in flight (as `get`'s), each chunk's rows yielded in the order asked for.
        return ValueStream(await ChunkedValues(keys: keys, client: client, context: context, chunkSize: HubSpotClient.historyBatchLimit) { chunk in
            var ids: [String] = []
            for id in chunk where !ids.contains(id) { ids.append(id) }
            let response = try await client.batchRead(objectType, ids: ids, properties: ["hs_object_id"], propertiesWithHistory: properties)
            await tally.noteRead(response.results.count)
            let missing = response.errors.flatMap { ($0.context["ids"]?.arrayValue ?? []).compactMap(\.scalarText) }
            for id in missing { message("history: no \(objectType) record \(id)") }
            await tally.record(succeeded: response.results.count, failed: missing.count)
            return Self.rows(response.results, properties: properties)
        })
    }

    /// One row per value of each record's history, property by property as asked, newest first.
    static func rows(_ records: [CRMRecord], properties: [String]) -> [JSONValue] {
        var rows: [JSONValue] = []
        for record in records {
            let history = record.json["propertiesWithHistory"]?.objectValue ?? [:]
            for name in properties {
                for version in history[name]?.arrayValue ?? [] {
                    rows.append(["id": .string(record.id), "property": .string(name), "value": version["value"] ?? .null,
                                 "timestamp": version["timestamp"] ?? .null, "sourceType": version["sourceType"] ?? .null,
                                 "sourceId": version["sourceId"] ?? .null])
                }
            }
        }
        return rows
    }

    /// The properties asked for, checked against the object type's (did you mean); all of them when
    /// none are named. An object type HubSpot does not know is refused at `typeRange`.
    static func properties(_ named: [(String, SourceRange)], of objectType: String, at typeRange: SourceRange,
                           in context: ShellContext) async throws -> [String] {
        var definitions: [PropertyDefinition]
        do {
            definitions = try await context.propertyDefinitions(objectType)
        } catch let error as HubSpotAPIError where SchemaCheck.isUnknownObjectType(error) {
            throw Diagnostic("no object type \(objectType) in this account", at: typeRange,
                             suggestion: Suggest.didYouMean(objectType, in: await context.objectTypeNames()))
        }
        guard !named.isEmpty else { return definitions.map(\.name) }
        for (name, range) in named where !definitions.contains(where: { $0.name == name }) {
            definitions = try await context.propertyDefinitions(objectType, fresh: true)
            guard !definitions.contains(where: { $0.name == name }) else { continue }
            throw Diagnostic("\(objectType) has no property \(name)", at: range, suggestion: Suggest.didYouMeanName(name, in: definitions.map(\.name)))
        }
        var names: [String] = []
        for (name, _) in named where !names.contains(name) { names.append(name) }
        return names
    }
}
