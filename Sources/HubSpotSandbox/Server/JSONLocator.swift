import JSONValue

/// Finds where a value sits in the text of a JSON document that parsed, so a 400 can name its line and
/// column as HubSpot's `Invalid input JSON on line L, column C` does. Runs only for an error answer: one
/// pass over the text up to the value.
struct JSONLocator {
    let bytes: [UInt8]

    /// The byte offset at which the value at `path` starts; where the path cannot be followed (it always
    /// can for a path into the parsed document), the offset reached.
    func offset(of path: [JSONPathComponent]) -> Int {
        var index = skipWhitespace(from: 0)
        for component in path {
            switch component {
            case .key(let name):
                guard let found = member(name, ofObjectAt: index) else { return index }
                index = found
            case .index(let position):
                guard let found = element(position, ofArrayAt: index) else { return index }
                index = found
            }
        }
        return index
    }

    /// The offset of the value of member `name` (the last one, as the parser keeps the last duplicate).
    private func member(_ name: String, ofObjectAt start: Int) -> Int? {
        guard start < bytes.count, bytes[start] == UInt8(ascii: "{") else { return nil }
        var index = start + 1
        var found: Int?
        while true {
            index = skipWhitespace(from: index)
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return found }
            let keyEnd = skipString(from: index)
            let key = try? JSONValue(parsing: bytes[index..<keyEnd])
            index = skipWhitespace(from: keyEnd)
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return found }
            index = skipWhitespace(from: index + 1)
            if key?.stringValue == name { found = index }
            index = skipWhitespace(from: skipValue(from: index))
            guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { return found }
            index += 1
        }
    }

    /// The offset of element `position` of the array that starts at `start`.
    private func element(_ position: Int, ofArrayAt start: Int) -> Int? {
        guard start < bytes.count, bytes[start] == UInt8(ascii: "[") else { return nil }
        var index = skipWhitespace(from: start + 1)
        for _ in 0..<position {
            index = skipWhitespace(from: skipValue(from: index))
            guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { return nil }
            index = skipWhitespace(from: index + 1)
        }
        return index
    }

    private func skipWhitespace(from start: Int) -> Int {
        var index = start
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        return index
    }

    /// Past the string that starts (with its quote) at `start`.
    private func skipString(from start: Int) -> Int {
        var index = start + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): return index + 1
            default: index += 1
            }
        }
        return bytes.count
    }

    /// Past the value that starts at `start`: a string, a nested object or array, or a literal.
    private func skipValue(from start: Int) -> Int {
        guard start < bytes.count else { return start }
        switch bytes[start] {
        case UInt8(ascii: "\""):
            return skipString(from: start)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var index = start
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    index = skipString(from: index)
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return index + 1 }
                default:
                    break
                }
                index += 1
            }
            return bytes.count
        default:
            var index = start
            while index < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) {
                index += 1
            }
            return index
        }
    }
}
