import Foundation
import HubSpotAPI
import JSONValue
import Testing

/// An upsert whose first attempt was applied but whose answer was lost: the repeat finds the records
/// existing (`new: false`), yet this job created them, and they are reported as created.
struct RetriedUpsertTests {
    static func answer(createdAt: String) -> JSONValue {
        ["status": "COMPLETE", "results": [
            ["id": "1", "new": false, "createdAt": .string(createdAt), "properties": ["email": "a@example.com"]],
        ]]
    }

    static func upsert(_ transport: ScriptedTransport) async throws -> BulkResult? {
        let writer = BulkWriter(client: try transport.client(), operation: .upsert(objectType: "contacts", idProperty: "email"))
        var results: [BulkResult] = []
        for try await result in writer.results(for: [BulkInput(id: "a@example.com", properties: ["firstname": "A"])]) { results.append(result) }
        return results.first
    }

    @Test func aRecordMadeByALostAttemptIsReportedAsCreated() async throws {
        let transport = JustCreated(first: .fail(.timeout))
        let result = try await Self.upsert(transport.scripted)
        #expect(transport.scripted.sent.count == 2)
        #expect(result?.isNew == true)
    }

    @Test(arguments: [false, true])
    func aRecordThatExistedBeforeStaysUpdated(retried: Bool) async throws {
        let steps: [ScriptedTransport.Step] = (retried ? [.fail(.timeout)] : []) + [.answer(200, body: Self.answer(createdAt: "2024-01-01T00:00:00.000Z"))]
        let transport = ScriptedTransport(steps)
        let result = try await Self.upsert(transport)
        #expect(result?.isNew == false)
    }

    @Test func aRepeatAfterA429KeepsHubSpotsWord() async throws {
        let transport = JustCreated(first: .answer(429, body: ["policyName": "TEN_SECONDLY_ROLLING"]))
        let result = try await Self.upsert(transport.scripted)
        #expect(transport.scripted.sent.count == 2)
        #expect(result?.isNew == false, "a 429 was not applied, so new: false is true")
    }
}

/// A first step, then an upsert answer whose record was created just now (stamped when it answers).
final class JustCreated: Sendable {
    let scripted: ScriptedTransport

    init(first: ScriptedTransport.Step) {
        scripted = ScriptedTransport([first], then: { _ in
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            return .answer(200, body: RetriedUpsertTests.answer(createdAt: formatter.string(from: Date())))
        })
    }
}
