import HubSpotSandbox
import HubshShell
import JSONValue
import Testing

/// What a new user meets: `connection add` testing what it saved, and `help`'s words.
struct FirstContactTests {
    @Test func connectionAddSaysWhatItFound() async throws {
        try await ShellSandbox.with { sandbox in
            let shell = try TestShell()
            let run = await shell.run("connection add sb --token \(SandboxConfiguration.defaultToken) --base-url \(sandbox.baseURL)")
            #expect(run.outcome == .success)
            let line = try #require(run.messages.first)
            #expect(line.hasPrefix("connection sb works: portal "), "\(run.messages)")
            #expect(line.contains("API v3"))
            #expect(run.messages.count == 1)
        }
    }

    @Test func withNoTestConnectionAddCallsNothing() async throws {
        let shell = try TestShell()
        let run = await shell.run("connection add gone --token pat-na1-x --base-url http://127.0.0.1:9 --no-test")
        #expect(run.outcome == .success)
        #expect(run.messages.isEmpty, "\(run.messages)")
    }

    @Test func aBadTokenIsSavedAndTheMessageSaysHowToFixIt() async throws {
        try await ShellSandbox.with { sandbox in
            let shell = try TestShell()
            let run = await shell.run("connection add bad --token pat-na1-wrong-000 --base-url \(sandbox.baseURL)")
            #expect(run.outcome == .success, "the connection is saved")
            #expect(run.messages.first?.contains("connection bad is saved, but testing it failed") == true, "\(run.messages)")
            #expect(run.messages.first?.contains("401") == true)
            #expect(run.messages.last?.contains("connection add bad") == true)
            #expect(!run.messages.joined().contains("pat-na1-wrong-000"), "the token never appears")
            #expect(await shell.connections.names.contains("bad"))
        }
    }

    @Test func helpHeadsRecordsAndSavedPipelinesApart() async throws {
        let shell = try TestShell()
        let help = await shell.run("help").values.compactMap(\.stringValue)
        #expect(help.contains { $0.hasPrefix("records (") })
        #expect(help.contains("saved pipelines (activities):"))
        #expect(!help.contains("HubSpot activities:"), "HubSpot's activities are calls, emails, notes and tasks")
        let activity = await shell.run("help activity").values.compactMap(\.stringValue)
        #expect(activity.first?.contains("an activity is a saved pipeline") == true, "\(activity)")
        #expect(activity.first?.contains("calls") == true)
        #expect(activity.contains { $0.hasPrefix("activity run") }, "then the activity commands")
        let search = await shell.run("help search").values.compactMap(\.stringValue)
        #expect(!search.joined().contains("saved pipeline"), "other commands' help has no such line")
    }
}
