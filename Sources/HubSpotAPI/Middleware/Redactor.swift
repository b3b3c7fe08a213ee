/// Removes secrets from text bound for a log line or an error: the connection's token wherever it
/// appears, any other `pat-…` private-app token, and whatever follows `Bearer `.
public struct Redactor: Sendable {
    let secrets: [String]

    public init(secrets: [String]) {
        self.secrets = secrets.filter { $0.count >= 4 }
    }

    public func callAsFunction(_ text: String) -> String {
        var text = text
        for secret in secrets where text.contains(secret) {
            text = text.replacingOccurrences(of: secret, with: AccessToken.mask(secret))
        }
        return Redactor.maskTokenLike(text)
    }

    static func isTokenCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "-" || c == "_" || c == "."
    }

    /// Masks `pat-xx1-…` tokens and `Bearer …` values not known in advance.
    static func maskTokenLike(_ text: String) -> String {
        guard text.contains("pat-") || text.contains("Bearer ") else { return text }
        var out = ""
        var rest = Substring(text)
        while let range = rest.firstRange(of: "pat-") ?? rest.firstRange(of: "Bearer ") {
            let startsBearer: Bool = rest[range] == "Bearer "
            out += rest[..<range.lowerBound]
            let after = rest[range.upperBound...]
            let body: Substring = after.prefix(while: Redactor.isTokenCharacter)
            if startsBearer {
                out += "Bearer " + (body.isEmpty ? "" : AccessToken.mask(String(body)))
            } else if body.count >= 16 {
                out += AccessToken.mask("pat-" + body)
            } else {
                out += "pat-" + body
            }
            rest = after[body.endIndex...]
        }
        return out + rest
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
