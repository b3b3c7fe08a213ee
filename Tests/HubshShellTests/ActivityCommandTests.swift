import HubshLanguage
import HubshShell
import JSONValue
import Testing

struct ActivityCommandTests {
    @Test func addListShowAndRemove() async throws {
        let shell = try TestShell()
        let add = await shell.run("activity add stale = search deals where dealstage = appointmentscheduled and hs_lastmodifieddate < $cutoff")
        #expect(add.outcome == .success, "\(add.messages)")
        let stored = "search deals where dealstage = appointmentscheduled and hs_lastmodifieddate < $cutoff"
        let show = await shell.run("activity show stale")
        #expect(show.values == [["name": "stale", "pipeline": .string(stored), "parameters": ["cutoff"]]])
        _ = await shell.run("activity add top = 'records 9 | first 3'")
        let list = await shell.run("activity list")
        #expect(list.values.compactMap { $0["name"]?.stringValue } == ["stale", "top"])
        #expect(list.values.last?["pipeline"] == "records 9 | first 3", "a quoted pipeline is kept exactly as written")
        #expect(list.values.last?["parameters"] == [])
        let remove = await shell.run("activity remove stale")
        #expect(remove.outcome == .success)
        #expect(await shell.context.activities.names == ["top"])
    }

    @Test func runSetsTheVariablesForThatRunOnly() async throws {
        let shell = try TestShell()
        _ = await shell.run("activity add greet = emit $who fixed $n")
        let first = await shell.run("activity run greet who=Ann n=3")
        #expect(first.outcome == .success, "\(first.messages)")
        #expect(first.values == ["Ann", "fixed", "3"])
        #expect(await shell.session.variable("who") == nil, "a variable given to the run is gone afterwards")
        _ = await shell.run("let who = Bob; let n = 1")
        let second = await shell.run("activity run greet n=$who")
        #expect(second.values == ["Bob", "fixed", "Bob"], "an unset parameter comes from the session; a value may be a variable")
        #expect(await shell.session.variable("n") == "1", "the session's value is restored")
    }

    @Test func anActivityReadsThePipeAndFeedsTheNextCommand() async throws {
        let shell = try TestShell()
        _ = await shell.run("activity add two = 'records 5 | first 2'\nactivity add counted = count")
        let piped = await shell.run("activity run two | count")
        #expect(piped.values == [.int(2)], "\(piped.messages)")
        let fed = await shell.run("records 7 | activity run counted")
        #expect(fed.values == [.int(7)])
    }

    @Test func runRefusesMissingAndUnknownParameters() async throws {
        let shell = try TestShell()
        _ = await shell.run("activity add greet = emit $who")
        let missing = await shell.run("activity run greet")
        #expect(missing.outcome == .failure)
        #expect(missing.messages.first?.contains("activity greet needs $who: activity run greet who=VALUE") == true, "\(missing.messages)")
        let unknown = await shell.run("activity run greet whom=Ann")
        #expect(unknown.messages.first?.contains("activity greet has no parameter whom (its parameters: who)") == true, "\(unknown.messages)")
        #expect(unknown.messages.first?.contains("did you mean 'who'?") == true)
    }

    @Test(arguments: ["activity run stael", "activity show stael", "activity remove stael"])
    func anUnknownNameSaysWhichOneWasMeant(text: String) async throws {
        let shell = try TestShell()
        _ = await shell.run("activity add stale = count")
        let run = await shell.run(text)
        #expect(run.outcome == .failure)
        #expect(run.messages.first?.contains("no activity named stael") == true, "\(run.messages)")
        #expect(run.messages.first?.contains("did you mean 'stale'?") == true)
        #expect(await shell.context.activities.names == ["stale"])
    }

    @Test(arguments: [
        ("activity add x = coutn", "unknown command 'coutn'", "count"),
        ("activity add x = 'records 2 | frist'", "in the quoted pipeline: unknown command 'frist'", "first"),
        ("activity add x = 'count; count'", "an activity is one pipeline", nil),
        ("activity add x = 'count > out.json'", "an activity cannot redirect", nil),
        ("activity add x = $y", "activity add needs a pipeline after '='", nil),
    ] as [(String, String, String?)])
    func aPipelineThatCannotRunIsNotSaved(text: String, message: String, suggestion: String?) async throws {
        let shell = try TestShell()
        let run = await shell.run(text)
        #expect(run.outcome != .success)
        #expect(run.messages.first?.contains(message) == true, "\(run.messages)")
        // The binder's suggestion names the word meant, shown after the carets.
        if let suggestion { #expect(run.messages.first?.hasSuffix("^ did you mean '\(suggestion)'?") == true, "\(run.messages)") }
        #expect(await shell.context.activities.names.isEmpty)
        #expect(shell.file("activities.json") == nil)
    }

    @Test func anActivityThatRunsItselfIsStopped() async throws {
        let shell = try TestShell()
        _ = await shell.run("activity add a = activity run b\nactivity add b = activity run a")
        let run = await shell.run("activity run a")
        #expect(run.outcome == .failure)
        #expect(run.messages.first?.contains("runs itself (a → b → a)") == true, "\(run.messages)")
    }

    @Test func activitiesAreSavedInA0600FileAndLoadedAtTheNextStart() async throws {
        let shell = try TestShell()
        _ = await shell.run("activity add greet = emit $who \"two words\"\nactivity add top = 'records 9 | first 3'")
        #expect(TestShell.mode(shell.directory.path(of: "activities.json")) == 0o600)
        let next = try shell.reopened()
        let all = await next.context.activities.all
        #expect(all == [SavedActivity(name: "greet", pipeline: "emit $who \"two words\""), SavedActivity(name: "top", pipeline: "records 9 | first 3")])
        let run = await next.run("activity run greet who=Cy")
        #expect(run.values == ["Cy", "two words"])
        _ = await next.run("activity remove top")
        #expect(await (try shell.reopened()).context.activities.names == ["greet"])
    }

    @Test func aFailureInsideAnActivityPointsAtTheRun() async throws {
        let shell = try TestShell()
        _ = await shell.run("activity add missing = emit $who.name")
        let run = await shell.run("let who = 1\nactivity run missing")
        #expect(run.outcome == .failure)
        let message = try #require(run.messages.first)
        #expect(message.contains("activity missing: $who has no field name"), "\(message)")
        #expect(message.contains("activity run missing"), "the rendered line is the one that ran it")
    }
}

/// `emit VALUE…`: each value, resolved (variables, env:), as a string or its JSON; for tests.
struct EmitCommand: ShellCommand {
    static let signature = CommandSignature(["emit"], family: .local, summary: "Test values.",
                                            positionals: [valuesParameter],
                                            examples: [Example("emit a $b", "two values")])
    static let valuesParameter = Parameter("values", "values", repeats: true)
    let values: [Value]
    init(_ bound: BoundCommand) throws(Diagnostic) { values = bound.values(Self.valuesParameter) }
    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        var out: [JSONValue] = []
        for value in values { out.append(try await context.json(value)) }
        return ValueStream(out)
    }
}
