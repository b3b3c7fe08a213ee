import Foundation
import LineEditor

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A ``LineEditor`` running in this process on the slave side of a pseudo-terminal, each read on its own
/// thread, while the test types on the master side and reads what the editor draws.
final class EditorTerminal: @unchecked Sendable {
    let editor: LineEditor
    private var master: Int32
    private var slave: Int32
    private var received: [UInt8] = []
    private var consumed = 0
    private var pending: (thread: Thread, done: DispatchSemaphore, result: Box)?

    /// Where a read's result lands.
    final class Box: @unchecked Sendable {
        var result: ReadResult?
    }

    /// A terminal `columns` wide with an editor on it; `history` and `completer` go to the editor.
    init(columns: UInt16 = 80, history: HistoryStore? = nil, completer: Completer? = nil) throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: 24, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw EditorTerminalError("openpty failed") }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        self.master = master
        self.slave = slave
        editor = try LineEditor(
            input: slave, output: slave, error: slave, history: history, completer: completer,
            terminal: "xterm", handlesSignals: false)
    }

    deinit {
        systemClose(master)
        if let pending { _ = pending.done.wait(timeout: .now() + 5) }
        systemClose(slave)
    }

    /// Starts `read` on a new thread; ``result(timeout:)`` waits for what it returns.
    func start(_ read: @escaping @Sendable (LineEditor) -> ReadResult) {
        let done = DispatchSemaphore(value: 0)
        let box = Box()
        let editor = UncheckedEditor(editor: self.editor)
        let thread = Thread {
            box.result = read(editor.editor)
            done.signal()
        }
        thread.start()
        pending = (thread, done, box)
    }

    /// Starts `readLine(prompt:)`.
    func startReadLine(prompt: String) {
        start { $0.readLine(prompt: prompt) }
    }

    /// What the started read returned; throws when it has not returned within `timeout` seconds.
    func result(timeout: Double = 10) throws -> ReadResult {
        guard let pending else { throw EditorTerminalError("no read was started") }
        guard pending.done.wait(timeout: .now() + timeout) == .success, let result = pending.result.result else {
            throw EditorTerminalError("the read did not return; the terminal showed \(String(decoding: received[consumed...], as: UTF8.self).debugDescription)")
        }
        self.pending = nil
        return result
    }

    /// Types `text` (`\r` is Enter, `\t` Tab, `\u{3}` Ctrl-C, `\u{4}` Ctrl-D, `\u{1B}[A` Up-arrow).
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { systemWrite(master, $0.baseAddress, $0.count) }
            if count <= 0 { return }
            offset += count
        }
    }

    /// Waits until `text` appears in what the editor drew since the previous match and returns that part.
    @discardableResult
    func read(until text: String, timeout: Double = 10) throws -> String {
        let needle = Array(text.utf8)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if received.count - consumed >= needle.count {
                for start in consumed...(received.count - needle.count)
                where received[start..<(start + needle.count)].elementsEqual(needle) {
                    let output = String(decoding: received[consumed..<(start + needle.count)], as: UTF8.self)
                    consumed = start + needle.count
                    return output
                }
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else {
                throw EditorTerminalError("timed out waiting for \(text.debugDescription); the terminal showed \(String(decoding: received[consumed...], as: UTF8.self).debugDescription)")
            }
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, Int32(min(remaining, 0.2) * 1000) + 1) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = systemRead(master, &chunk, chunk.count)
            if count > 0 { received.append(contentsOf: chunk[..<count]) }
        }
    }

    /// Everything the editor has drawn so far (as far as it has been read).
    var transcript: String { String(decoding: received, as: UTF8.self) }
}

/// Moves the editor to the reading thread; only one thread uses it at a time.
private struct UncheckedEditor: @unchecked Sendable {
    let editor: LineEditor
}

/// A failure of the test terminal.
struct EditorTerminalError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

private func systemClose(_ descriptor: Int32) { _ = close(descriptor) }
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int { write(descriptor, bytes, count) }
private func systemRead(_ descriptor: Int32, _ bytes: UnsafeMutableRawPointer?, _ count: Int) -> Int { read(descriptor, bytes, count) }
