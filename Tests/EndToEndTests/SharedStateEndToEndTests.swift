import Foundation
import Testing

/// Several real `hubsh` processes sharing one config folder.
struct SharedStateEndToEndTests {
    static func environment(_ scratch: ScratchDirectory) -> [String: String] {
        ["XDG_CONFIG_HOME": scratch.path("config"), "XDG_STATE_HOME": scratch.path("state"), "XDG_CACHE_HOME": scratch.path("cache"),
         "HUBSPOT_ACCESS_TOKEN": ""]
    }

    /// Issue 9: two processes adding at once lost a quarter of the entries, every command exiting 0.
    @Test func twoProcessesAddingConnectionsAtOnceKeepThemAll() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let environment = Self.environment(scratch)
        let outcomes = Outcomes()
        DispatchQueue.concurrentPerform(iterations: 2) { process in
            let text = (1...50).map { "connection add p\(process)n\($0) --token env:TOKEN_\(process) --api v4 --no-test" }.joined(separator: "\n")
            outcomes.note(Result { try Hubsh.run(["-c", text], environment: environment, directory: scratch.url) })
        }
        let (statuses, errors) = outcomes.all
        #expect(statuses == [0, 0], "\(errors)")
        let list = try Hubsh.run(["-c", "connection list | count"], environment: environment, directory: scratch.url)
        #expect(list.output == "100\n", "\(list.errors)")
        let file = try String(contentsOfFile: scratch.path("config/hubsh/connections.json"), encoding: .utf8)
        for process in 0..<2 {
            for number in 1...50 { #expect(file.contains("\"p\(process)n\(number)\""), "p\(process)n\(number) is lost") }
        }
    }
}

/// What processes run on several threads ended with.
private final class Outcomes: @unchecked Sendable {
    // Every access holds `lock`.
    private let lock = NSLock()
    private var statuses: [Int32] = []
    private var errors = ""

    func note(_ result: Result<(status: Int32, output: String, errors: String), any Error>) {
        lock.withLock {
            switch result {
            case .success(let run):
                statuses.append(run.status)
                errors += run.errors
            case .failure(let error):
                errors += "\(error)"
            }
        }
    }

    var all: ([Int32], String) { lock.withLock { (statuses, errors) } }
}
