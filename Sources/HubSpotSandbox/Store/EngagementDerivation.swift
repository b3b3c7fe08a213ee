import JSONValue

/// The engagement properties HubSpot computes from others on write: an email's sender and recipient
/// properties from `hs_email_headers` (its emails guide), and every engagement's body preview from its
/// body.
enum EngagementDerivation {
    /// The body property of each engagement type, whose value the preview shows.
    static let bodyProperty = [
        "notes": "hs_note_body", "calls": "hs_call_body", "emails": "hs_email_text", "meetings": "hs_meeting_body",
        "tasks": "hs_task_body", "communications": "hs_communication_body", "postal_mail": "hs_postal_mail_body",
    ]

    /// The derived values for the checked values of a write (empty when nothing they derive from is written).
    static func values(from written: [(String, String)], type: ObjectType) -> [(String, String)] {
        guard !type.isCustom else { return [] }
        var derived: [(String, String)] = []
        if type.name == "emails", let headers = written.last(where: { $0.0 == "hs_email_headers" })?.1 {
            derived += emailHeaderValues(headers)
        }
        if let body = bodyProperty[type.name], let value = written.last(where: { $0.0 == body })?.1 {
            derived += preview(of: value)
        }
        return derived
    }

    /// `hs_email_{from,sender,to,cc,bcc}_{email,firstname,lastname}` from the headers JSON
    /// (`{"from":{"email","firstName","lastName"},"sender":{…},"to":[…],"cc":[…],"bcc":[…]}`); several
    /// recipients are joined with `;`, and an address written `Name<a@b.c>` keeps only `a@b.c`. Headers
    /// that are not such JSON derive nothing (HubSpot's answer to them is UNCONFIRMED); a part left out
    /// clears its properties.
    static func emailHeaderValues(_ headers: String) -> [(String, String)] {
        guard !headers.isEmpty, let json = try? JSONValue(parsing: headers), json.objectValue != nil else {
            return headers.isEmpty ? clearedHeaderValues() : []
        }
        var values: [(String, String)] = []
        for part in ["from", "sender", "to", "cc", "bcc"] {
            let people: [JSONValue] = json[part]?.arrayValue ?? json[part].flatMap { $0.objectValue != nil ? [$0] : nil } ?? []
            func joined(_ key: String, _ transform: (String) -> String = { $0 }) -> String {
                people.compactMap { $0[key]?.stringValue }.filter { !$0.isEmpty }.map(transform).joined(separator: ";")
            }
            values += [("hs_email_\(part)_email", joined("email", address(in:))), ("hs_email_\(part)_firstname", joined("firstName")),
                       ("hs_email_\(part)_lastname", joined("lastName"))]
        }
        return values
    }

    /// Every header-derived property cleared (the headers were cleared).
    private static func clearedHeaderValues() -> [(String, String)] {
        ["from", "sender", "to", "cc", "bcc"].flatMap { part in
            ["email", "firstname", "lastname"].map { ("hs_email_\(part)_\($0)", "") }
        }
    }

    /// The address inside `Name<a@b.c>`, or the text itself.
    static func address(in text: String) -> String {
        guard let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close else {
            return text.trimmingSpaces
        }
        return String(text[text.index(after: open)..<close]).trimmingSpaces
    }

    /// `hs_body_preview` (the body as plain text), `hs_body_preview_html` (the body) and
    /// `hs_body_preview_is_truncated`. HubSpot's preview length is not documented; the whole body is kept.
    static func preview(of body: String) -> [(String, String)] {
        var text = ""
        var inTag = false
        for character in body {
            if character == "<" { inTag = true; text.append(" ") } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
        }
        let plain = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return [("hs_body_preview", plain), ("hs_body_preview_html", body), ("hs_body_preview_is_truncated", body.isEmpty ? "" : "false")]
    }
}
