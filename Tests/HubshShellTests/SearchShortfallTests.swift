import HubSpotAPI
import HubSpotSandbox
import HubshShell
import JSONValue
import NIOConcurrencyHelpers
import Testing

/// A statement never ends with records silently left out: when a search reads fewer records than
/// HubSpot counted when it started, the statement says how many and ends as a partial failure.
struct SearchShortfallTests {
    @Test func aRecordArchivedByOthersWhileASearchIsReadIsReported() async throws {
        try await ShellSandbox.with { sandbox in
            let shell = try TestShell(makeClient: TestShell.clients(over: ArchivingAheadTransport()))
            _ = await shell.run("connection add sb --token \(SandboxConfiguration.defaultToken) --base-url \(sandbox.baseURL)")
            let created = await shell.run("records 450 | create contacts | count")
            #expect(created.values == [450])
            // `| select` between them: a search piped straight into count asks only for HubSpot's total.
            let run = await shell.run("search contacts | select email | count")
            #expect(run.values == [449])
            #expect(run.outcome == .partial)
            #expect(run.messages.joined().contains("line 1: the search matched 450 records when it started, but 1 of them were not read (changed or archived meanwhile); search again to see what is left"),
                    "\(run.messages)")
        }
    }

    @Test func aSearchThatReadsEverythingItMatchedSaysNothing() async throws {
        try await ShellSandbox.with { sandbox in
            let shell = try TestShell()
            _ = await shell.run("connection add sb --token \(SandboxConfiguration.defaultToken) --base-url \(sandbox.baseURL)")
            _ = await shell.run("records 450 | create contacts")
            let run = await shell.run("search contacts | delete | count")
            #expect(run.values == [450])
            #expect(run.outcome == .success)
            #expect(run.messages.count == 1 && run.messages[0].contains("warning: contacts were written just now (line 1)"),
                    "only the warning that the search follows a write: \(run.messages)")
        }
    }
}

/// Sends requests to the sandbox; when a search asks for its second page, first archives the
/// contact with the highest id, as another user would while the search is read.
struct ArchivingAheadTransport: HubSpotTransport {
    let inner = HTTPClientTransport(timeout: .seconds(5))
    let searches = NIOLockedValueBox(0)

    func send(_ request: HubSpotRequest, baseURL: String) async throws(HubSpotAPIError) -> HubSpotResponse {
        if request.path.hasSuffix("/search"), searches.withLockedValue({ $0 += 1; return $0 }) == 2 {
            var last = HubSpotRequest(.POST, request.path, body: ["sorts": [["propertyName": "hs_object_id", "direction": "DESCENDING"]], "limit": 1])
            last.headers = request.headers
            let answer = try await inner.send(last, baseURL: baseURL)
            if let id = try answer.json()["results"]?.arrayValue?.first?["id"]?.stringValue {
                var archive = HubSpotRequest(.DELETE, "/crm/v3/objects/contacts/\(id)")
                archive.headers = request.headers
                _ = try await inner.send(archive, baseURL: baseURL)
            }
        }
        return try await inner.send(request, baseURL: baseURL)
    }
}
