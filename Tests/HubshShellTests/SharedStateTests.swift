import HubSpotAPI
import HubshShell
import Testing

/// Two sessions sharing one config folder (two hubsh processes, or a REPL and `hubsh -c`): each
/// change is made to the file as it is now, under the folder's lock, so none is lost.
struct SharedStateTests {
    static func store(_ shell: TestShell) throws -> ConnectionStore {
        try ConnectionStore(environment: [:], directory: shell.directory, makeClient: TestShell.quickClient)
    }

    static func settings(_ name: String) -> ConnectionSettings {
        ConnectionSettings(name: name, token: "env:TOKEN_\(name)")
    }

    @Test func aSessionsSaveKeepsAConnectionAnotherAddedMeanwhile() async throws {
        let shell = try TestShell()
        let first = try Self.store(shell)
        let second = try Self.store(shell)
        try await first.add(Self.settings("one"))
        // `second` read the folder before `one` was added; its change must not write `one` away.
        try await second.add(Self.settings("two"))
        try await first.setCurrent("one")
        #expect(await (try shell.reopened()).connections.names == ["one", "two"])
        #expect(await second.names == ["one", "two"], "a running session sees a connection added elsewhere")
        #expect(await first.names == ["one", "two"])
    }

    @Test func aRemovalRemovesOnlyThatEntry() async throws {
        let shell = try TestShell()
        let first = try Self.store(shell)
        let second = try Self.store(shell)
        try await first.add(Self.settings("one"))
        try await second.add(Self.settings("two"))
        #expect(try await first.remove("two"))
        #expect(await (try shell.reopened()).connections.names == ["one"])
        #expect(await second.names == ["one"])
    }

    @Test func aConnectionChangedElsewhereIsUsedAsChanged() async throws {
        let shell = try TestShell()
        let first = try Self.store(shell)
        let second = try Self.store(shell)
        try await first.add(ConnectionSettings(name: "prod", token: "pat-na1-x", baseURL: "https://one.example"))
        #expect(try await second.client("prod").connection.baseURL == "https://one.example")
        try await first.add(ConnectionSettings(name: "prod", token: "pat-na1-x", baseURL: "https://two.example"))
        #expect(try await second.client("prod").connection.baseURL == "https://two.example")
    }

    @Test func storesAddingAtOnceKeepEveryConnection() async throws {
        let shell = try TestShell()
        let stores = [try Self.store(shell), try Self.store(shell)]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, store) in stores.enumerated() {
                group.addTask {
                    for number in 1...50 { try await store.add(Self.settings("s\(index)n\(number)")) }
                }
            }
            try await group.waitForAll()
        }
        #expect(await (try shell.reopened()).connections.names.count == 100)
    }

    @Test func activitiesAddedByTwoSessionsAreAllKept() async throws {
        let shell = try TestShell()
        let first = try ActivityStore(directory: shell.directory)
        let second = try ActivityStore(directory: shell.directory)
        try await first.add(SavedActivity(name: "a", pipeline: "objects"))
        try await second.add(SavedActivity(name: "b", pipeline: "owners"))
        #expect(await first.names == ["a", "b"], "a running session sees an activity added elsewhere")
        #expect(try await second.remove("a"))
        #expect(await (try ActivityStore(directory: shell.directory)).all == [SavedActivity(name: "b", pipeline: "owners")])
    }
}
