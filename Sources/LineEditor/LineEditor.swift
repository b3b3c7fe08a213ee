import CLibEdit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a terminal with libedit: a prompt given per read, emacs (or vi) editing, history
/// (Up-arrow, Ctrl-R), Tab completion through a ``Completer``, multi-line statements, Ctrl-C to cancel
/// the line and Ctrl-D on an empty line to end the input.
///
/// Use it only when ``isInteractive`` is true; otherwise read with ``PlainLineReader``. One editor is
/// used by one thread at a time.
public final class LineEditor: LineReader {
    /// How keys edit the line.
    public enum EditingMode: String, Sendable {
        /// Emacs key bindings (the default, as in bash).
        case emacs
        /// vi key bindings, starting in insert mode.
        case vi
    }

    /// Whether standard input and standard output are both terminals, i.e. whether to use an editor.
    public static var isInteractive: Bool {
        isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0
    }

    /// Whether a file descriptor is a terminal.
    public static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) != 0 }

    /// The width in columns of the terminal on `descriptor`, or nil when it is none.
    public static func terminalColumns(_ descriptor: Int32) -> Int? {
        let columns = Int(hubsh_terminal_columns(descriptor))
        return columns > 0 ? columns : nil
    }

    /// The height in lines of the terminal on `descriptor`, or nil when it is none.
    public static func terminalRows(_ descriptor: Int32) -> Int? {
        let rows = Int(hubsh_terminal_rows(descriptor))
        return rows > 0 ? rows : nil
    }

    /// Encloses text of a prompt that takes no room on the screen (such as a colour escape sequence):
    /// `"\u{1}\u{1B}[1m\u{1}hubsh\u{1}\u{1B}[0m\u{1}> "`.
    public static let promptIgnoreMarker: Character = "\u{1}"

    /// The history that Up-arrow walks and that each read statement is added to, if any.
    public let history: HistoryStore?
    /// Called on Tab; nil makes Tab beep.
    public var completer: Completer?

    /// libedit's `EditLine *`.
    let editLine: OpaquePointer
    /// Where completion lists are written (the same stream libedit draws on).
    let outputFile: UnsafeMutablePointer<FILE>
    private let files: [UnsafeMutablePointer<FILE>]
    /// The current prompt, as the prompt callback hands it to libedit.
    private(set) var promptText: UnsafeMutablePointer<CChar>
    /// The earlier lines of the statement being read, each followed by `\n`, for the completer.
    var statementPrefix = ""
    /// The line and cursor after the last Tab, to recognise a second Tab in a row.
    var lastTab: TabState?
    /// Set by the Ctrl-C key so that the read that it ends reports ``ReadResult/interrupted``.
    var interruptRequested = false

    /// An editor reading `input` and drawing on `output` (file descriptors of a terminal, which stay the
    /// caller's). `terminal` overrides `$TERM`; `handlesSignals` lets libedit follow window size changes
    /// and suspension (leave it on in the shell; turn it off when several editors run in one process).
    public init(
        input: Int32 = STDIN_FILENO,
        output: Int32 = STDOUT_FILENO,
        error: Int32 = STDERR_FILENO,
        history: HistoryStore? = nil,
        completer: Completer? = nil,
        editingMode: EditingMode = .emacs,
        terminal: String? = nil,
        handlesSignals: Bool = true,
        programName: String = "hubsh"
    ) throws(LineEditorError) {
        _ = TerminalLocale.isUTF8
        var opened: [UnsafeMutablePointer<FILE>] = []
        for (descriptor, mode) in [(input, "r"), (output, "w"), (error, "w")] {
            let copy = dup(descriptor)
            guard copy >= 0, let file = fdopen(copy, mode) else {
                let failure = LineEditorError.system(.cannotStart, "cannot use file descriptor \(descriptor)")
                if copy >= 0 { close(copy) }
                opened.forEach { fclose($0) }
                throw failure
            }
            opened.append(file)
        }
        guard let editLine = el_init(programName, opened[0], opened[1], opened[2]) else {
            opened.forEach { fclose($0) }
            throw LineEditorError(.cannotStart, "libedit could not start")
        }
        self.editLine = editLine
        self.files = opened
        self.outputFile = opened[1]
        self.promptText = strdup("")
        self.history = history
        self.completer = completer
        configure(editingMode: editingMode, terminal: terminal, handlesSignals: handlesSignals)
    }

    deinit {
        el_end(editLine)
        files.forEach { fclose($0) }
        free(promptText)
    }

    /// Reads one line after `prompt` and adds it to the history.
    public func readLine(prompt: String) -> ReadResult {
        let result = readOneLine(prompt: prompt, statementPrefix: "")
        if case .text(let line) = result { history?.add(line) }
        return result
    }

    /// Reads one statement (see ``LineReader/readStatement(prompt:continuationPrompt:isComplete:)``) and
    /// adds it to the history as one entry.
    public func readStatement(
        prompt: String,
        continuationPrompt: String,
        isComplete: (String) -> Bool
    ) -> ReadResult {
        let result = readStatementLines(prompt: prompt, continuationPrompt: continuationPrompt, isComplete: isComplete) {
            prompt, linesSoFar in readOneLine(prompt: prompt, statementPrefix: linesSoFar.prefixForNextLine)
        }
        if case .text(let statement) = result { history?.add(statement) }
        return result
    }

    /// One `el_gets`: the line without its newline, or why there is none.
    private func readOneLine(prompt: String, statementPrefix: String) -> ReadResult {
        free(promptText)
        promptText = strdup(prompt)
        self.statementPrefix = statementPrefix
        lastTab = nil
        interruptRequested = false
        while true {
            // Edit mode before the prompt shows, so that keys typed once it shows are never cooked by the
            // terminal (el_gets switches only when it first reads, a moment after drawing the prompt).
            _ = hubsh_el_prepare_terminal(editLine, 1)
            var count: Int32 = 0
            let line = el_gets(editLine, &count)
            let failure = errno
            if interruptRequested {
                interruptRequested = false
                return .interrupted
            }
            if let line, count > 0 {
                var text = String(cString: line)
                if text.unicodeScalars.last == "\n" { text.unicodeScalars.removeLast() }
                return .text(text)
            }
            if count < 0, failure == EINTR {
                // A SIGINT from outside (libedit passed it on to the InterruptSignal handler).
                guard InterruptSignal.shared.consume() else { continue }
                write("\n")
                return .interrupted
            }
            write("\n")
            return .endOfInput
        }
    }

    /// Writes `text` where the editor draws.
    func write(_ text: String) {
        fputs(text, outputFile)
        fflush(outputFile)
    }
}
