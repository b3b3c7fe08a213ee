import Foundation
import Testing

/// The committed completion scripts are what `hubsh` generates: regenerate them with
/// `hubsh completions SHELL > completions/FILE` when the command line changes.
struct CompletionScriptTests {
    @Test(arguments: [("bash", "hubsh.bash"), ("zsh", "_hubsh"), ("fish", "hubsh.fish")])
    func committedScriptMatchesTheGeneratedOne(_ shell: String, _ file: String) throws {
        let generated = try Hubsh.run(["completions", shell])
        #expect(generated.status == 0)
        let builtIn = try Hubsh.run(["--generate-completion-script", shell])
        #expect(generated.output == builtIn.output)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let committed = try Data(contentsOf: root.appendingPathComponent("completions").appendingPathComponent(file))
        #expect(generated.output == String(decoding: committed, as: UTF8.self))
    }
}
