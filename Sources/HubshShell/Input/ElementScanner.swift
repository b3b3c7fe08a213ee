/// Finds where a JSON array element ends: the `,` or `]` (or a stray `}`) outside strings and
/// nested brackets, across as many pieces of text as the element spans.
struct ElementScanner {
    private var depth = 0
    private var inString = false
    private var escaped = false

    /// The index of the terminator in `bytes`, nil when the element goes on past them.
    mutating func end(in bytes: ArraySlice<UInt8>) -> Int? {
        for index in bytes.indices {
            let byte = bytes[index]
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                if depth == 0 { return index }
                depth -= 1
            case UInt8(ascii: ","):
                if depth == 0 { return index }
            default: break
            }
        }
        return nil
    }
}
