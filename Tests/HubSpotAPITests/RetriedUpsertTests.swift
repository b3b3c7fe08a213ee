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
        let now = Self.iso(Int64(Date().timeIntervalSince1970 * 1000))
        let transport = ScriptedTransport([.fail(.timeout), .answer(200, body: Self.answer(createdAt: now))])
        let result = try await Self.upsert(transport)
        #expect(transport.sent.count == 2)
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
        let now = Self.iso(Int64(Date().timeIntervalSince1970 * 1000))
        let transport = ScriptedTransport([.answer(429, body: ["policyName": "TEN_SECONDLY_ROLLING"]), .answer(200, body: Self.answer(createdAt: now))])
        let result = try await Self.upsert(transport)
        #expect(transport.sent.count == 2)
        #expect(result?.isNew == false, "a 429 was not applied, so new: false is true")
    }

    static func iso(_ ms: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date(timeIntervalSince1970: Double(ms) / 1000))
    }
}
