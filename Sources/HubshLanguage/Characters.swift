/// Character classes of the hubsh lexer.
enum Characters {
    /// Whitespace other than a line break.
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\n" && isWhitespace(scalar)
    }

    /// Any whitespace, line breaks included (ASCII answered without a Unicode table look-up).
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar == " " || (0x09...0x0D).contains(scalar.value) }
        return scalar.properties.isWhitespace
    }

    /// Characters that always end a bare word (and start a token of their own).
    static func endsWord(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "|", ";", "(", ")", "\"", "'", "<", ">", "=": true
        default: false
        }
    }

    static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }

    /// First character of a variable or environment name: a letter or `_`.
    static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        isASCIILetter(scalar) || scalar == "_"
    }

    /// Later characters of a name or a field: letters, digits, `_`.
    static func isIdentifierContinuation(_ scalar: Unicode.Scalar) -> Bool {
        isIdentifierStart(scalar) || isASCIIDigit(scalar)
    }

    /// `[A-Za-z_][A-Za-z0-9_]*`.
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, isIdentifierStart(first) else { return false }
        return text.unicodeScalars.allSatisfy(isIdentifierContinuation)
    }

    /// `[A-Za-z][A-Za-z0-9_-]*`.
    static func isOptionName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, isASCIILetter(first) else { return false }
        return text.unicodeScalars.allSatisfy { isIdentifierContinuation($0) || $0 == "-" }
    }

    /// `-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    static func isNumber(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        var index = scalars.startIndex
        func digits() -> Bool {
            let start = index
            while index < scalars.endIndex, isASCIIDigit(scalars[index]) { index += 1 }
            return index > start
        }
        if index < scalars.endIndex, scalars[index] == "-" { index += 1 }
        guard digits() else { return false }
        if index < scalars.endIndex, scalars[index] == "." {
            index += 1
            guard digits() else { return false }
        }
        if index < scalars.endIndex, scalars[index] == "e" || scalars[index] == "E" {
            index += 1
            if index < scalars.endIndex, scalars[index] == "+" || scalars[index] == "-" { index += 1 }
            guard digits() else { return false }
        }
        return index == scalars.endIndex
    }

    /// The character a one-letter escape stands for: `\n \t \r \0 \" \' \\ \$`.
    static func simpleEscape(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "n": "\n"
        case "t": "\t"
        case "r": "\r"
        case "0": "\0"
        case "\"": "\""
        case "'": "'"
        case "\\": "\\"
        case "$": "$"
        default: nil
        }
    }
}
