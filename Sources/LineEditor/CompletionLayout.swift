/// Lays completion candidates out in columns, filled top to bottom then left to right (as `ls` does).
enum CompletionLayout {
    /// The rows of text that show `items` in a terminal `width` columns wide (80 when unknown), with
    /// `spacing` blanks between columns and no trailing blanks.
    static func rows(_ items: [String], width: Int, spacing: Int = 2) -> [String] {
        guard !items.isEmpty else { return [] }
        let width = width > 0 ? width : 80
        let widths = items.map(displayWidth)
        let columnWidth = (widths.max() ?? 0) + spacing
        var columns = max(1, min(items.count, (width + spacing) / columnWidth))
        let rowCount = (items.count + columns - 1) / columns
        columns = (items.count + rowCount - 1) / rowCount
        return (0..<rowCount).map { row in
            var line = ""
            for column in 0..<columns {
                let index = column * rowCount + row
                guard index < items.count else { break }
                line += items[index]
                let isLast = column == columns - 1 || (column + 1) * rowCount + row >= items.count
                if !isLast {
                    line += String(repeating: " ", count: columnWidth - widths[index])
                }
            }
            return line
        }
    }

    /// The columns `text` takes on a terminal: one per character, two for East Asian wide characters and
    /// most emoji.
    static func displayWidth(_ text: String) -> Int {
        text.reduce(0) { total, character in
            guard let scalar = character.unicodeScalars.first else { return total }
            return total + (isWide(scalar.value) ? 2 : 1)
        }
    }

    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
