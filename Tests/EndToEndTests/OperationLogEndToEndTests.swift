import Foundation
import Testing

/// The operation log and `--debug`, `set log debug` as the command line runs them.
struct OperationLogEndToEndTests {
    static func run(_ arguments: [String], in scratch: ScratchDirectory) throws -> (status: Int32, output: String, errors: String) {
        try Hubsh.run(arguments, environment: ["XDG_CONFIG_HOME": scratch.path("config"), "XDG_STATE_HOME": scratch.path("state"),
                                               "HUBSPOT_ACCESS_TOKEN": "", "HUBSH_LOG": ""], directory: scratch.url)
    }

    @Test func aSearchAppendsALineToTheOperationLog() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let log = scratch.path("state/hubsh/operations.log")
        for expected in 1...2 {
            let result = try Self.run(["--sandbox", "-c", "search contacts limit 2"], in: scratch)
            #expect(result.status == 0, "\(result.errors)")
            let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
            #expect(lines.count == expected, "each run appends one line")
            let entry = try JSONSerialization.jsonObject(with: Data(lines.last!.utf8)) as? [String: Any]
            #expect(entry?["statement"] as? String == "search contacts limit 2")
            #expect(entry?["connection"] as? String == "sandbox")
            #expect(entry?["status"] as? String == "success")
            #expect((entry?["records"] as? [String: Any])?["out"] as? Int == 2)
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: log)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func debugPrintsTheClientsRequestLines() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let quiet = try Self.run(["--sandbox", "-c", "search contacts limit 2"], in: scratch)
        #expect(!quiet.errors.contains("hubsh.connector.hubspot"), "no debug lines by default: \(quiet.errors)")
        let debug = try Self.run(["--sandbox", "--debug", "-c", "search contacts limit 2"], in: scratch)
        #expect(debug.status == 0, "\(debug.errors)")
        let lines = debug.errors.split(separator: "\n").filter { $0.contains("hubsh.connector.hubspot") }
        #expect(lines.contains { $0.contains("debug") && $0.contains("POST /crm/v3/objects/contacts/search 200") }, "\(debug.errors)")
        let set = try Self.run(["--sandbox", "-c", "search contacts limit 1; set log debug; search contacts limit 2"], in: scratch)
        #expect(set.status == 0, "\(set.errors)")
        let after = set.errors.split(separator: "\n").filter { $0.contains("hubsh.connector.hubspot") && $0.contains("/contacts/search 200") }
        #expect(after.count == 1, "set log debug takes effect for the statements after it: \(set.errors)")
    }
}
