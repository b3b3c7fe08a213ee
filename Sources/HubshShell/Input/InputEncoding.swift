/// The text encodings `open --encoding` reads. Whatever the file's, the values are Unicode; bytes that
/// are not text in the declared encoding stop the read where they are.
enum InputEncoding: String, CaseIterable, Sendable {
    /// UTF-8, the default; a byte order mark at the start is skipped.
    case utf8 = "utf-8"
    /// Windows-1252 (what Excel on Windows writes as "CSV"): Latin-1 with printable characters in
    /// 0x80–0x9F, as the WHATWG Encoding Standard maps them.
    case windows1252 = "windows-1252"
    /// ISO 8859-1: each byte is the code point of the same number.
    case latin1 = "latin1"
    /// UTF-16, its byte order from the byte order mark (little-endian without one).
    case utf16 = "utf-16"
    /// UTF-16 little-endian.
    case utf16LE = "utf-16le"
    /// UTF-16 big-endian.
    case utf16BE = "utf-16be"

    /// Other names people write for the same encodings.
    private static let aliases: [String: InputEncoding] = [
        "utf8": .utf8, "cp1252": .windows1252, "win1252": .windows1252, "windows1252": .windows1252,
        "latin-1": .latin1, "iso-8859-1": .latin1, "iso8859-1": .latin1, "utf16": .utf16,
        "utf16le": .utf16LE, "utf16be": .utf16BE,
    ]

    /// The encoding `name` names (case does not matter), or nil.
    init?(named name: String) {
        let name = name.lowercased()
        guard let encoding = InputEncoding(rawValue: name) ?? Self.aliases[name] else { return nil }
        self = encoding
    }

    /// The names `help` and completion offer.
    static var names: [String] { allCases.map(\.rawValue) }
}
