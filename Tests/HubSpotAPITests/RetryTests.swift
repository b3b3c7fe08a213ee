import HubSpotAPI
import JSONValue
import Testing

struct RetryTests {
    static let tenSecondly: JSONValue = ["status": "error", "message": "You have reached your ten_secondly_rolling limit.",
                                         "errorType": "RATE_LIMIT", "policyName": "TEN_SECONDLY_ROLLING"]

    @Test(arguments: [429, 502, 503, 504, 423, 477])
    func passingFailuresAreRetried(status: Int) async throws {
        let body: JSONValue = status == 429 ? Self.tenSecondly : ["status": "error", "message": "try later"]
        let transport = ScriptedTransport([.answer(status, body: body), .answer(200, body: ["id": "1", "properties": [:]])])
        let record = try await transport.client().record("contacts", id: "1")
        #expect(record.id == "1")
        #expect(transport.sent.count == 2)
    }

    @Test func retriesStopAtTheBoundAndTheErrorSaysHowMany() async throws {
        let transport = ScriptedTransport(Array(repeating: .answer(503, body: ["message": "down", "category": "SERVICE_UNAVAILABLE"]), count: 10))
        let error = await #expect(throws: HubSpotAPIError.self) { _ = try await transport.client().record("contacts", id: "1") }
        #expect(transport.sent.count == 4)
        #expect(error?.attempts == 4)
        #expect(error?.description == "GET /crm/v3/objects/contacts/1: HubSpot answered 503 SERVICE_UNAVAILABLE: down (after 4 attempts)")
    }

    @Test func theDailyLimitIsNotRetried() async throws {
        let daily: JSONValue = ["status": "error", "message": "You have reached your daily limit.", "errorType": "RATE_LIMIT", "policyName": "DAILY"]
        let transport = ScriptedTransport([.answer(429, body: daily)])
        let error = await #expect(throws: HubSpotAPIError.self) { _ = try await transport.client().record("contacts", id: "1") }
        #expect(transport.sent.count == 1)
        #expect(error?.description.contains("daily API limit is used up") == true)
    }

    @Test func aCreateIsNotRepeatedAfterItMayHaveBeenApplied() async throws {
        let transport = ScriptedTransport([.fail(.timeout)])
        let error = await #expect(throws: HubSpotAPIError.self) { _ = try await transport.client().create("contacts", properties: [:]) }
        #expect(transport.sent.count == 1)
        #expect(error?.isAmbiguous == true)
        #expect(error?.description.contains("may or may not have applied it") == true)
    }

    @Test func aCreateIsRetriedWhenNothingWasSent() async throws {
        let transport = ScriptedTransport([.fail(.connect), .answer(201, body: ["id": "9", "properties": [:]])])
        let record = try await transport.client().create("contacts", properties: [:])
        #expect(record.id == "9")
        #expect(transport.sent.count == 2)
    }

    @Test(arguments: [TransportFailure.Reason.refused, .unreachable])
    func aRefusedOrUnreachableHostIsNotTriedAgain(reason: TransportFailure.Reason) async throws {
        let transport = ScriptedTransport([.fail(reason), .answer(200, body: ["id": "1", "properties": [:]])])
        let error = await #expect(throws: HubSpotAPIError.self) { _ = try await transport.client().record("contacts", id: "1") }
        #expect(transport.sent.count == 1)
        #expect(error?.kind == .transport(TransportFailure(reason)))
    }

    @Test func idempotentCallsAreRetriedAfterResetsTimeoutsAnd500s() async throws {
        let transport = ScriptedTransport([.fail(.reset), .fail(.timeout), .answer(500), .answer(200, body: ["id": "1", "properties": [:]])])
        _ = try await transport.client().update("contacts", id: "1", properties: [:])
        #expect(transport.sent.count == 4)
        let creates = ScriptedTransport([.answer(500, body: ["message": "boom"])])
        await #expect(throws: HubSpotAPIError.self) { _ = try await creates.client().create("contacts", properties: [:]) }
        #expect(creates.sent.count == 1)
    }

    @Test func retryAfterIsHonouredAndBackoffGrowsWithJitter() {
        let policy = RetryPolicy(maxAttempts: 6, baseDelay: .milliseconds(100), maxDelay: .seconds(5))
        let response = HubSpotResponse(status: 477, headers: ["retry-after": "3"], body: [])
        #expect(policy.delay(after: 1, response: response) == .seconds(3))
        for attempt in 1...6 {
            let delay = policy.delay(after: attempt, response: nil)
            let ceiling = min(Duration.milliseconds(100) * (1 << (attempt - 1)), .seconds(5))
            #expect(delay <= ceiling && delay >= ceiling / 2)
        }
        let locked = HubSpotResponse(status: 423, headers: [:], body: [])
        #expect(policy.delay(after: 1, response: locked) >= .seconds(2))
    }
}
