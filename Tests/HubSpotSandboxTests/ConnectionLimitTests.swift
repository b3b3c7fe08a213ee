import HTTPTypes
import JSONValue
import Testing

@testable import HubSpotSandbox

/// Requests that go wrong before any endpoint sees them, over a real loopback connection: oversize
/// headers, path and query, a method HTTP does not know, and connections that send nothing. Each is
/// answered in HubSpot's error shape (or closed), not with the server's empty 400.
struct ConnectionLimitTests {
    @Test func aOneMegabyteHeaderIs431() async throws {
        try await withSandbox(.live) { client, _ in
            let reply = try await client.send(.get, "/crm/v3/objects/contacts", headers: [HTTPField.Name("X-Big")!: String(repeating: "a", count: 1_000_000)])
            #expect(reply.status == 431)
            #expect(reply.json["category"] == "VALIDATION_ERROR")
            #expect(reply.json["message"]?.stringValue?.hasPrefix("Request header fields too large: 1000") == true, "\(reply.text)")
            #expect(reply.json["correlationId"]?.stringValue == reply.header("X-HubSpot-Correlation-Id"))
            #expect(try await client.get("/crm/v3/objects/contacts").status == 200, "the connection serves the next request")
        }
    }

    @Test func headersTheParserCannotHoldAre431AndTheConnectionEnds() async throws {
        try await withSandbox(.live) { client, _ in
            let port = try #require(client.client.port)
            let request = "GET /crm/v3/objects/contacts HTTP/1.1\r\nHost: localhost\r\nX-Big: \(String(repeating: "a", count: 2 * 1024 * 1024))\r\n\r\n"
            let outcome = try await RawConnection.exchange(port: port, sending: Array(request.utf8))
            #expect(outcome.status == 431, "\(outcome.text.prefix(300))")
            #expect(outcome.json["status"] == "error")
            #expect(outcome.json["message"] == "Request header fields too large: the request line and headers are over 1024 KiB, or hold more than 1000 fields")
        }
    }

    @Test func aHundredKilobytePathIs414() async throws {
        try await withSandbox(.live) { client, _ in
            let reply = try await client.get("/crm/v3/objects/contacts/" + String(repeating: "1", count: 100_000))
            #expect(reply.status == 414)
            #expect(reply.json["category"] == "VALIDATION_ERROR")
            #expect(reply.json["message"] == "URI too long: the request's path and query is 100025 bytes; at most 32768 are accepted")
        }
    }

    @Test func tenThousandQueryParametersAre414() async throws {
        try await withSandbox(.live) { client, _ in
            let query = (0..<10_000).map { "p\($0)=\($0)" }.joined(separator: "&")
            let reply = try await client.get("/crm/v3/objects/contacts?" + query)
            #expect(reply.status == 414)
            #expect(reply.json["message"]?.stringValue?.hasPrefix("URI too long: the request's path and query is") == true, "\(reply.text)")
        }
    }

    @Test func aMethodHTTPDoesNotKnowIs405() async throws {
        try await withSandbox(.live) { client, _ in
            let port = try #require(client.client.port)
            let outcome = try await RawConnection.exchange(
                port: port, sending: Array("FOO /crm/v3/objects/contacts HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8))
            #expect(outcome.status == 405, "\(outcome.text)")
            #expect(outcome.text.lowercased().contains("content-type: application/json;charset=utf-8"))
            #expect(outcome.json["category"] == "VALIDATION_ERROR")
            #expect(outcome.json["message"] == "Method not allowed: the API takes GET, POST, PUT, PATCH and DELETE")
        }
    }

    @Test func anAnswerInFlightIsFinishedBeforeTheParserErrorIsAnswered() async throws {
        try await withSandbox(.live) { client, _ in
            let port = try #require(client.client.port)
            let requests = "GET /crm/v3/objects/contacts HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer \(SandboxConfiguration.defaultToken)\r\n\r\n"
                + "FOO / HTTP/1.1\r\nHost: localhost\r\n\r\n"
            let outcome = try await RawConnection.exchange(port: port, sending: Array(requests.utf8))
            let statuses = outcome.text.components(separatedBy: "HTTP/1.1 ").dropFirst().map { $0.prefix(3) }
            #expect(statuses == ["200", "405"], "\(outcome.text.prefix(500))")
        }
    }

    @Test func aConnectionThatSendsNothingIsClosed() async throws {
        try await withSandbox(.live, configure: { $0.idleTimeout = .seconds(2) }) { client, _ in
            let port = try #require(client.client.port)
            let silent = try await RawConnection.exchange(port: port)
            #expect(silent.text.isEmpty)
            let unfinished = try await RawConnection.exchange(port: port, sending: Array("GET /crm/v3/objects/contacts HTTP/1.1\r\nHost: loc".utf8))
            #expect(unfinished.text.isEmpty)
        }
    }
}
