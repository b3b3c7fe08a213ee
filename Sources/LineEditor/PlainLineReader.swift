import CLibEdit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a file descriptor that is not a terminal (a pipe, a file): no prompt, no editing, no
/// history. A line ending in `\r\n` loses the `\r`; invalid UTF-8 is replaced with U+FFFD.
public final class PlainLineReader: LineReader {
    private let input: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false

    /// A reader of `input` (standard input by default); the descriptor stays open and owned by the caller.
    public init(input: Int32 = STDIN_FILENO) {
        self.input = input
    }

    /// Reads the next line; `prompt` is ignored. A last line without a newline is still a line.
    /// ``ReadResult/interrupted`` when a Ctrl-C caught by ``InterruptSignal`` stops the read.
    public func readLine(prompt: String) -> ReadResult {
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = takeLine(upTo: newline)
                start = newline + 1
                return .text(line)
            }
            if atEnd {
                guard start < buffer.count else { return .endOfInput }
                let line = takeLine(upTo: buffer.count)
                start = buffer.count
                return .text(line)
            }
            if start > 0 {
                buffer.removeFirst(start)
                start = 0
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = read(input, &chunk, chunk.count)
            if count > 0 {
                buffer.append(contentsOf: chunk[..<count])
            } else if count == 0 {
                atEnd = true
            } else if errno == EINTR {
                if InterruptSignal.shared.consume() { return .interrupted }
            } else {
                atEnd = true
            }
        }
    }

    /// Reads one statement (see ``LineReader/readStatement(prompt:continuationPrompt:isComplete:)``).
    public func readStatement(
        prompt: String,
        continuationPrompt: String,
        isComplete: (String) -> Bool
    ) -> ReadResult {
        readStatementLines(prompt: prompt, continuationPrompt: continuationPrompt, isComplete: isComplete) {
            prompt, _ in readLine(prompt: prompt)
        }
    }

    private func takeLine(upTo end: Int) -> String {
        var bytes = buffer[start..<end]
        if bytes.last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
