import Foundation
import Testing

/// The committed completion scripts are what `hubsh` generates: regenerate them with
/// `hubsh --generate-completion-script SHELL > completions/FILE` when the command line changes.
struct CompletionScriptTests {
    @Test(arguments: [("bash", "hubsh.bash"), ("zsh", "_hubsh"), ("fish", "hubsh.fish")])
    func committedScriptMatchesTheGeneratedOne(_ shell: String, _ file: String) throws {
        let process = Process()
        process.executableURL = SandboxProcess.executable
        process.arguments = ["--generate-completion-script", shell]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let generated = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let committed = try Data(contentsOf: root.appendingPathComponent("completions").appendingPathComponent(file))
        #expect(String(decoding: generated, as: UTF8.self) == String(decoding: committed, as: UTF8.self))
    }
}
