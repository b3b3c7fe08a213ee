/// `help COMMAND` as lines that know how to wrap: at a terminal each line breaks between words within
/// its width, continuing under where its text began; elsewhere (a pipe, a file) each line is whole.
public struct HelpPage: Sendable, Equatable {
    /// One line: `lead` (an indent, or an indent and a padded name) then `text`.
    public struct Line: Sendable, Equatable {
        public var lead: String
        public var text: String
        /// The columns a continuation is indented by; nil for under the text.
        public var hang: Int?
        /// What ends every line but the last when the text wraps (` \` keeps an example one statement).
        public var continuation: String = ""
        /// Words that must not break apart (`[--rejects FILE]`), by their spaces' positions.
        public var unbreakable: [Range<String.Index>] = []

        /// The line unwrapped.
        public var plain: String { lead + text }
    }

    public var lines: [Line]

    /// The page unwrapped, a value per line: what programs read.
    public var plainLines: [String] { lines.map(\.plain) }

    /// The page within `width` columns.
    public func rendered(width: Int) -> [String] {
        lines.flatMap { line -> [String] in
            let indent = line.hang ?? DisplayWidth.of(line.lead)
            // The room a text line has: the width, less the lead (or the hang), less its continuation mark.
            let room = max(20, width - indent - DisplayWidth.of(line.continuation))
            let parts = DisplayWidth.wordLines(line.text, width: room, unbreakable: line.unbreakable)
            return parts.enumerated().map { index, part in
                let head = index == 0 ? line.lead : String(repeating: " ", count: indent)
                return head + part + (index < parts.count - 1 ? line.continuation : "")
            }
        }
    }
}

extension HelpPage.Line {
    /// A usage line: its bracketed parts keep together, and a continuation starts under the first argument.
    static func usage(_ text: String, command: String) -> HelpPage.Line {
        var brackets: [Range<String.Index>] = []
        var open: String.Index?
        for index in text.indices {
            if text[index] == "[" || text[index] == "(" { open = open ?? index }
            if text[index] == "]" || text[index] == ")", let start = open { brackets.append(start..<index); open = nil }
        }
        return HelpPage.Line(lead: "", text: text, hang: DisplayWidth.of(command) + 1, unbreakable: brackets)
    }
}
