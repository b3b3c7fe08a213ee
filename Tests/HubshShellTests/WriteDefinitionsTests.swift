import Foundation
import HubSpotAPI
import HubSpotSandbox
import HubshShell
import JSONValue
import NIOConcurrencyHelpers
import Testing

/// A piped write encodes by the cached definitions (kept a day), fetched afresh once when a name it
/// writes is missing from them — a property made in HubSpot since — so a write costs no read of the
/// definitions (a round trip, up to 1.5 s on HubSpot) unless it needs one.
struct WriteDefinitionsTests {
    @Test func aPipedWriteReadsDefinitionsOnlyWhenItNamesAPropertyTheCacheLacks() async throws {
        try await ShellSandbox.with(configure: { $0.tier = .unlimited }) { sandbox in
            let transport = PropertyReadCounter()
            let shell = try TestShell(makeClient: { connection in
                HubSpotClient(connection: connection, transport: transport, limiter: RateLimiter(policy: .unlimited))
            })
            _ = await shell.run("connection add sb --token \(SandboxConfiguration.defaultToken) --base-url \(sandbox.baseURL)")
            // Nothing cached yet: one read, shared by the check and the write.
            transport.reset()
            #expect(await shell.run("records 3 | create contacts | count").values == [3])
            #expect(transport.reads == 1)

            // Cached: a later run's write reads nothing more, statement after statement.
            transport.reset()
            let two = await shell.run("search contacts | update firstname=Y | count\nsearch contacts | update firstname=W | count")
            #expect(two.values == [3, 3], "\(two.messages)")
            #expect(transport.reads == 0)

            // A property made since, written literally: the check looks the name up afresh.
            let client = try await shell.connections.client("sb")
            _ = try await client.createProperty("contacts", ["name": "loyalty_tier", "label": "Loyalty tier", "type": "string",
                                                             "fieldType": "text", "groupName": "contactinformation"])
            transport.reset()
            let named = await shell.run("search contacts | update loyalty_tier=gold | count")
            #expect(named.values == [3], "\(named.messages)")
            #expect(transport.reads == 1)
            #expect(await shell.run("search contacts where loyalty_tier = gold | count").values == [3])

            // A property made since, named only by the piped rows (a file's column): the first row
            // fetches the definitions afresh, once, and the write encodes by them (`yes` as HubSpot's `true`).
            _ = try await client.createProperty("contacts", ["name": "vip", "label": "VIP", "type": "bool",
                                                             "fieldType": "booleancheckbox", "groupName": "contactinformation"])
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("hubsh-rows-\(UUID().uuidString).jsonl").path
            defer { try? FileManager.default.removeItem(atPath: file) }
            try "{\"email\":\"v1@example.com\",\"vip\":\"yes\"}\n{\"email\":\"v2@example.com\",\"vip\":\"no\"}\n"
                .write(toFile: file, atomically: true, encoding: .utf8)
            transport.reset()
            let rows = await shell.run("open '\(file)' | create contacts | count")
            #expect(rows.values == [2], "\(rows.messages)")
            #expect(transport.reads == 1)
            let vip = await shell.run("search contacts where vip = true | select email")
            let emails = vip.values.compactMap { $0["email"]?.stringValue }
            #expect(emails == ["v1@example.com"], "\(vip.messages)")
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
