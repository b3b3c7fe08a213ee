import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JSONValue
import Testing

@testable import HubSpotSandbox

/// Latency (`--latency`): the spec, the kind of each call, and the delay each answer gets. Delays are
/// recorded by an injected sleeper, never measured on the wall clock.
struct LatencyTests {
    @Test(arguments: [("100", 100, 0), ("100±20", 100, 20), ("100+-20", 100, 20), ("0", 0, 0)])
    func latencySpecsParse(_ text: String, _ ms: Int, _ jitter: Int) {
        #expect(LatencySpec(parsing: text) == LatencySpec(milliseconds: ms, jitter: jitter))
    }

    @Test(arguments: ["-5", "fast", "10±20", ""])
    func badLatencySpecsAreRefused(_ text: String) {
        #expect(LatencySpec(parsing: text) == nil)
    }

    static let plans: [(String, LatencyPlan)] = [
        ("100", LatencyPlan(LatencySpec(milliseconds: 100))),
        ("100±20", LatencyPlan(LatencySpec(milliseconds: 100, jitter: 20))),
        ("100+-20", LatencyPlan(LatencySpec(milliseconds: 100, jitter: 20))),
        ("read=250±80,search=400±150,write=900±300,per-record=5",
         LatencyPlan(read: LatencySpec(milliseconds: 250, jitter: 80), search: LatencySpec(milliseconds: 400, jitter: 150),
                     write: LatencySpec(milliseconds: 900, jitter: 300), perRecord: 5)),
        ("100,search=400", LatencyPlan(read: LatencySpec(milliseconds: 100), search: LatencySpec(milliseconds: 400),
                                       write: LatencySpec(milliseconds: 100))),
        ("search=400, 100", LatencyPlan(read: LatencySpec(milliseconds: 100), search: LatencySpec(milliseconds: 400),
                                        write: LatencySpec(milliseconds: 100))),
        (" WRITE = 30 ", LatencyPlan(read: .none, search: .none, write: LatencySpec(milliseconds: 30))),
        ("per-record=5", LatencyPlan(.none, perRecord: 5)),
        ("0", LatencyPlan.none),
    ]

    @Test(arguments: plans)
    func latencyPlansParse(_ text: String, _ plan: LatencyPlan) throws {
        #expect(try LatencyPlan(parsing: text) == plan)
    }

    @Test(arguments: [
        ("", "no delay given"), ("fast", "bad delay 'fast' for every call"), ("-5", "bad delay '-5'"),
        ("10±20", "JITTER at most MS"), ("read=abc", "bad delay 'abc' for read"), ("read=", "bad delay '' for read"),
        ("read=10,read=20", "read is given twice"), ("reading=10", "unknown kind of call 'reading'"),
        ("per-record=-1", "bad per-record cost '-1'"), ("per-record=x", "bad per-record cost 'x'"),
        ("per-record=5,per-record=6", "per-record is given twice"), ("100,200", "two delays for every kind"),
        ("read=10,,write=5", "an empty item"),
    ])
    func badLatencyPlansSayWhatAndWhere(_ text: String, _ why: String) {
        #expect {
            try LatencyPlan(parsing: text)
        } throws: { error in
            let message = (error as? SandboxConfigurationError)?.message ?? ""
            return message.contains(why) && !message.contains("\n")
        }
    }

    @Test(arguments: [
        (HTTPRequest.Method.get, "/crm/v3/objects/contacts/1", CallKind.read),
        (.head, "/crm/v3/objects/contacts", .read),
        (.post, "/crm/v3/objects/contacts/search", .search),
        (.post, "/crm/objects/2026-03/0-1/search", .search),
        (.post, "/crm/v3/objects/contacts/batch/read", .read),
        (.post, "/crm/v4/associations/contacts/companies/batch/read", .read),
        (.post, "/crm/v3/properties/contacts/batch/read", .read),
        (.post, "/oauth/v2/private-apps/get/access-token-info", .read),
        (.post, "/crm/v3/objects/contacts", .write),
        (.post, "/crm/v3/objects/contacts/batch/create", .write),
        (.post, "/crm/v3/objects/contacts/batch/archive", .write),
        (.patch, "/crm/v3/objects/contacts/1", .write),
        (.put, "/crm/v4/objects/contacts/1/associations/companies/2", .write),
        (.delete, "/crm/v3/objects/contacts/1", .write),
    ])
    func callsAreReadsSearchesOrWrites(_ method: HTTPRequest.Method, _ path: String, _ kind: CallKind) {
        #expect(CallKind(method: method, path: path) == kind)
    }

    @Test func eachKindOfCallGetsItsDelayAndBatchesPayPerInput() async throws {
        let plan = try LatencyPlan(parsing: "read=100,search=200,write=300,per-record=7")
        let delays = try await recordedDelays(plan) { client in
            try await client.get("/crm/v3/objects/contacts/1")                                   // 404, still a read
            let created = try await client.post("/crm/v3/objects/contacts", ["properties": ["email": "a@x.com"]])
            #expect(created.status == 201)
            try await client.post("/crm/v3/objects/contacts/search", ["limit": 1])
            let inputs: JSONValue = .array((1...3).map { ["properties": ["email": .string("b\($0)@x.com")]] })
            #expect(try await client.post("/crm/v3/objects/contacts/batch/create", ["inputs": inputs]).status == 201)
            let id = created.json["id"] ?? .null
            try await client.post("/crm/v3/objects/contacts/batch/read", ["inputs": [["id": id], ["id": "1"]]])
            try await client.patch("/crm/v3/objects/contacts/\(id.stringValue ?? "")", ["properties": ["firstname": "A"]])
        }
        #expect(delays == [100, 300, 200, 300 + 3 * 7, 100 + 2 * 7, 300])
    }

    @Test func jitterStaysInRangeAndRepeatsUnderTheSameSeed() async throws {
        let plan = try LatencyPlan(parsing: "100±50")
        func run(seed: UInt64) async throws -> [Int] {
            try await recordedDelays(plan, seed: seed) { client in
                for _ in 0..<40 { try await client.get("/crm/v3/objects/contacts/1") }
            }
        }
        let first = try await run(seed: 3)
        #expect(first.count == 40)
        #expect(first.allSatisfy { (50...150).contains($0) })
        #expect(Set(first).count > 10, "the delays vary")
        #expect(try await run(seed: 3) == first)
        #expect(try await run(seed: 4) != first)
    }

    @Test func noLatencyMeansNoWait() async throws {
        let delays = try await recordedDelays(.none) { client in
            try await client.get("/crm/v3/objects/contacts/1")
            try await client.post("/crm/v3/objects/contacts/search", ["limit": 1])
        }
        #expect(delays.isEmpty)
    }

    /// HubSpot counts a call at its edge when it arrives; the sandbox checks it against the rate limit
    /// (on its stopped clock) before it waits out the answer's delay, and a call turned away there (429, 401)
    /// is answered after a read's delay, not a write's.
    @Test func aCallIsCountedOnArrivalAndOnlyItsAnswerWaits() async throws {
        let events = EventLog()
        var configuration = SandboxConfiguration()
        configuration.data = .empty
        configuration.tier = .starter
        configuration.searchLag = .zero
        configuration.latency = try LatencyPlan(parsing: "read=100,write=900")
        configuration.rateLimitClock = {
            events.add("checked")
            return Timestamp(milliseconds: 1_700_000_000_000)
        }
        let sandbox = try await Sandbox(configuration: configuration)
        let router = sandbox.router(sleep: { events.add("answered after \(Int($0.wholeMilliseconds))") })
        try await Application(router: router).test(.router) { client in
            let sandbox = SandboxClient(client: client)
            let created = try await sandbox.post("/crm/v3/objects/contacts", ["properties": ["email": "a@x.com"]])
            #expect(created.status == 201)
            #expect(events.take() == ["checked", "answered after 900"])

            for _ in 0..<99 { try await sandbox.get("/crm/v3/objects/contacts") }
            _ = events.take()
            let limited = try await sandbox.post("/crm/v3/objects/contacts", ["properties": ["email": "b@x.com"]])
            #expect(limited.status == 429)
            #expect(events.take() == ["checked", "answered after 100"])

            let refused = try await sandbox.send(.post, "/crm/v3/objects/contacts", ["properties": ["email": "c@x.com"]], token: "wrong")
            #expect(refused.status == 401)
            #expect(events.take() == ["answered after 100"])
        }
    }

    /// The delays (in milliseconds) a sandbox with `plan` waited out, in order, while `body` ran.
    func recordedDelays(_ plan: LatencyPlan, seed: UInt64 = 1,
                        _ body: @Sendable (SandboxClient) async throws -> Void) async throws -> [Int] {
        var configuration = SandboxConfiguration()
        configuration.data = .empty
        configuration.tier = .unlimited
        configuration.searchLag = .zero
        configuration.latency = plan
        configuration.faultSeed = seed
        let sandbox = try await Sandbox(configuration: configuration)
        let recorder = DelayRecorder()
        try await Application(router: sandbox.router(sleep: { await recorder.add($0) })).test(.router) { client in
            try await body(SandboxClient(client: client))
        }
        return await recorder.milliseconds
    }
}

/// Collects the delays a sandbox would have slept.
actor DelayRecorder {
    private(set) var milliseconds: [Int] = []
    func add(_ delay: Duration) { milliseconds.append(Int(delay.wholeMilliseconds)) }
}

/// What a sandbox did, in order, from closures that cannot await.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [String] = []
    func add(_ event: String) { lock.withLock { events.append(event) } }
    /// The events so far, forgetting them.
    func take() -> [String] {
        lock.withLock {
            defer { events = [] }
            return events
        }
    }
}
