import Foundation
import HubSpotSandbox
import HubshShell
import JSONValue
import NIOConcurrencyHelpers
import Testing

/// At the prompt a delete of more than 10 records asks first, naming the count and the connection.
struct DeleteConfirmationTests {
    /// A shell connected to `sandbox` (as `sb`) with `count` contacts.
    static func shell(_ sandbox: ShellSandbox, contacts count: Int) async throws -> TestShell {
        let shell = try TestShell()
        _ = await shell.run("connection add sb --token \(SandboxConfiguration.defaultToken) --base-url \(sandbox.baseURL) --no-test")
        let made = await shell.run((1...count).map { "create contacts email=c\($0)@example.com" }.joined(separator: "\n"))
        #expect(made.outcome == .success, "\(made.messages)")
        return shell
    }

    /// Runs `text` with a person who answers `answer`; returns the run and the questions asked.
    static func run(_ shell: TestShell, _ text: String, answer: Bool) async -> (ShellRun, [String]) {
        let questions = NIOLockedValueBox<[String]>([])
        let run = await shell.run(text) { context in
            context.confirm = { question in
                questions.withLockedValue { $0.append(question) }
                return answer
            }
        }
        return (run, questions.withLockedValue { $0 })
    }

    @Test func aSearchIsCountedByItsTotalAndNoArchivesNothing() async throws {
        try await ShellSandbox.with { sandbox in
            let shell = try await Self.shell(sandbox, contacts: 15)
            let (run, questions) = await Self.run(shell, "search contacts | delete", answer: false)
            #expect(questions == ["Archive 15 contacts on sb? [y/N] "])
            #expect(run.outcome == .failure)
            #expect(run.values.isEmpty)
            #expect(run.messages.joined().contains("nothing was deleted"), "\(run.messages)")
            #expect((await shell.run("search contacts | count")).values == [15])
        }
    }

    @Test func aLargeSearchIsAskedAboutBeforeItIsRead() async throws {
        try await ShellSandbox.with { sandbox in
            let shell = try TestShell()
            _ = await shell.run("connection add sb --token \(SandboxConfiguration.defaultToken) --base-url \(sandbox.baseURL) --no-test")
            let file = "/tmp/hubsh-delete-confirmation-\(UInt64.random(in: 0...UInt64.max)).jsonl"
            try (1...450).map { #"{"email":"c\#($0)@example.com"}"# }.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: file) }
            #expect((await shell.run("open \(file) | create contacts")).outcome == .success)
            let readWhenAsked = NIOLockedValueBox<Int?>(nil)
            let run = await shell.run("search contacts | delete") { context in
                let tally = context.tally
                context.confirm = { question in
                    readWhenAsked.withLockedValue { $0 = -1 }
                    let read = await tally.read
                    readWhenAsked.withLockedValue { $0 = question == "Archive 450 contacts on sb? [y/N] " ? read : -2 }
                    return false
                }
            }
            #expect(run.outcome == .failure)
            let read = try #require(readWhenAsked.withLockedValue { $0 })
            #expect(read >= 0, "asked with the search's total (-2: another question)")
            #expect(read < 450, "asked before every record was read: \(read) were")
        }
    }

    @Test func otherPipedRecordsAreCountedAsTheyAreGathered() async throws {
        try await ShellSandbox.with { sandbox in
            let shell = try await Self.shell(sandbox, contacts: 15)
            let (run, questions) = await Self.run(shell, "search contacts | first 12 | delete", answer: true)
            #expect(questions == ["Archive 12 contacts on sb? [y/N] "])
            #expect(run.values.count == 12)
            #expect(run.values.allSatisfy { $0["status"] == "archived" })
            #expect((await shell.run("search contacts | count")).values == [3])
        }
    }

    @Test func tenOrFewerAreNotAskedAbout() async throws {
        try await ShellSandbox.with { sandbox in
            let shell = try await Self.shell(sandbox, contacts: 10)
            let (run, questions) = await Self.run(shell, "search contacts | delete", answer: false)
            #expect(questions.isEmpty)
            #expect(run.values.count == 10)
        }
    }

    @Test func aDryRunAndYesAreNotAsked() async throws {
        try await ShellSandbox.with { sandbox in
            let shell = try await Self.shell(sandbox, contacts: 12)
            let (dry, asked) = await Self.run(shell, "search contacts | delete --dry-run", answer: false)
            #expect(asked.isEmpty)
            #expect(dry.values.allSatisfy { $0["status"] == "would archive" })
            let (yes, askedAgain) = await Self.run(shell, "search contacts | delete --yes", answer: false)
            #expect(askedAgain.isEmpty)
            #expect(yes.values.count == 12)
        }
    }

    /// The inputs read ahead to decide whether to ask keep their file lines, asked about or not.
    @Test(arguments: [12, 5]) func inputsFromAFileKeepTheirLines(count: Int) async throws {
        try await ShellSandbox.with { sandbox in
            let shell = try await Self.shell(sandbox, contacts: count)
            let ids = (await shell.run("search contacts")).values.compactMap { $0["id"]?.stringValue }
            let file = "/tmp/hubsh-delete-lines-\(UInt64.random(in: 0...UInt64.max)).csv"
            try (["id"] + ids).joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: file) }
            let (run, questions) = await Self.run(shell, "open \(file) | delete contacts", answer: true)
            #expect(questions.count == (count > 10 ? 1 : 0))
            #expect(run.values.map { $0["status"] } == Array(repeating: "archived", count: count))
            #expect(run.values.map { $0["line"] } == (2...count + 1).map { .int($0) })
        }
    }
}
