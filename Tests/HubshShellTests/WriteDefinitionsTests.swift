import HubSpotAPI
import HubSpotSandbox
import HubshShell
import JSONValue
import NIOConcurrencyHelpers
import Testing

/// A piped write encodes by definitions that know every property made before its statement: those
/// its check fetched for this statement when there are any (no second read before the first write),
/// else fetched afresh.
struct WriteDefinitionsTests {
    @Test func aPipedWriteFetchesDefinitionsOnceAndKnowsAPropertyMadeBeforeItsRun() async throws {
        try await ShellSandbox.with(configure: { $0.tier = .unlimited }) { sandbox in
            let transport = PropertyReadCounter()
            let shell = try TestShell(makeClient: { connection in
                HubSpotClient(connection: connection, transport: transport, limiter: RateLimiter(policy: .unlimited))
            })
            _ = await shell.run("connection add sb --token \(SandboxConfiguration.defaultToken) --base-url \(sandbox.baseURL)")
            // The check fetched the definitions for this run: the write uses them, no second read.
            transport.reset()
            #expect(await shell.run("records 3 | create contacts | count").values == [3])
            #expect(transport.reads == 1)

            // The cache holds them from before this run: the write fetches them again, once.
            transport.reset()
            let first = await shell.run("search contacts | update firstname=Z | count")
            #expect(first.values == [3], "\(first.messages)")
            #expect(transport.reads == 1)

            // A property made since: the check looks the name up afresh, and the write uses that read.
            let client = try await shell.connections.client("sb")
            _ = try await client.createProperty("contacts", ["name": "loyalty_tier", "label": "Loyalty tier", "type": "string",
                                                             "fieldType": "text", "groupName": "contactinformation"])
            transport.reset()
            let named = await shell.run("search contacts | update loyalty_tier=gold | count")
            #expect(named.values == [3], "\(named.messages)")
            #expect(transport.reads == 1)
            let gold = await shell.run("search contacts where loyalty_tier = gold | count")
            #expect(gold.values == [3])

            // Each statement of a run fetches them again: an earlier one may have changed them.
            transport.reset()
            let two = await shell.run("search contacts | update firstname=Y | count\nsearch contacts | update firstname=W | count")
            #expect(two.values == [3, 3], "\(two.messages)")
            #expect(transport.reads == 2)
        }
    }
}

/// Sends requests to the sandbox and counts the reads of contact property definitions.
final class PropertyReadCounter: HubSpotTransport {
    let inner = HTTPClientTransport(timeout: .seconds(5))
    private let count = NIOLockedValueBox(0)

    var reads: Int { count.withLockedValue { $0 } }
    func reset() { count.withLockedValue { $0 = 0 } }

    func send(_ request: HubSpotRequest, baseURL: String) async throws(HubSpotAPIError) -> HubSpotResponse {
        if request.method == .GET, request.path.hasSuffix("/properties/contacts") { count.withLockedValue { $0 += 1 } }
        return try await inner.send(request, baseURL: baseURL)
    }
}
