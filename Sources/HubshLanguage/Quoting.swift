/// Writes text back as hubsh source: the inverse of the lexer, for canonical printing.
enum Quoting {
    /// `text` as a double-quoted string with the escapes the lexer understands.
    static func doubleQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\0": result += "\\0"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

extension Quoting {
    /// The longest text a message quotes before shortening it with `…`.
    static let excerptLimit = 40

    /// `text`, shortened to ``excerptLimit`` characters so a message stays one readable line.
    static func excerpt(_ text: String) -> String {
        text.count <= excerptLimit ? text : String(text.prefix(excerptLimit - 1)) + "…"
    }
}

extension CustomStringConvertible {
    /// The description, shortened for quoting in a one-line message.
    var excerpt: String { Quoting.excerpt(description) }
}
