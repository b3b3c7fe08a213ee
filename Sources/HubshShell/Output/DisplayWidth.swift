/// How many terminal columns text takes: East Asian wide and fullwidth characters and emoji take two,
/// combining marks, variation selectors and joiners none, so columns of CJK names and emoji line up.
public enum DisplayWidth {
    /// The columns `text` takes on a terminal (one line; tabs and line breaks count as one).
    public static func of(_ text: String) -> Int {
        var width = 0
        for character in text { width += of(character) }
        return width
    }

    /// The columns one grapheme cluster takes: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        if character.isASCII { return character.asciiValue.map { $0 >= 0x20 && $0 != 0x7F ? 1 : 0 } ?? 1 }
        let scalars = character.unicodeScalars
        // An emoji shown as a picture (by default, or asked for with U+FE0F) is two columns wide, ZWJ
        // sequences and flags included.
        if scalars.contains(where: { $0.properties.isEmojiPresentation })
            || (scalars.contains { $0.value == 0xFE0F } && scalars.contains { $0.properties.isEmoji }) {
            return 2
        }
        var width = 0
        for scalar in scalars { width += of(scalar) }
        return min(width, 2)
    }

    /// The columns of one scalar on its own.
    static func of(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if (0xFE00...0xFE0F).contains(scalar.value) || (0x1160...0x11FF).contains(scalar.value) { return 0 }
        return isWide(scalar.value) ? 2 : 1
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges of Unicode 15.
    static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x16FE0...0x16FE4, 0x17000...0x18AFF, 0x1B000...0x1B2FF, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// `text` cut to at most `width` columns, ending in `…` when something was left out.
    public static func cut(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        guard width > 0 else { return "" }
        var kept = ""
        var used = 0
        for character in text {
            let columns = of(character)
            if used + columns > width - 1 { break }
            kept.append(character)
            used += columns
        }
        return kept + "…"
    }

    /// `text` padded with spaces to `width` columns, on the right (or on the left for `alignRight`).
    public static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let room = max(0, width - of(text))
        let spaces = String(repeating: " ", count: room)
        return alignRight ? spaces + text : text + spaces
    }

    /// `text` broken into lines of at most `width` columns, at spaces where it can be.
    public static func wrap(_ text: String, to width: Int) -> [String] {
        let width = max(width, 1)
        var lines: [String] = []
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            var line = ""
            var used = 0
            var lastSpace: String.Index?
            for character in paragraph.replacingTabs {
                let columns = of(character)
                if used + columns > width {
                    if let space = lastSpace, space > line.startIndex {
                        let rest = String(line[line.index(after: space)...])
                        lines.append(String(line[..<space]))
                        line = rest
                        used = of(rest)
                    } else {
                        lines.append(line)
                        line = ""
                        used = 0
                    }
                    lastSpace = nil
                }
                if character == " " { lastSpace = line.endIndex }
                line.append(character)
                used += columns
            }
            lines.append(line)
        }
        return lines
    }

    /// `text` in lines of at most `width` columns, broken at spaces outside `unbreakable` (a word longer
    /// than a line has a line of its own).
    public static func wordLines(_ text: String, width: Int, unbreakable: [Range<String.Index>] = []) -> [String] {
        var words: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == " ", !unbreakable.contains(where: { $0.contains(index) }) {
                words.append(text[start..<index])
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        words.append(text[start...])
        var lines: [String] = []
        var line = ""
        for word in words {
            if !line.isEmpty, DisplayWidth.of(line) + 1 + DisplayWidth.of(String(word)) > width {
                lines.append(line)
                line = String(word)
            } else {
                line = line.isEmpty ? String(word) : line + " " + word
            }
        }
        lines.append(line)
        return lines
    }
}

extension StringProtocol {
    fileprivate var replacingTabs: String { String(map { $0 == "\t" || $0 == "\r" ? " " : $0 }) }
}
