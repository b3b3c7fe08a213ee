import Testing
import LineEditor

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading lines and statements from a pipe, as when standard input is not a terminal.
struct PlainLineReaderTests {
    /// A reader of a pipe that holds `input` and then ends.
    private func reader(of input: String) throws -> (PlainLineReader, close: () -> Void) {
        var fds: [Int32] = [-1, -1]
        try #require(pipe(&fds) == 0)
        let bytes = Array(input.utf8)
        try #require(bytes.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) } == bytes.count)
        close(fds[1])
        let readEnd = fds[0]
        return (PlainLineReader(input: readEnd), { close(readEnd) })
    }

    @Test func linesComeOneAtATimeThenTheEnd() throws {
        let (reader, done) = try reader(of: "objects\r\nowners\n\nlast line without newline")
        defer { done() }
        #expect(reader.readLine(prompt: "> ") == .text("objects"))
        #expect(reader.readLine(prompt: "> ") == .text("owners"))
        #expect(reader.readLine(prompt: "> ") == .text(""))
        #expect(reader.readLine(prompt: "> ") == .text("last line without newline"))
        #expect(reader.readLine(prompt: "> ") == .endOfInput)
        #expect(reader.readLine(prompt: "> ") == .endOfInput)
    }

    @Test func anEmptyInputEndsAtOnce() throws {
        let (reader, done) = try reader(of: "")
        defer { done() }
        #expect(reader.readLine(prompt: "> ") == .endOfInput)
    }

    @Test func continuationLinesJoinIntoOneStatement() throws {
        let (reader, done) = try reader(of: "search contacts |\n  where email exists |\ncount\nobjects\n")
        defer { done() }
        let read = { reader.readStatement(prompt: "> ", continuationPrompt: "... ", isComplete: { !$0.hasSuffix("|") }) }
        #expect(read() == .text("search contacts |\n  where email exists |\ncount"))
        #expect(read() == .text("objects"))
        #expect(read() == .endOfInput)
    }

    @Test func theEndOfInputInsideAStatementReturnsWhatWasRead() throws {
        let (reader, done) = try reader(of: "search deals |\n")
        defer { done() }
        let read = { reader.readStatement(prompt: "> ", continuationPrompt: "... ", isComplete: { !$0.hasSuffix("|") }) }
        #expect(read() == .text("search deals |"))
        #expect(read() == .endOfInput)
    }

    @Test func nonASCIIAndInvalidUTF8AreRead() throws {
        var fds: [Int32] = [-1, -1]
        try #require(pipe(&fds) == 0)
        let bytes: [UInt8] = Array("Zoë 東京\n".utf8) + [0x66, 0xFF, 0x67, 0x0A]
        _ = bytes.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
        close(fds[1])
        defer { close(fds[0]) }
        let reader = PlainLineReader(input: fds[0])
        #expect(reader.readLine(prompt: "") == .text("Zoë 東京"))
        #expect(reader.readLine(prompt: "") == .text("f\u{FFFD}g"))
    }

    @Test func theStatementBufferJoinsLinesAndGivesTheCompleterTheirPrefix() {
        var buffer = StatementBuffer()
        #expect(buffer.isEmpty)
        #expect(buffer.prefixForNextLine == "")
        buffer.append("search contacts |")
        buffer.append("count")
        #expect(buffer.text == "search contacts |\ncount")
        #expect(buffer.prefixForNextLine == "search contacts |\ncount\n")
    }
}
