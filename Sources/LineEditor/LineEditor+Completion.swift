import CLibEdit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The line and cursor at a press of Tab.
struct TabState: Equatable {
    var line: [Unicode.Scalar]
    var cursor: Int
}

extension LineEditor {
    /// The line being edited, as scalars, and the cursor's offset in it.
    func currentLine() -> (scalars: [Unicode.Scalar], cursor: Int)? {
        guard let info = el_wline(editLine)?.pointee, let buffer = info.buffer else { return nil }
        let count = info.lastchar - buffer
        let cursor = info.cursor - buffer
        let scalars = (0..<count).map { Unicode.Scalar(UInt32(bitPattern: buffer[$0])) ?? "\u{FFFD}" }
        return (scalars, cursor)
    }

    /// The Tab key: asks the completer and applies ``CompletionAction``.
    func completeAtCursor() -> UInt8 {
        guard let completer, let (scalars, cursor) = currentLine() else { return UInt8(CC_REFRESH_BEEP) }
        var line = String.UnicodeScalarView()
        line.append(contentsOf: scalars)
        let text = String(line)
        let offset = statementPrefix.unicodeScalars.count
        let completions = completer(statementPrefix + text, offset + cursor)
            .shifted(by: -offset, clampedTo: scalars.count)
        let before = TabState(line: scalars, cursor: cursor)
        let isRepeatedTab = lastTab == before
        switch completions.action(in: text, isRepeatedTab: isRepeatedTab) {
        case .beep:
            lastTab = before
            return UInt8(CC_REFRESH_BEEP)
        case .replace(let range, let replacement):
            replace(range, with: replacement, cursor: cursor)
            lastTab = currentLine().map { TabState(line: $0.scalars, cursor: $0.cursor) }
            return UInt8(CC_REFRESH)
        case .list(let candidates):
            let rows = CompletionLayout.rows(candidates, width: Int(hubsh_el_columns(editLine)))
            write("\n" + rows.joined(separator: "\n") + "\n")
            lastTab = before
            return UInt8(CC_REDISPLAY)
        }
    }

    private func replace(_ range: Range<Int>, with replacement: String, cursor: Int) {
        _ = el_cursor(editLine, Int32(range.upperBound - cursor))
        if !range.isEmpty {
            el_deletestr(editLine, Int32(range.count))
        }
        guard !replacement.isEmpty else { return }
        var wide = replacement.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        wide.append(0)
        _ = el_winsertstr(editLine, wide)
    }
}
