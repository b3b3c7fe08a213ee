import HubSpotAPI
import HubshLanguage
import JSONValue

/// `get OBJECT ID… [props LIST] [--by PROP]` or `… | get [OBJECT]`: reads records by id (or by a
/// unique property) through batch read, 100 at a time with several reads in flight, and yields them in
/// the order asked for. A key
/// without a record is reported on standard error and counts as a failed input (exit status 1 or 3).
struct GetCommand: ShellCommand {
    static let signature = CommandSignature(
        ["get"], family: .hubspot, summary: "Read records by id (or by a unique property with --by), in the order given.",
        positionals: [object, ids], options: [by], clauses: [.props],
        input: .records, output: .records,
        examples: [Example("get contacts 10000002090 10000001741 props email,firstname", "two contacts, with their email and first name", .lines(2, each: #""firstname":"Aaron""#)),
                   Example("get contacts aaron.bennett@helixanalytics.net --by email", "a contact by email", .lines(1, each: #""id":"10000002090""#)),
                   Example("search contacts limit 5 | associations companies | get companies props name", "the companies of five contacts", .atLeast(1, each: #""name":"#))])

    static let object = Parameter("object", "the object type (else the pipeline's)", required: false, role: .objectType)
    static let ids = Parameter("ids", "record ids or unique values (else the piped records' ids, or piped strings)", required: false, repeats: true)
    static let by = Option("by", "read by this unique property instead of the id (e.g. email)", value: "PROP", role: .property)

    let bound: BoundCommand
    let objectType: String

    init(_ bound: BoundCommand) throws(Diagnostic) {
        guard let type = bound.objectType else {
            throw Diagnostic("get needs OBJECT: \(Self.signature.usage)", at: bound.syntax.range)
        }
        if !bound.hasUpstream, bound.values(Self.ids).isEmpty {
            throw Diagnostic("get needs record ids, or records piped in: \(Self.signature.usage)", at: bound.syntax.range)
        }
        self.bound = bound
        objectType = type
    }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        var given: String?
        if let value = bound[Self.by] { given = try await context.text(value) }
        let by = given
        var properties: [String] = []
        if let names = bound.names(.props)?.names { properties = names }
        // Results are matched to inputs by the --by property, so it has to come back.
        if let by, !properties.isEmpty, !properties.contains(by) { properties.append(by) }
        var keys = input.compactMap { value in Self.key(of: value, by: by).map(JSONValue.string) }
        if !bound.hasUpstream {
            var values: [JSONValue] = []
            for id in bound.values(Self.ids) { values.append(.string(try await context.text(id))) }
            keys = ValueStream(values)
        }
        let client = try await context.client()
        await context.hintRecords(objectType, columns: properties.isEmpty ? nil : properties)
        let reader = BatchReader(client: client, objectType: objectType, properties: properties, idProperty: by, message: context.message)
        let tally = context.tally
        return ValueStream(await ChunkedValues(keys: keys, client: client, context: context) { chunk in
            let records = try await reader.read(chunk)
            await tally.noteRead(records.count)
            // A key without a record is a failed input: the statement's status says so.
            await tally.record(succeeded: records.count, failed: chunk.count - records.count)
            return records
        })
    }

    /// The id (or `--by` value) a piped value stands for: a string, a record's `id`, an association's
    /// `toId`, or with `--by` the field or property of that name.
    static func key(of value: JSONValue, by: String?) -> String? {
        if case .string(let text) = value { return text.isEmpty ? nil : text }
        if case .int = value { return value.scalarText }
        if let by, by != "hs_object_id" {
            return (value[by] ?? value["properties"]?[by])?.scalarText
        }
        return (value["id"] ?? value["toId"])?.scalarText
    }

    /// What `get` yields to the commands after it.
    static func objectType(of bound: BoundCommand, in context: ShellContext) async -> String? { bound.objectType }
}

/// Reads one chunk of keys, answering per key (nil when HubSpot has no such record).
struct BatchReader: Sendable {
    let client: HubSpotClient
    let objectType: String
    let properties: [String]
    let idProperty: String?
    let message: @Sendable (String) -> Void

    /// The record of each key of `keys`, in order; a warning line for each missing one.
    func read(_ keys: [String]) async throws -> [JSONValue] {
        var unique: [String] = []
        var seen: Set<String> = []
        for key in keys where seen.insert(normalized(key)).inserted { unique.append(key) }
        let response = try await client.batchRead(objectType, ids: unique, properties: properties, idProperty: idProperty)
        var found: [String: JSONValue] = [:]
        for record in response.results {
            let key = idProperty.map { record[property: $0] ?? "" } ?? record.id
            found[normalized(key)] = record.value
        }
        let unanswered = unique.filter { found[normalized($0)] == nil }
        let merged = try await mergedAway(unanswered, answered: response.results, matched: unique.count - unanswered.count)
        var values: [JSONValue] = []
        for key in keys {
            if let record = found[normalized(key)] {
                values.append(record)
            } else if let (primary, record) = merged[key] {
                values.append(record)
                message("get: \(objectType) \(key) was merged into \(primary), which HubSpot answers in its place")
            } else {
                message("get: no \(objectType) record \(idProperty.map { "with \($0) " } ?? "")\(key)")
            }
        }
        return values
    }

    /// The records HubSpot answered for ids merged away (it answers a merged id with the record it was
    /// merged into, under that one's id), by merged id: told apart by the answered records'
    /// `hs_merged_object_ids`, read in one more call only when an id was not answered under its own
    /// id and more records came back than the `matched` ids answered under their own.
    private func mergedAway(_ unanswered: [String], answered: [CRMRecord], matched: Int) async throws -> [String: (String, JSONValue)] {
        guard idProperty == nil, !unanswered.isEmpty, answered.count > matched else { return [:] }
        let asked = Set(unanswered)
        let ids = Array(Set(answered.map(\.id))).sorted()
        var byMerged: [String: (String, JSONValue)] = [:]
        let values = Dictionary(answered.map { ($0.id, $0.value) }, uniquingKeysWith: { first, _ in first })
        for record in try await client.batchRead(objectType, ids: ids, properties: [Self.mergedIds]).results {
            for id in (record[property: Self.mergedIds] ?? "").split(separator: ";").map(String.init) where asked.contains(id) {
                if let value = values[record.id] { byMerged[id] = (record.id, value) }
            }
        }
        return byMerged
    }

    /// The property in which HubSpot lists the ids merged into a record.
    static let mergedIds = "hs_merged_object_ids"

    /// Unique values such as emails match whatever their case; ids are digits.
    func normalized(_ key: String) -> String { idProperty == nil ? key : key.lowercased() }
}
