import Hummingbird
import HTTPTypes
import JSONValue

extension Response {
    /// A JSON answer with HubSpot's content type.
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        let bytes = value.jsonBytes
        return Response(status: status, headers: [.contentType: "application/json;charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// 204 No Content.
    static var noContent: Response { Response(status: .noContent) }
}

extension Request {
    /// The body parsed as JSON; an empty body is `{}`; a body that is not JSON is HubSpot's 400.
    mutating func json(_ context: SandboxRequestContext) async throws -> JSONValue {
        try await jsonWithSize(context).value
    }

    /// The body parsed as JSON, and its size in bytes (search limits the size).
    mutating func jsonWithSize(_ context: SandboxRequestContext) async throws -> (value: JSONValue, size: Int) {
        let buffer = try await collectBody(upTo: context.maxUploadSize)
        let bytes = buffer.readableBytesView
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return ([:], 0) }
        do {
            return (try JSONValue(parsing: bytes), bytes.count)
        } catch {
            throw HubSpotError.invalidJSON(Array(bytes), error)
        }
    }

    /// Every value of a query parameter, whether repeated (`a=1&a=2`) or comma-joined (`a=1,2`).
    func queryList(_ name: String) -> [String]? {
        let values = uri.queryParameters.getAll(name)
        guard !values.isEmpty else { return nil }
        return values.flatMap { $0.split(separator: ",").map { String($0).trimmingSpaces } }.filter { !$0.isEmpty }
    }

    /// A query parameter's value.
    func query(_ name: String) -> String? {
        uri.queryParameters.get(name)
    }

    /// A boolean query parameter: `true`, `True`, `false`, `False` (any case); absent is `defaultValue`.
    func queryBool(_ name: String, default defaultValue: Bool = false) throws(HubSpotError) -> Bool {
        guard let text = query(name) else { return defaultValue }
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default: throw HubSpotError.validation("Invalid value for \(name): \(text). Expected true or false.")
        }
    }

    /// An integer query parameter within `range` (values above the top are capped, as HubSpot caps page sizes).
    func queryInt(_ name: String, default defaultValue: Int, max: Int) throws(HubSpotError) -> Int {
        guard let text = query(name) else { return defaultValue }
        guard let value = Int(text), value >= 0 else { throw HubSpotError.validation("Invalid value for \(name): \(text)") }
        return Swift.min(value, max)
    }

    /// This request's URL without query, as seen by the client (for `paging.next.link`).
    var linkBase: String {
        let host = head.authority ?? "api.hubapi.com"
        return "http://\(host)\(uri.path)"
    }
}

extension HTTPResponse.Status {
    /// 207 Multi-Status, HubSpot's answer to a batch where some inputs failed.
    static let multiStatus207 = HTTPResponse.Status(code: 207, reasonPhrase: "Multi-Status")
}
