import Foundation
import HubSpotAPI
import HubSpotSandbox
import HubshShell
import JSONValue
import Testing

/// Inputs whose write may or may not have been applied are kept apart from the rejects, so piping
/// the reject file back in never writes them twice, and the statement says how to settle them.
struct AmbiguousRejectTests {
    @Test func ambiguousCreatesGoToTheirOwnFileNotTheRejects() async throws {
        try await ShellSandbox.with { sandbox in
            let shell = try TestShell(makeClient: TestShell.clients(over: LostCreateAnswers()))
            _ = await shell.run("connection add sb --token \(SandboxConfiguration.defaultToken) --base-url \(sandbox.baseURL)")
            let input = shell.directory.path(of: "companies.jsonl")
            try "{\"name\":\"Acme\"}\n{\"name\":\"Globex\",\"numberofemployees\":\"many\"}\n".write(toFile: input, atomically: true, encoding: .utf8)
            let rejects = shell.directory.path(of: "rejects.jsonl")
            let run = await shell.run("open \(input) | create companies --rejects \(rejects)")
            #expect(run.outcome == .failure)
            #expect(run.values.compactMap { $0["status"]?.stringValue } == ["ambiguous", "failed"])
            let message = run.messages.joined()
            #expect(message.contains("2 of 2 inputs failed (1 ambiguous: HubSpot may have applied them; they are in \(shell.directory.path(of: "rejects.ambiguous.jsonl")), apart from the rejects"),
                    "\(run.messages)")
            #expect(shell.file("rejects.jsonl")?.contains("Globex") == true)
            #expect(shell.file("rejects.jsonl")?.contains("Acme") == false, "piping the rejects back must not create Acme twice")
            #expect(shell.file("rejects.ambiguous.jsonl") == "{\"name\":\"Acme\"}\n")
            let created = await shell.run("search companies | count")
            #expect(created.values == [1], "the lost answer's create was applied")
        }
    }
}

/// Sends creates to the sandbox and then loses their answers (the case a timeout after HubSpot
/// applied a call makes); a create HubSpot refuses is answered as usual.
struct LostCreateAnswers: HubSpotTransport {
    let inner = HTTPClientTransport(timeout: .seconds(5))

    func send(_ request: HubSpotRequest, baseURL: String) async throws(HubSpotAPIError) -> HubSpotResponse {
        let response = try await inner.send(request, baseURL: baseURL)
        if request.path.hasSuffix("/batch/create") || (request.method == .POST && request.path.hasSuffix("/objects/companies")),
           (200..<300).contains(response.status) {
            throw HubSpotAPIError(.transport(TransportFailure(.timeout)), "no answer within the time limit", location: request.location)
        }
        return response
    }
}
