/// Reads the shell's input one line or one statement at a time: ``LineEditor`` on a terminal,
/// ``PlainLineReader`` otherwise.
public protocol LineReader: AnyObject {
    /// Reads one line after showing `prompt` (a plain reader shows no prompt).
    func readLine(prompt: String) -> ReadResult

    /// Reads one statement: the first line after `prompt`, then more lines after `continuationPrompt` while
    /// `isComplete(textSoFar)` is false. Lines are joined with `\n`.
    ///
    /// End of input after at least one line returns the incomplete text, so that the caller's parser can
    /// report what is missing; the next read then reports ``ReadResult/endOfInput``.
    func readStatement(
        prompt: String,
        continuationPrompt: String,
        isComplete: (String) -> Bool
    ) -> ReadResult
}

/// The statement loop both readers share: `readLine(prompt, linesSoFar)` reads one line.
func readStatementLines(
    prompt: String,
    continuationPrompt: String,
    isComplete: (String) -> Bool,
    readLine: (_ prompt: String, _ linesSoFar: StatementBuffer) -> ReadResult
) -> ReadResult {
    var buffer = StatementBuffer()
    while true {
        switch readLine(buffer.isEmpty ? prompt : continuationPrompt, buffer) {
        case .interrupted:
            return .interrupted
        case .endOfInput:
            return buffer.isEmpty ? .endOfInput : .text(buffer.text)
        case .text(let line):
            buffer.append(line)
            if isComplete(buffer.text) {
                return .text(buffer.text)
            }
        }
    }
}
