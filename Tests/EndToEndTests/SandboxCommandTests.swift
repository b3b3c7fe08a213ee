import AsyncHTTPClient
import Foundation
import JSONValue
import Testing

/// `hubsh sandbox` as a person runs it: the real binary over a loopback port.
@Suite(.serialized)
struct SandboxCommandTests {
    @Test func printsWhereItListensAndWhichTokensItTakes() async throws {
        let sandbox = try SandboxProcess(["--data", "empty", "--token", "t1", "--token", "t2:crm.objects.contacts.read"])
        #expect(sandbox.banner[0].hasPrefix("HubSpot sandbox listening on http://127.0.0.1:"))
        #expect(sandbox.banner[1] == "Accepting bearer tokens: t1 (all scopes), t2 (scopes: crm.objects.contacts.read)")
        #expect(try await sandbox.send(.GET, "/crm/v3/objects/contacts", token: "t1").status == 200)
        #expect(try await sandbox.send(.GET, "/crm/v3/objects/contacts", token: "pat-na1-sandbox").status == 401)
        #expect(try await sandbox.send(.GET, "/crm/v3/objects/deals", token: "t2").status == 403)
        #expect(sandbox.interrupt() == 0)
    }

    @Test func demoDataIsServedByDefault() async throws {
        let sandbox = try SandboxProcess(["--tier", "unlimited"])
        let reply = try await sandbox.send(.GET, "/crm/v3/objects/contacts?limit=100")
        #expect(reply.status == 200)
        #expect(reply.json["results"]?.arrayValue?.count == 100)
        #expect(reply.json["paging"]?["next"]?["after"] != nil)
        sandbox.interrupt()
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func stateIsSavedOnInterruptAndLoadedAtStart(_ signal: Int32) async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let file = directory.path("sandbox.json")

        let first = try SandboxProcess(["--data", "empty", "--state", file])
        let created = try await first.send(.POST, "/crm/v3/objects/contacts", ["properties": ["email": "kept@example.com", "firstname": "Kept"]])
        #expect(created.status == 201)
        let id = try #require(created.json["id"]?.stringValue)
        #expect(try await first.send(.PATCH, "/crm/v3/objects/contacts/\(id)", ["properties": ["firstname": "Still kept"]]).status == 200)
        #expect(first.interrupt(signal) == 0)
        #expect(FileManager.default.fileExists(atPath: file))
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600, "the state file holds the account's people")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.url.path)
        #expect(leftovers == ["sandbox.json"])

        let second = try SandboxProcess(["--data", "empty", "--state", file])
        let read = try await second.send(.GET, "/crm/v3/objects/contacts/\(id)?propertiesWithHistory=firstname")
        #expect(read.status == 200)
        #expect(read.json["properties"]?["firstname"] == "Still kept")
        #expect(read.json["propertiesWithHistory"]?["firstname"]?.arrayValue?.count == 2)
        let next = try await second.send(.POST, "/crm/v3/objects/contacts", ["properties": ["email": "kept@example.com"]])
        #expect(next.status == 409)
        second.interrupt()
    }

    @Test func aResetFaultDropsTheConnectionWithoutAnAnswer() async throws {
        let sandbox = try SandboxProcess(["--data", "empty", "--faults", "reset:100%"])
        await #expect(throws: (any Error).self) {
            _ = try await sandbox.send(.GET, "/crm/v3/objects/contacts")
        }
        sandbox.interrupt()
    }

    @Test func aTimeoutFaultAppliesTheWriteAndNeverAnswers() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let file = directory.path("state.json")
        let sandbox = try SandboxProcess(["--data", "empty", "--faults", "timeout:100%", "--state", file])
        await #expect(throws: HTTPClientError.self) {
            _ = try await sandbox.send(.POST, "/crm/v3/objects/contacts", ["properties": ["email": "ghost@example.com"]], timeout: .seconds(1))
        }
        #expect(sandbox.interrupt() == 0)
        let saved = try JSONValue(parsing: try Data(contentsOf: URL(fileURLWithPath: file)))
        let contacts = saved["records"]?["0-1"]?.arrayValue ?? []
        #expect(contacts.count == 1)
        #expect(contacts.first?["p"]?["email"] == "ghost@example.com")
    }

    @Test(arguments: [
        (["--faults", "boom:1%"], "Error: --faults: unknown fault 'boom:1%'"),
        (["--latency", "read=250±80,serch=400"], "Error: --latency: unknown kind of call 'serch'"),
        (["--latency", "10±20"], "Error: --latency: bad delay '10±20' for every call"),
        (["--search-lag", "soon"], "Error: --search-lag 'soon': use whole milliseconds"),
    ])
    func badOptionsExitWithAClearMessage(_ options: [String], _ message: String) throws {
        let run = try Hubsh.run(["sandbox"] + options)
        #expect(run.status == 2)
        #expect(run.errors.hasPrefix(message), "\(run.errors)")
        #expect(run.errors.split(separator: "\n").count == 1, "one line: \(run.errors)")
    }

    @Test(arguments: [("600000", 0), ("0", 1)])
    func searchSeesWritesAsLateAsTheSearchLagSays(_ lag: String, _ found: Int) async throws {
        let sandbox = try SandboxProcess(["--data", "empty", "--tier", "unlimited", "--search-lag", lag])
        defer { sandbox.interrupt() }
        let created = try await sandbox.send(.POST, "/crm/v3/objects/contacts", ["properties": ["email": "lag@example.com"]])
        let id = try #require(created.json["id"]?.stringValue)
        let search = try await sandbox.send(.POST, "/crm/v3/objects/contacts/search",
                                            ["filterGroups": [["filters": [["propertyName": "email", "operator": "EQ", "value": "lag@example.com"]]]]])
        #expect(search.json["total"]?.intValue == found)
        #expect(try await sandbox.send(.GET, "/crm/v3/objects/contacts/\(id)").status == 200, "a read by id sees it at once")
    }
}

extension SandboxCommandTests {
    @Test func aTakenPortIsReportedInOneLine() throws {
        let first = try SandboxProcess(["--data", "empty"])
        defer { first.interrupt() }
        let port = try #require(first.baseURL.split(separator: ":").last)
        let run = try Hubsh.run(["sandbox", "--data", "empty", "--port", String(port)])
        #expect(run.status == 1)
        #expect(run.errors == "Error: cannot listen on 127.0.0.1:\(port): address already in use\n")
    }
}
