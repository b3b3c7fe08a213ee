import Foundation
import Testing

/// A literal token typed into statements of every kind, failing ones included, never shows up in full:
/// not on standard output or error, not in any file hubsh writes (issue 9: a mistyped `connection add`'s
/// error excerpt and `history` printed it). `connections.json` (0600) is the one file that keeps it.
struct TokenLeakEndToEndTests {
    static let token = "pat-na1-11111111-2222-3333-4444-555566667777"
    /// The part a mask never shows.
    static let secret = "11111111-2222-3333-4444-5555"

    @Test func aSessionOfEveryCommandNeverShowsTheToken() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let environment = ["HOME": scratch.path("home"), "XDG_CONFIG_HOME": scratch.path("config"), "XDG_STATE_HOME": scratch.path("state"),
                           "XDG_CACHE_HOME": scratch.path("cache"), "HUBSPOT_ACCESS_TOKEN": "", "HUBSH_LOG": "debug"]
        let token = Self.token
        // An account that refuses this token: requests carrying it are sent and answered at once.
        let other = try SandboxProcess(["--data", "empty"])
        defer { other.interrupt() }
        let session = """
            connection add leak --token \(token) --base-url \(other.baseURL)
            connection add quoted --token '\(token)' --no-test
            let t = \(token)
            let u = "\(token)"
            connection list
            connection show leak
            connection test leak
            connection use leak
            search contacts limit 1
            connection use sandbox
            search contacts where email = $t | count
            search contacts where email = \(token) | count
            get contacts \(token)
            activity add byemail = search contacts where email = $t
            activity run byemail | count
            activity list
            activity show byemail
            search contacts sort email limit 2 | select email > out.jsonl
            search contacts sort email limit 1 | set lifecyclestage=nosuchstage | update --rejects rejects.jsonl
            describe contacts email
            help connection add
            history
            save saved.hubsh
            connection remove quoted
            """
        try session.write(toFile: scratch.path("session.hubsh"), atomically: true, encoding: .utf8)
        var runs: [(name: String, result: (status: Int32, output: String, errors: String))] = []
        runs.append(("run", try Hubsh.run(["--sandbox", "run", "session.hubsh", "--on-error", "continue"],
                                          environment: environment, directory: scratch.url)))
        let mistyped = try Hubsh.run(["--sandbox", "-c", "connection add x1 --token \(token) --bogus"], environment: environment, directory: scratch.url)
        runs.append(("mistyped", mistyped))
        let leaky = try Hubsh.run(["--sandbox", "-c", "activity add leaky = search contacts where email = \(token)"],
                                  environment: environment, directory: scratch.url)
        runs.append(("leaky activity", leaky))
        runs.append(("piped", try Hubsh.run(["--sandbox"], environment: environment,
                                           input: "let t = \(token)\nhistory\nconnection add x2 --token \(token) --api v9\n", directory: scratch.url)))

        // The statements did run, and failed where they should.
        let run = runs[0].result
        #expect(run.output.contains(#""statement":"let t = pat-na1-****7777""#), "history shows the token masked: \(run.output)")
        #expect(run.errors.contains("no contacts record pat-na1-****7777"), "\(run.errors)")
        #expect(leaky.status == 2)
        #expect(leaky.errors.contains("an activity must not hold a literal token"), "\(leaky.errors)")
        #expect(runs[3].result.errors.contains("unknown API version v9"), "\(runs[3].result.errors)")
        #expect(run.errors.contains("401"), "connection test leak fails: \(run.errors)")
        #expect(mistyped.status == 2)
        #expect(mistyped.errors.contains("--bogus") && mistyped.errors.contains("pat-na1-****7777"), "\(mistyped.errors)")
        for (name, result) in runs {
            #expect(!result.output.contains(Self.secret), "standard output of \(name): \(result.output)")
            #expect(!result.errors.contains(Self.secret), "standard error of \(name): \(result.errors)")
        }
        var checked: [String] = []
        let files = FileManager.default.enumerator(atPath: scratch.url.path)
        while let relative = files?.nextObject() as? String {
            let path = scratch.path(relative)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            checked.append(relative)
            if relative == "session.hubsh" { continue }
            if relative == "config/hubsh/connections.json" {
                #expect(text.contains(token), "a literal token is kept where connections are")
                let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
                #expect(mode?.intValue == 0o600)
            } else {
                #expect(!text.contains(Self.secret), "\(relative) holds the token")
            }
        }
        for expected in ["state/hubsh/operations.log", "saved.hubsh", "out.jsonl", "rejects.jsonl", "config/hubsh/activities.json"] {
            #expect(checked.contains(expected), "\(expected) was written and checked: \(checked)")
        }
    }

    /// At the prompt: a statement holding a token is kept out of the history file, and `history` masks it.
    @Test func theREPLKeepsTheTokenOutOfItsHistory() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let terminal = try ReplTests.start(scratch)
        try terminal.read(until: "hubsh sandbox> ", timeout: 30)
        try terminal.write("let t = \(Self.token)\r")
        try terminal.read(until: "hubsh sandbox> ")
        try terminal.write("connection add x1 --token \(Self.token) --bogus\r")
        try terminal.read(until: "hubsh sandbox> ")
        try terminal.write("objects | count\r")
        try terminal.read(until: "hubsh sandbox> ")
        try terminal.write("history | select statement | to csv\r")
        let history = try terminal.read(until: "hubsh sandbox> ")
        #expect(history.contains("let t = pat-na1-****7777"), "\(history)")
        try terminal.write("\u{4}")
        _ = try terminal.wait(timeout: 15)
        let file = try String(contentsOfFile: scratch.path("state/hubsh/history"), encoding: .utf8)
        #expect(file.contains("objects"), "\(file)")
        #expect(!file.contains("pat-"), "\(file)")
    }
}
