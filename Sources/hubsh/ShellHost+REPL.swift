import Foundation
import HubSpotAPI
import HubshLanguage
import HubshShell
import LineEditor

extension ShellHost {
    /// The interactive loop: a prompt naming the connection, continuation lines, history, Ctrl-C to
    /// drop a line, Ctrl-D to leave.
    func repl() async -> Interpreter.Outcome {
        let environment = context.environment
        // A statement holding a token is not kept at all (masked, it could not be run again).
        let history = HistoryStore(path: ShellHost.historyPath(environment), isSecret: { line in
            line.contains("pat-") || line.contains("--token") || !SecretMask(line).isEmpty
        })
        try? history.load()
        try? InterruptSignal.shared.install()
        // Completion facts are gathered beside the prompt, never before it: a slow or unreachable
        // account must not hold up typing.
        let background = context.besideStatements()
        let completions = CompletionState(snapshot: CompletionSnapshot(signatures: context.registry.signatures))
        completions.refresh { _ in await background.completionSnapshot(loadingPropertiesOf: ShellHost.completedObjects) }
        // An account that answers at once has its facts before the first prompt.
        await completions.settle(within: .seconds(1))
        let editor: LineEditor
        do {
            editor = try LineEditor(history: history, completer: { line, cursor in
                let (candidates, start) = Completer(snapshot: completions.snapshot).complete(line, cursor: cursor)
                return Completions(candidates: candidates, replacing: start..<cursor)
            })
        } catch {
            context.message("hubsh: cannot start the line editor: \(error)")
            return .failure
        }
        let reader = ReaderThread(editor: editor)
        var last = Interpreter.Outcome.success
        // Once a session, before its first prompt: where to start.
        context.message(ShellHost.firstPromptHint)
        while true {
            let name = await context.session.connectionName
            let prompt = "hubsh\(name.map { " " + $0 } ?? "")> "
            switch await reader.read(prompt: prompt) {
            case .endOfInput:
                return last
            case .interrupted:
                continue
            case .text(let text):
                guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
                last = await runCancellable(text)
                if await context.session.exitRequested { return last }
                // What the statement may have changed (connections, activities, variables, objects).
                let objects = ShellHost.completedObjects + ShellHost.objectsNamed(in: text, known: completions.snapshot.objectTypes)
                completions.refresh { previous in await background.completionSnapshot(loadingPropertiesOf: objects, previous: previous) }
            }
        }
    }

    /// Runs statements; Ctrl-C cancels the one running (what it printed and wrote stays) and the
    /// session goes on.
    func runCancellable(_ text: String) async -> Interpreter.Outcome {
        InterruptSignal.shared.consume()
        let interrupts = InterruptSignal.shared.interrupts()
        let statement = Task { await run(text) }
        let watcher = Task {
            for await _ in interrupts {
                statement.cancel()
                return
            }
        }
        let outcome = await statement.value
        watcher.cancel()
        InterruptSignal.shared.consume()
        return outcome
    }

    /// The line before the first prompt of an interactive session.
    static let firstPromptHint = "type help, or press Tab"

    /// Object types whose properties completion knows from the start.
    static let completedObjects = StandardObjectType.core.map(\.name)

    /// The known object types a statement names.
    static func objectsNamed(in text: String, known: [String]) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "|" }).map(String.init).filter(known.contains)
    }

    /// `$XDG_STATE_HOME/hubsh/history`, else `~/.local/state/hubsh/history`.
    static func historyPath(_ environment: [String: String]) -> String {
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
        return state + "/hubsh/history"
    }
}

/// Reads statements on a thread of its own: libedit blocks, and must not hold a Swift concurrency thread.
final class ReaderThread: @unchecked Sendable {
    // The editor is used by one read at a time.
    private let editor: LineEditor

    init(editor: LineEditor) { self.editor = editor }

    func read(prompt: String) async -> ReadResult {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                let result = self.editor.readStatement(prompt: prompt, continuationPrompt: "...> ") { text in
                    !Parser.needsContinuation(text)
                }
                continuation.resume(returning: result)
            }
            thread.start()
        }
    }
}

/// The completion data the editor's thread reads and background refreshes replace.
final class CompletionState: @unchecked Sendable {
    // Replaced by a refresh task; read by the editor during a read: a lock keeps them apart.
    private let lock = NSLock()
    private var current: CompletionSnapshot
    private var refreshing: Task<Void, Never>?

    init(snapshot: CompletionSnapshot) { current = snapshot }

    var snapshot: CompletionSnapshot { lock.withLock { current } }

    /// Waits for the running refresh, at most `limit`.
    func settle(within limit: Duration) async {
        guard let task = lock.withLock({ refreshing }) else { return }
        // Awaiting a task's value does not end when cancelled, so the two waits race on a stream.
        let (ended, continuation) = AsyncStream.makeStream(of: Void.self)
        Task {
            await task.value
            continuation.finish()
        }
        let timer = Task {
            try? await Task.sleep(for: limit)
            continuation.finish()
        }
        var iterator = ended.makeAsyncIterator()
        _ = await iterator.next()
        timer.cancel()
    }

    /// Replaces the snapshot with what `make` builds from the current one, in the background; a
    /// refresh still running is cancelled (the newer one knows more).
    func refresh(_ make: @escaping @Sendable (CompletionSnapshot) async -> CompletionSnapshot) {
        lock.withLock {
            refreshing?.cancel()
            refreshing = Task {
                let next = await make(self.snapshot)
                guard !Task.isCancelled else { return }
                self.lock.withLock { self.current = next }
            }
        }
    }
}
