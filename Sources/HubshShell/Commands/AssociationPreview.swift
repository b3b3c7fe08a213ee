import HubSpotAPI
import JSONValue

/// What a dry run of `associate` or `unassociate` says of one pair: `would associate` (or `would
/// unassociate`), or `failed` with the error the real run would give before sending (a record id
/// missing on either side), counted as the real run counts it.
enum AssociationPreview {
    static func row(_ pair: JSONValue, _ operation: BulkOperation, labels: [String], tally: StatementTally) async -> JSONValue {
        let input = BulkInput(id: pair["id"]?.scalarText, toId: pair["toId"]?.scalarText)
        var row: JSONObject = ["status": .string("would \(operation.verb)"), "dryRun": true, "operation": .string(operation.verb),
                               "objectType": .string(operation.objectType), "id": pair["id"] ?? .null,
                               "toObjectType": .string(operation.associationPair?.to ?? ""), "toId": pair["toId"] ?? .null]
        if !labels.isEmpty { row["labels"] = .array(labels.map(JSONValue.string)) }
        if let problem = operation.pairProblem(input) {
            row["status"] = "failed"
            row["error"] = .string(problem.summary)
            await tally.record(succeeded: false)
        } else {
            await tally.record(succeeded: true)
        }
        return .object(row)
    }
}
