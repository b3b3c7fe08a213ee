import Foundation
import Testing

/// `connection add` as the command line runs it: what it refuses, and that nothing is saved then.
struct ConnectionAddEndToEndTests {
    /// Issue 9: a user and password before the host (`127.0.0.1:1@evil.example`) passed the loopback
    /// check and sent the token in clear text to evil.example.
    @Test(arguments: ["http://127.0.0.1:1@evil.example", "http://127.0.0.1.evil.example", "http://127.0.0.1.nip.io",
                      "http://127.0.0.1%2eevil.example"])
    func connectionAddRefusesABaseURLThatLeavesThisMachine(url: String) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let result = try Hubsh.run(["-c", "connection add x --token pat-na1-11111111-2222-3333-4444-555566667777 --base-url \(url)"],
                                   environment: ["XDG_CONFIG_HOME": scratch.path("config"), "XDG_STATE_HOME": scratch.path("state"),
                                                "HUBSPOT_ACCESS_TOKEN": ""], directory: scratch.url)
        #expect(result.status == 1)
        let first = result.errors.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix("line 1: "), "\(result.errors)")
        #expect(first.contains("user or password") || first.contains("plain http") || first.contains("percent-encoded host"), "\(result.errors)")
        #expect(!result.errors.contains("3333-4444"), "\(result.errors)")
        #expect(result.output.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("config/hubsh/connections.json")), "nothing is saved")
    }
}
