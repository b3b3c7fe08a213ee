import Foundation
import Testing

/// The example scripts in scripts/examples, replayed through the real binary against the sandbox.
struct ExampleScriptTests {
    /// The repository root (three levels up from this file).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func run(_ arguments: [String], in scratch: ScratchDirectory, directory: URL) throws -> (status: Int32, output: String, errors: String) {
        try Hubsh.run(arguments, environment: ["XDG_CONFIG_HOME": scratch.path("config"), "XDG_STATE_HOME": scratch.path("state"),
                                               "HUBSPOT_ACCESS_TOKEN": ""], directory: directory)
    }

    static func script(_ name: String) -> String { root.appendingPathComponent("scripts/examples/\(name)").path }

    @Test func cleanupArchivesEveryDealLostBefore2025() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let result = try Self.run(["run", Self.script("cleanup.hubsh"), "--sandbox"], in: scratch, directory: scratch.url)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.split(separator: "\n") == ["67", "67"])
    }

    @Test func importLeadsCreatesTheNewEmailsAndUpdatesTheKnownOne() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let result = try Self.run(["run", "scripts/examples/import-leads.hubsh", "--sandbox"], in: scratch, directory: Self.root)
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.filter { $0.contains("\"status\":\"created\"") }.count == 3)
        #expect(lines.last?.contains("\"status\":\"updated\"") == true)
    }

    @Test func exportCompaniesWritesACSVOfEveryCompanyWithADomain() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let out = scratch.path("companies.csv")
        let result = try Self.run(["run", Self.script("export-companies.hubsh"), "--sandbox", "--var", "out=\(out)"], in: scratch, directory: scratch.url)
        #expect(result.status == 0, "\(result.errors)")
        let csv = try String(contentsOfFile: out, encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.first == "id,name,domain")
        #expect(lines.count == 401)
        let names = lines.dropFirst().map { $0.split(separator: ",")[1] }
        #expect(names == names.sorted())
    }

    @Test func everyExampleSaysWhatItDoesAndHowToRunIt() throws {
        for name in ["cleanup.hubsh", "import-leads.hubsh", "export-companies.hubsh"] {
            let text = try String(contentsOfFile: Self.script(name), encoding: .utf8)
            #expect(text.hasPrefix("# \(name):"))
            #expect(text.contains("hubsh run scripts/examples/\(name)"))
        }
    }
}
