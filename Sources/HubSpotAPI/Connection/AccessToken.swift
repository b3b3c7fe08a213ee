/// A private-app access token (or service key). Its description is masked, so a token put into a
/// string, a log line or an error by mistake shows only its kind.
public struct AccessToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The token itself; read it only to build the `Authorization` header or the token-info body.
    public let secret: String

    public init(_ secret: String) { self.secret = secret }

    /// `pat-na1-…` style: the region prefix and the last four characters, never the rest.
    public var masked: String { AccessToken.mask(secret) }
    public var description: String { masked }
    public var debugDescription: String { masked }

    /// Masks any token-like text: keeps a `pat-xx1-` prefix and the last four characters.
    public static func mask(_ secret: String) -> String {
        let prefix = secret.hasPrefix("pat-") ? String(secret.prefix(8)) : ""
        guard secret.count > 12 else { return prefix + "****" }
        return prefix + "****" + secret.suffix(4)
    }
}
