import HubSpotAPI
import HubshLanguage
import JSONValue

/// `associations OBJECT ID TOTYPE` or `… | associations TOTYPE`: a record's associations, one value
/// `{fromId, toId, labels, types}` per associated record (v3 connections add `typeNames`).
struct AssociationsCommand: ShellCommand {
    static let signature = CommandSignature(
        ["associations"], family: .hubspot, summary: "List the records associated with a record (or with each piped record).",
        positionals: [Parameter("object", "the record's type (piped: the type to list)", role: .objectType),
                      Parameter("id", "the record's id", required: false),
                      Parameter("totype", "the type of the associated records", required: false, role: .objectType)],
        forms: [Form(piped: true, [toType]), Form([fromType, fromId, toType])],
        input: .records, output: .values,
        examples: [Example("associations contacts 10000002090 companies", "the companies of one contact", .lines(1, each: #""fromId":"10000002090","toId":"10000000202""#)),
                   Example("search deals where amount > 100000 | associations contacts", "the contacts of every large deal", .atLeast(1, each: #""typeNames":["deal_to_contact"]"#))])

    // What its positionals are, by form (the help's list above says them for people).
    static let fromType = Parameter("object", "the record's type", role: .objectType)
    static let fromId = Parameter("id", "the record's id")
    static let toType = Parameter("totype", "the type of the associated records", role: .objectType)

    let fromType: String
    let fromId: Value?
    let toType: Value

    init(_ bound: BoundCommand) throws(Diagnostic) {
        if bound[Self.fromType] == nil, let toType = bound[Self.toType], let from = bound.objectInContext {
            // Piped: the associations of each record.
            fromType = from
            fromId = nil
            self.toType = toType
        } else if let from = bound[Self.fromType]?.literalText, let fromId = bound[Self.fromId], let toType = bound[Self.toType] {
            fromType = from
            self.fromId = fromId
            self.toType = toType
        } else {
            throw Diagnostic("associations needs OBJECT ID TOTYPE, or records piped in and TOTYPE (usage: \(Self.signature.usage))",
                             at: bound.syntax.range)
        }
    }

    /// Its values name records of TOTYPE (`toId`), which `get` can read.
    static func objectType(of bound: BoundCommand, in context: ShellContext) async -> String? {
        bound[Self.toType]?.literalText
    }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        let toType = try await context.text(self.toType)
        var ids = input.compactMap { value in (value["id"] ?? value).scalarText.map(JSONValue.string) }
        if let fromId { ids = ValueStream([.string(try await context.text(fromId))]) }
        let client = try await context.client()
        let lister = AssociationLister(client: client, fromType: fromType, toType: toType)
        return ValueStream(await ChunkedValues(keys: ids, client: client, context: context, chunkSize: lister.chunkSize) { try await lister.list($0) })
    }
}

/// Lists the associations of a few records at a time, on whichever API the connection speaks.
struct AssociationLister: Sendable {
    let client: HubSpotClient
    let fromType: String
    let toType: String

    /// Ids per chunk: a v3 batch read takes 100; the per-record reads of later versions go a few at a
    /// time, so the chunks in flight are about the calls in flight.
    var chunkSize: Int { client.version.hasLabelledAssociations ? 5 : HubSpotClient.batchLimit }

    /// The associations of each of `ids`, in their order.
    func list(_ ids: [String]) async throws -> [JSONValue] {
        if client.version.hasLabelledAssociations {
            var values: [JSONValue] = []
            for id in ids {
                for record in try await client.associations(fromType, id, toType) {
                    values.append(["fromId": .string(id), "toId": .string(record.toObjectId),
                                   "labels": .array(record.labels.map(JSONValue.string)),
                                   "types": .array(record.types.map { .int($0.typeId) })])
                }
            }
            return values
        }
        // v3 reports records without associations as errors; they simply have none.
        let response = try await client.v3BatchReadAssociations(fromType, toType, ids: ids)
        var byId: [String: [AssociationLink]] = [:]
        for link in response.links { byId[link.fromId, default: []].append(link) }
        return ids.flatMap { id in
            (byId[id] ?? []).map { link -> JSONValue in
                ["fromId": .string(link.fromId), "toId": .string(link.toId), "labels": .array(link.labels.map(JSONValue.string)),
                 "types": .array(link.types.map { .int($0.typeId) }), "typeNames": .array(link.typeNames.map(JSONValue.string))]
            }
        }
    }
}
