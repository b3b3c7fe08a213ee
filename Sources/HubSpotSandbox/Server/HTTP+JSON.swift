import Foundation
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
    /// The body read as the endpoint's JSON input, whose shape is `shape`. Every route that reads a body
    /// reads it here, so what HubSpot refuses is refused in one place, before anything is written:
    /// 415 without `Content-Type: application/json`; 400 `Invalid input JSON on line L, column C: …` for an
    /// empty body, bytes that are not UTF-8, text that is not JSON, or a value of another kind than the
    /// shape says (an array for the record, a string for `properties`).
    mutating func json(_ context: SandboxRequestContext, _ shape: BodyShape) async throws -> JSONValue {
        try await jsonWithSize(context, shape).value
    }

    /// ``json(_:_:)`` and the body's size in bytes (search limits the size).
    mutating func jsonWithSize(_ context: SandboxRequestContext, _ shape: BodyShape) async throws -> (value: JSONValue, size: Int) {
        let contentType = headers[.contentType]
        guard let contentType, Self.isJSON(contentType) else { throw HubSpotError.unsupportedMediaType(contentType) }
        let buffer = try await collectBody(upTo: context.maxUploadSize)
        let bytes = Array(buffer.readableBytesView)
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw HubSpotError.invalidJSON(bytes, at: bytes.count, "no content: the body must be \(shape.expectation)")
        }
        if let offset = Self.firstInvalidUTF8(bytes) {
            throw HubSpotError.invalidJSON(bytes, at: offset, "invalid UTF-8 (byte 0x\(String(bytes[offset], radix: 16, uppercase: true)))")
        }
        let value: JSONValue
        do {
            value = try JSONValue(parsing: bytes)
        } catch {
            throw HubSpotError.invalidJSON(bytes, error)
        }
        if let mismatch = shape.mismatch(in: value) {
            throw HubSpotError.invalidJSON(bytes, at: JSONLocator(bytes: bytes).offset(of: mismatch.path), mismatch.message)
        }
        context.batchInputs.value = value["inputs"]?.arrayValue?.count ?? 0
        return (value, bytes.count)
    }

    /// Whether a `Content-Type` is JSON: `application/json`, any case, with no charset or UTF-8.
    static func isJSON(_ contentType: String) -> Bool {
        let parts = contentType.split(separator: ";")
        guard let type = parts.first, String(type).trimmingSpaces.lowercased() == "application/json" else { return false }
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces.lowercased() }
            guard pair.count == 2, pair[0] == "charset" else { continue }
            let charset = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            if charset != "utf-8" && charset != "utf8" { return false }
        }
        return true
    }

    /// The offset of the first byte that is not part of well-formed UTF-8, if any.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
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
