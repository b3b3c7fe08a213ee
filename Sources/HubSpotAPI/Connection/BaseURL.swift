#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The rule for where a token may be sent, applied to a base URL parsed as the transport parses it:
/// `https://` to any host, plain `http://` only to this machine (`localhost`, an IPv4 literal in
/// 127.0.0.0/8, `[::1]`). A URL with a user or password (`user:pass@host`), a percent-encoded host,
/// a query or a fragment is refused, so no spelling can make one host look like another.
enum BaseURL {
    /// The URL without trailing `/`, or the reason it is refused (one line; a URL holding a user or
    /// password is not repeated, it may hold a secret).
    static func check(_ text: String) throws(HubSpotAPIError) -> String {
        var url = text
        while url.hasSuffix("/") { url.removeLast() }
        // Only what RFC 3986 allows: parsers that differ on the rest (a `\` is `/` to some) see no other host.
        guard url.unicodeScalars.allSatisfy(isURLCharacter), let components = URLComponents(string: url),
              let scheme = components.scheme?.lowercased() else {
            throw refused("base URL \(text) is not a URL; use https://HOST")
        }
        guard scheme == "https" || scheme == "http" else {
            throw refused("base URL \(text) must start with https:// (or http:// to this machine)")
        }
        guard components.percentEncodedUser == nil, components.percentEncodedPassword == nil else {
            throw refused("a base URL must not hold a user or password (…@ before the host); use https://HOST")
        }
        guard let encodedHost = components.percentEncodedHost, !encodedHost.isEmpty else {
            throw refused("base URL \(text) names no host")
        }
        guard !encodedHost.contains("%") else {
            throw refused("base URL \(text) has a percent-encoded host; write the host as it is")
        }
        guard components.percentEncodedQuery == nil, components.percentEncodedFragment == nil else {
            throw refused("base URL \(text) must not have a query or fragment (? or #)")
        }
        if scheme == "http", !isThisMachine(encodedHost) {
            throw refused("base URL \(text) is plain http: a token is only sent in clear text to this machine (localhost, 127.0.0.0/8, [::1]); use https://")
        }
        return url
    }

    /// Whether `host` (as written in the URL) is `localhost`, an IPv4 literal in 127.0.0.0/8 or the
    /// IPv6 loopback `::1`. Literals are read by `inet_pton`, which takes only four decimal parts (no
    /// octal, no short forms), so what passes is 127.x.x.x under any reading.
    static func isThisMachine(_ host: String) -> Bool {
        if host.lowercased() == "localhost" { return true }
        if host.hasPrefix("[") {
            guard host.hasSuffix("]") else { return false }
            var address = in6_addr()
            guard inet_pton(AF_INET6, String(host.dropFirst().dropLast()), &address) == 1 else { return false }
            var loopback = in6addr_loopback
            return memcmp(&address, &loopback, MemoryLayout<in6_addr>.size) == 0
        }
        var address = in_addr()
        guard inet_pton(AF_INET, host, &address) == 1 else { return false }
        // `s_addr` is in network order: its first byte in memory is the first part of the dotted quad.
        return withUnsafeBytes(of: &address) { $0.first } == 127
    }

    /// Letters, digits and `-._~:/?#[]@!$&'()*+,;=%`.
    private static func isURLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-._~:/?#[]@!$&'()*+,;=%".unicodeScalars.contains(scalar))
    }

    private static func refused(_ message: String) -> HubSpotAPIError {
        HubSpotAPIError(.invalidRequest, message)
    }
}
