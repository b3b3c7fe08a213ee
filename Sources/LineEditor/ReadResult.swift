/// What one read from a ``LineReader`` produced.
public enum ReadResult: Equatable, Sendable {
    /// A line, or a whole statement of one or more lines joined by `\n`, without the final newline.
    case text(String)
    /// Ctrl-C was pressed: the input typed so far is discarded and the session goes on.
    case interrupted
    /// Ctrl-D on an empty line, or the end of the input stream.
    case endOfInput
}
