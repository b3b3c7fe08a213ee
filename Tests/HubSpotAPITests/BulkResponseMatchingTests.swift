import HubSpotAPI
import JSONValue
import Testing

/// A batch answer is matched to the inputs sent by trace id, id or the values a result holds — never by
/// the order results come in, which HubSpot does not promise.
struct BulkResponseMatchingTests {
    static func record(_ id: String, _ properties: JSONObject) -> JSONValue {
        ["id": .string(id), "properties": .object(properties), "createdAt": "2026-01-01T00:00:00.000Z",
         "updatedAt": "2026-01-01T00:00:00.000Z", "archived": false]
    }

    /// Runs `operation` over `inputs` against one scripted answer.
    static func run(_ operation: BulkOperation, _ inputs: [BulkInput], answer: JSONValue, status: Int = 207) async throws -> [BulkResult] {
        let transport = ScriptedTransport([.answer(status, body: answer)])
        let writer = BulkWriter(client: try transport.client(), operation: operation)
        var results: [BulkResult] = []
        for try await result in writer.results(for: inputs) { results.append(result) }
        return results
    }

    static let people: [(email: String, name: String)] = [
        ("ada@example.com", "Ada"), ("bo@example.com", "Bo"), ("cy@example.com", "Cy"), ("di@example.com", "Di"), ("ed@example.com", "Ed"),
    ]

    @Test func aShuffledPartialAnswerWithoutTraceIdsIsAttributedByWhatEachResultHolds() async throws {
        let inputs = Self.people.map { BulkInput(properties: ["email": .string($0.email), "firstname": .string($0.name)]) }
        // Input 2 (Cy) failed, named by its trace id; the other four come back in another order, naming no input.
        let results: [JSONValue] = [3, 0, 4, 1].map { i in
            Self.record("90\(i)", ["email": .string(Self.people[i].email.uppercased()), "firstname": .string(Self.people[i].name)])
        }
        let answer: JSONValue = ["status": "COMPLETE", "results": .array(results), "numErrors": 1, "errors": [
            ["status": "error", "category": "VALIDATION_ERROR", "message": "Property values were not valid",
             "context": ["objectWriteTraceId": ["hubsh-2"]]],
        ]]
        let outcome = try await Self.run(.create(objectType: "contacts", uniqueProperty: "email"), inputs, answer: answer)
        #expect(outcome.map(\.index) == [0, 1, 2, 3, 4])
        #expect(outcome.map(\.id) == ["900", "901", nil, "903", "904"])
        if case .failed(let error) = outcome[2].outcome { #expect(error.message.contains("not valid")) } else { Issue.record("input 2 failed") }
    }

    @Test func anUpdateAnsweredWithTheIdOfAMergedRecordIsMatchedByItsValues() async throws {
        let inputs = [BulkInput(id: "11", properties: ["firstname": "Ann"]), BulkInput(id: "12", properties: ["firstname": "Ben"])]
        // Record 12 was merged into 40: HubSpot answers with 40's id.
        let answer: JSONValue = ["status": "COMPLETE", "results": [
            Self.record("40", ["firstname": "Ben"]), Self.record("11", ["firstname": "Ann"]),
        ]]
        let outcome = try await Self.run(.update(objectType: "contacts", idProperty: nil), inputs, answer: answer, status: 200)
        #expect(outcome.map(\.id) == ["11", "40"])
    }

    @Test func resultsThatCannotBeToldApartLeaveTheirInputsAmbiguousNotSwapped() async throws {
        let inputs = [BulkInput(properties: ["amount": "1.50"]), BulkInput(properties: ["amount": "2.50"])]
        // HubSpot normalised both values, so neither result holds what was sent.
        let answer: JSONValue = ["status": "COMPLETE", "results": [
            Self.record("71", ["amount": "2.5"]), Self.record("70", ["amount": "1.5"]),
        ]]
        let outcome = try await Self.run(.create(objectType: "deals", uniqueProperty: nil), inputs, answer: answer, status: 201)
        for result in outcome {
            guard case .ambiguous = result.outcome else { Issue.record("\(result.index) should be ambiguous: \(result.outcome)"); continue }
        }
    }

    @Test func oneUnnamedResultAndOneInputLeftBelongTogether() async throws {
        let inputs = [BulkInput(properties: ["amount": "1.50"])]
        let answer: JSONValue = ["status": "COMPLETE", "results": [Self.record("70", ["amount": "1.5"])]]
        let outcome = try await Self.run(.create(objectType: "deals", uniqueProperty: nil), inputs, answer: answer, status: 201)
        #expect(outcome.map(\.id) == ["70"])
    }
}
