import Foundation

/// The parts of a `multipart/form-data` body (RFC 7578), by field name: what an import's upload holds
/// (`importRequest` and `files`).
struct MultipartForm: Sendable {
    /// Each part's content, by its `name`.
    private(set) var parts: [String: [UInt8]] = [:]

    /// Parses `body` with the boundary of `contentType`; nil when it is not multipart form data.
    init?(contentType: String, body: [UInt8]) {
        guard contentType.lowercased().hasPrefix("multipart/form-data"),
              let range = contentType.range(of: "boundary=") else { return nil }
        var boundary = String(contentType[range.upperBound...])
        if let end = boundary.firstIndex(of: ";") { boundary = String(boundary[..<end]) }
        boundary = boundary.trimmingCharacters(in: ["\""])
        let delimiter = Array(("--" + boundary).utf8)
        var position = 0
        guard let first = Self.find(delimiter, in: body, from: 0) else { return nil }
        position = first + delimiter.count
        while position + 2 <= body.count, !(body[position] == 45 && body[position + 1] == 45) {
            // Skip the line break after the delimiter.
            position += 2
            guard let headerEnd = Self.find(Array("\r\n\r\n".utf8), in: body, from: position),
                  let next = Self.find(Array("\r\n".utf8) + delimiter, in: body, from: headerEnd + 4) else { return nil }
            let headers = String(decoding: body[position..<headerEnd], as: UTF8.self)
            let content = Array(body[(headerEnd + 4)..<next])
            if let name = Self.parameter("name", in: headers) { parts[name] = content }
            position = next + 2 + delimiter.count
        }
    }

    /// `name="value"` of a part's Content-Disposition.
    static func parameter(_ name: String, in headers: String) -> String? {
        for line in headers.split(separator: "\r\n") where line.lowercased().hasPrefix("content-disposition") {
            for piece in line.split(separator: ";") {
                let trimmed = piece.trimmingCharacters(in: [" "])
                guard trimmed.hasPrefix(name + "=") else { continue }
                return String(trimmed.dropFirst(name.count + 1)).trimmingCharacters(in: ["\""])
            }
        }
        return nil
    }

    /// Where `needle` first occurs in `haystack` at or after `start`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        let first = needle[0]
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == first, Array(haystack[index..<(index + needle.count)]) == needle { return index }
            index += 1
        }
        return nil
    }
}

/// RFC 4180 rows of a small CSV text (an import's file): quoted fields, `""` for a quote, CRLF or LF.
enum CSVRows {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        while let scalar = pending {
            pending = iterator.next()
            if quoted {
                if scalar == "\"" {
                    if pending == "\"" { field.unicodeScalars.append("\""); pending = iterator.next() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                row.append(field)
                field = ""
            } else if scalar == "\n" || scalar == "\r" {
                if scalar == "\r", pending == "\n" { pending = iterator.next() }
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}
