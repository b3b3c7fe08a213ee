import CLibEdit

/// Returned if the prompt callback ever runs without its editor.
nonisolated(unsafe) private let emptyPrompt: UnsafeMutablePointer<CChar> = strdup("")

extension LineEditor {
    /// The editor whose `EditLine *` is `editLine` (libedit's client data).
    static func from(_ editLine: OpaquePointer?) -> LineEditor? {
        guard let editLine, let data = hubsh_el_get_clientdata(editLine) else { return nil }
        return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
    }

    /// Sets libedit up: callbacks, key bindings, history, and Ctrl-C as a key rather than a signal.
    func configure(editingMode: EditingMode, terminal: String?, handlesSignals: Bool) {
        _ = hubsh_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        if let terminal { _ = hubsh_el_set_terminal(editLine, terminal) }
        _ = hubsh_el_set_editor(editLine, editingMode.rawValue)
        _ = hubsh_el_set_signal(editLine, handlesSignals ? 1 : 0)
        _ = hubsh_el_set_prompt(editLine, { LineEditor.from($0)?.promptText ?? emptyPrompt }, 1)
        if let history { _ = hubsh_el_set_history(editLine, history.handle) }
        _ = hubsh_el_add_function(editLine, "hubsh-complete", "Complete the word at the cursor") { editLine, _ in
            LineEditor.from(editLine)?.completeAtCursor() ?? UInt8(CC_ERROR)
        }
        _ = hubsh_el_add_function(editLine, "hubsh-interrupt", "Cancel the line") { editLine, _ in
            LineEditor.from(editLine)?.cancelLine() ?? UInt8(CC_ERROR)
        }
        for alternate: Int32 in [0, 1] {
            _ = hubsh_el_bind(editLine, "^I", "hubsh-complete", alternate)
            _ = hubsh_el_bind(editLine, "^C", "hubsh-interrupt", alternate)
        }
        if editingMode == .emacs {
            _ = hubsh_el_bind(editLine, "^R", "em-inc-search-prev", 0)
        }
        // Without ISIG the terminal passes Ctrl-C to libedit as a key, so cancelling a line needs no
        // signal (libedit would otherwise re-raise SIGINT to the whole process group).
        _ = hubsh_el_setty_edit(editLine, "-isig")
    }

    /// The Ctrl-C key: shows `^C` at the end of the line and ends the read, which reports an interrupt.
    func cancelLine() -> UInt8 {
        interruptRequested = true
        if let (scalars, cursor) = currentLine() {
            _ = el_cursor(editLine, Int32(scalars.count - cursor))
        }
        _ = el_insertstr(editLine, "^C")
        el_push(editLine, "\r")
        return UInt8(CC_REFRESH)
    }
}
