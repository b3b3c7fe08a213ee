import HTTPTypes
import JSONValue
import Testing

@testable import HubSpotSandbox

/// Bodies HubSpot cannot read are refused as HubSpot refuses them (hubspot-api.md §7's error shape),
/// before anything is written: each form of issue 9's list, in process.
struct RequestRefusalTests {
    /// A create body, its content type (nil: none), and the status and message expected.
    static let refusedCreates: [(String, [UInt8], String?, Int, String)] = [
        ("empty body", [], "application/json", 400,
         "Invalid input JSON on line 1, column 1: no content: the body must be an object"),
        ("an array", Array("[1,2,3]".utf8), "application/json", 400,
         "Invalid input JSON on line 1, column 1: the body must be an object, not an array"),
        ("properties a string", Array(#"{"properties":"x"}"#.utf8), "application/json", 400,
         "Invalid input JSON on line 1, column 15: properties must be an object of property values, not a string"),
        ("invalid UTF-8", Array(#"{"properties":{"firstname":""#.utf8) + [0xFF] + Array(#""}}"#.utf8), "application/json", 400,
         "Invalid input JSON on line 1, column 29: invalid UTF-8 (byte 0xFF)"),
        ("no content type", Array(#"{"properties":{"firstname":"Ann"}}"#.utf8), nil, 415,
         "The request has no Content-Type: send the body as JSON with Content-Type: application/json"),
        ("text/plain", Array(#"{"properties":{"firstname":"Ann"}}"#.utf8), "text/plain", 415,
         "Content-Type 'text/plain' is not supported: send the body as JSON with Content-Type: application/json"),
    ]

    @Test(arguments: refusedCreates)
    func aBodyHubSpotCannotReadCreatesNothing(_ form: String, _ bytes: [UInt8], _ contentType: String?, _ status: Int, _ message: String) async throws {
        try await withSandbox { client, _ in
            let reply = try await client.send(.post, "/crm/v3/objects/contacts", rawBytes: bytes, contentType: .some(contentType))
            #expect(reply.status == status, "\(form)")
            #expect(reply.json["status"] == "error")
            #expect(reply.json["category"] == "VALIDATION_ERROR")
            #expect(reply.json["message"] == .string(message), "\(form)")
            #expect(reply.json["correlationId"]?.stringValue == reply.header("X-HubSpot-Correlation-Id"))
            let listed = try await client.get("/crm/v3/objects/contacts")
            #expect(listed.json["results"] == [], "\(form) created a contact")
        }
    }

    @Test func theWrongKindDeepInABodyIsNamedWithItsPlace() async throws {
        try await withSandbox { client, _ in
            let body = """
                {"inputs": [
                  {"properties": {"email": "a@example.com"}},
                  {"properties": {"email": {"nested": true}}}
                ]}
                """
            let reply = try await client.send(.post, "/crm/v3/objects/contacts/batch/create", rawBody: body)
            #expect(reply.status == 400)
            #expect(reply.json["message"] == """
                Invalid input JSON on line 3, column 28: inputs[1].properties.email must be a property value \
                (a string, number or boolean), not an object
                """)
            #expect(try await client.get("/crm/v3/objects/contacts").json["results"] == [], "the first input was not written either")
            let labels = try await client.send(.put, "/crm/v4/objects/contacts/1/associations/companies/2",
                                               rawBody: #"{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":1}"#)
            #expect(labels.json["message"] == "Invalid input JSON on line 1, column 1: the body must be an array of objects, not an object")
        }
    }

    @Test func whatHubSpotReadsIsStillTaken() async throws {
        try await withSandbox { client, _ in
            let numbers = try await client.send(.post, "/crm/v3/objects/contacts", rawBody: #"{"properties":{"email":"n@example.com","hs_lead_status":null,"firstname":7}}"#,
                                                contentType: "Application/JSON; charset=UTF-8")
            #expect(numbers.status == 201)
            #expect(numbers.json["properties"]?["firstname"] == "7")
            let multi = try await client.post("/crm/v3/objects/contacts", ["properties": ["email": "m@example.com", "hs_buying_role": ["CHAMPION"]]])
            #expect(multi.status == 201)
            let latin = try await client.send(.post, "/crm/v3/objects/contacts", rawBody: "{}", contentType: "application/json; charset=ISO-8859-1")
            #expect(latin.status == 415)
        }
    }

    @Test func aMethodTheAPIDoesNotUseIs405BeforeAuthentication() async throws {
        try await withSandbox { client, _ in
            let method = try #require(HTTPRequest.Method("FOO"))
            let reply = try await client.send(method, "/crm/v3/objects/contacts", token: .some(nil))
            #expect(reply.status == 405)
            #expect(reply.json["category"] == "VALIDATION_ERROR")
            #expect(reply.json["message"] == "Method 'FOO' not allowed: the API takes GET, POST, PUT, PATCH and DELETE")
        }
    }
}
