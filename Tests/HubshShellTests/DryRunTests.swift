import HubSpotSandbox
import HubshShell
import JSONValue
import Testing

/// Dry runs: every input checked as the real run checks it, the records read to show their current
/// values, a status per input, and nothing written.
struct DryRunTests {
    /// A shell connected to `sandbox`, with one contact (Ann) made; returns its id.
    static func shellWithAnn(_ sandbox: ShellSandbox) async throws -> (TestShell, String) {
        let shell = try TestShell()
        _ = await shell.run("connection add sb --token \(SandboxConfiguration.defaultToken) --base-url \(sandbox.baseURL) --no-test")
        let made = await shell.run("create contacts email=ann@example.com firstname=Ann lastname=Lee")
        let id = try #require(made.values.first?["id"]?.stringValue, "\(made.messages)")
        return (shell, id)
    }

    @Test func anUpdateShowsEachValueAsItIsAndWouldBeAndWritesNothing() async throws {
        try await ShellSandbox.with { sandbox in
            let (shell, id) = try await Self.shellWithAnn(sandbox)
            let run = await shell.run("update contacts \(id) firstname=Zed lastname=Lee --dry-run")
            #expect(run.outcome == .success, "\(run.messages)")
            let value = try #require(run.values.first)
            #expect(value["status"] == "would update")
            #expect(value["dryRun"] == true && value["operation"] == "update" && value["objectType"] == "contacts")
            #expect(value["id"]?.stringValue == id)
            #expect(value["properties"] == ["firstname": "Zed", "lastname": "Lee"], "the fields a dry run always had")
            #expect(value["current"] == ["firstname": "Ann", "lastname": "Lee"])
            #expect(value["changes"] == "firstname: Ann → Zed", "a value that stays the same is no change")
            let read = await shell.run("get contacts \(id) props firstname")
            #expect(read.values.first?["properties"]?["firstname"] == "Ann", "nothing was written")
        }
    }

    @Test func anUpdateToWhatTheRecordHoldsIsUnchanged() async throws {
        try await ShellSandbox.with { sandbox in
            let (shell, id) = try await Self.shellWithAnn(sandbox)
            let run = await shell.run("set dry_run on; update contacts \(id) firstname=Ann")
            let value = try #require(run.values.first)
            #expect(value["status"] == "unchanged")
            #expect(value["changes"] == nil)
        }
    }

    @Test(arguments: [
        ("create contacts email=ANN@example.com", "already has email"),
        ("create deals dealname=Big", "needs dealstage"),
        ("update contacts 999999 firstname=X", "no contacts record 999999"),
        // Piped: a typed PROP=VALUE is refused before running (exit 2), piped values are checked by the run.
        ("get contacts ID | set lifecyclestage=nope | update", "'nope' is not one of its options"),
        ("update contacts ID hs_object_id=5", "read-only"),
    ])
    func whatTheRealRunWouldRefuseFails(_ statement: String, _ reason: String) async throws {
        try await ShellSandbox.with { sandbox in
            let (shell, id) = try await Self.shellWithAnn(sandbox)
            let run = await shell.run(statement.replacingOccurrences(of: "ID", with: id) + " --dry-run")
            // Failed, or partial where a read before the write succeeded: as the real run would end.
            #expect(run.outcome == .failure || run.outcome == .partial, "the statement fails as the real one would: \(run.messages)")
            let value = try #require(run.values.first)
            #expect(value["status"] == "failed")
            #expect(value["error"]?.stringValue?.contains(reason) == true, "\(value)")
            #expect(value["dryRun"] == true)
            let count = await shell.run("search contacts | count")
            #expect(count.values == [1], "nothing was written")
        }
    }

    @Test func anArchiveShowsTheRecordThatWouldGo() async throws {
        try await ShellSandbox.with { sandbox in
            let (shell, id) = try await Self.shellWithAnn(sandbox)
            let run = await shell.run("delete contacts \(id) --dry-run")
            let value = try #require(run.values.first)
            #expect(value["status"] == "would archive")
            #expect(value["current"]?["email"] == "ann@example.com")
            #expect(value["properties"] == nil, "an archive sends ids only")
            #expect((await shell.run("get contacts \(id)")).values.count == 1, "still there")
        }
    }

    @Test func withoutAConnectionInputsAreStillChecked() async throws {
        let shell = try TestShell()
        let run = await shell.run("create contacts email=a@example.com --dry-run")
        #expect(run.values.first?["status"] == "would create", "\(run.messages)")
    }
}
