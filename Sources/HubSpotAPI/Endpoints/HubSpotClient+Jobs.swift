import Foundation
import JSONValue

/// The Imports and Exports APIs (docs/sandbox.md, "Exports and imports"): jobs HubSpot runs on its own
/// side, beyond the burst limit, watched through their status.
extension HubSpotClient {
    /// `POST /crm/v3/imports`: starts an import of one CSV file (`csv`, named `fileName`) described by
    /// `request` (the `importRequest` JSON) → its `PublicImportResponse` (`id`, `state`).
    public func startImport(request: JSONValue, fileName: String, csv: [UInt8]) async throws(HubSpotAPIError) -> JSONValue {
        let boundary = "hubsh-\(UUID().uuidString)"
        var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"importRequest\"\r\nContent-Type: application/json\r\n\r\n".utf8)
        body += request.jsonBytes
        let safeName = fileName.replacingOccurrences(of: "\"", with: "")
        body += Array("\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\(safeName)\"\r\nContent-Type: text/csv\r\n\r\n".utf8)
        body += csv
        body += Array("\r\n--\(boundary)--\r\n".utf8)
        // Not repeated on a lost answer: a second import would write the rows again.
        var call = HubSpotRequest(.POST, version.imports, idempotent: false)
        call.rawBody = (body, "multipart/form-data; boundary=\(boundary)")
        return try await json(call)
    }

    /// `GET /crm/v3/imports/{id}`: the import now (`state`, `metadata.counters`).
    public func importStatus(_ id: String) async throws(HubSpotAPIError) -> JSONValue {
        try await json(HubSpotRequest(.GET, "\(version.imports)/\(segment(id))"))
    }

    /// `GET /crm/v3/imports/{id}/errors`: every row the import refused, all pages.
    public func importErrors(_ id: String) async throws(HubSpotAPIError) -> [JSONValue] {
        var errors: [JSONValue] = []
        var after: String?
        repeat {
            var query: [(name: String, value: String)] = [("limit", "500")]
            if let after { query.append(("after", after)) }
            let page = try await json(HubSpotRequest(.GET, "\(version.imports)/\(segment(id))/errors", query: query))
            errors += page["results"]?.arrayValue ?? []
            after = page.nextAfter
        } while after != nil
        return errors
    }

    /// `POST /crm/v3/exports/export/async`: starts an export (`body` as HubSpot documents it) → its task id.
    public func startExport(_ body: JSONValue) async throws(HubSpotAPIError) -> String {
        let answer = try await json(HubSpotRequest(.POST, version.exports, body: body, idempotent: false))
        guard let id = answer["id"]?.scalarText else { throw HubSpotAPIError(.invalidResponse, "an export started without an id") }
        return id
    }

    /// `GET …/tasks/{taskId}/status`: `status` and, once COMPLETE, `result` (the file's URL).
    public func exportStatus(_ taskId: String) async throws(HubSpotAPIError) -> JSONValue {
        try await json(HubSpotRequest(.GET, "\(version.exports)/tasks/\(segment(taskId))/status"))
    }

    /// The file at an export's result URL: through the connection (with its token) when the URL is on
    /// the connection's host, else fetched without the token (HubSpot's links are signed).
    public func downloadExport(_ url: String) async throws(HubSpotAPIError) -> [UInt8] {
        let base = connection.baseURL
        let response: HubSpotResponse
        if url.hasPrefix(base + "/") {
            response = try await send(HubSpotRequest(.GET, String(url.dropFirst(base.count))))
        } else {
            response = try await HTTPClientTransport().send(HubSpotRequest(.GET, ""), baseURL: url)
        }
        guard (200..<300).contains(response.status) else {
            throw HubSpotAPIError(.http(status: response.status), "the export's file could not be fetched", location: "GET export file")
        }
        return response.body
    }
}
