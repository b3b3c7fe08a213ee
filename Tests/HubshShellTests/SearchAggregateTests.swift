import HubSpotAPI
import HubSpotSandbox
import HubshShell
import JSONValue
import NIOConcurrencyHelpers
import Testing

/// Aggregates over a search: `search … | count` is answered by HubSpot's total in one call, and a
/// search straight before an aggregate asks for the properties it reads.
struct SearchAggregateTests {
    @Test func aSearchPipedStraightIntoCountMakesOneCallAndAnythingBetweenPages() async throws {
        try await ShellSandbox.with(configure: { $0.tier = .unlimited }) { sandbox in
            let paths = NIOLockedValueBox<[String]>([])
            let shell = try TestShell(makeClient: TestShell.clients(over: RecordingTransport(paths: paths)))
            _ = await shell.run("connection add sb --token \(SandboxConfiguration.defaultToken) --base-url \(sandbox.baseURL)")
            #expect(await shell.run("records 450 | create contacts | count").values == [450])
            func searches(_ text: String) async -> (values: [JSONValue], calls: Int) {
                paths.withLockedValue { $0.removeAll() }
                let run = await shell.run(text)
                // Only the warning that the search may lag the writes just made.
                #expect(run.messages.allSatisfy { $0.contains("warning: contacts were written") }, "\(run.messages)")
                return (run.values, paths.withLockedValue { $0.filter { $0.hasSuffix("/search") }.count })
            }
            #expect(await searches("search contacts | count") == ([450], 1))
            #expect(await searches("search contacts limit 20 | count") == ([20], 1))
            #expect(await searches("search contacts where email = r7@example.com | count") == ([1], 1))
            // A stage between them must see every record: the search pages (200 a page).
            let paged = await searches("search contacts | where email exists | count")
            #expect(paged.values == [450])
            #expect(paged.calls >= 3)
        }
    }

    @Test func aSearchBeforeAGroupAsksForTheGroupsPropertyWithItsLabels() async throws {
        try await ShellSandbox.with { sandbox in
            let shell = try TestShell()
            _ = await shell.run("connection add sb --token \(SandboxConfiguration.defaultToken) --base-url \(sandbox.baseURL)")
            _ = await shell.run("records 3 | set lifecyclestage=lead | create contacts | count")
            _ = await shell.run("records 2 | set email= | set lifecyclestage=customer | create contacts | count")
            // lifecyclestage is not among the default properties of a contacts search.
            let grouped = await shell.run("search contacts | group lifecyclestage")
            #expect(grouped.messages.allSatisfy { $0.contains("warning: contacts were written") }, "\(grouped.messages)")
            #expect(grouped.values == [["lifecyclestage": "lead", "label": "Lead", "count": 3],
                                       ["lifecyclestage": "customer", "label": "Customer", "count": 2]])
            #expect(await shell.run("search contacts | count by lifecyclestage").values == grouped.values)
        }
    }

    @Test func anAggregateOfASearchIsCheckedBeforeTheSearchRuns() async throws {
        try await ShellSandbox.with { sandbox in
            let paths = NIOLockedValueBox<[String]>([])
            let shell = try TestShell(makeClient: TestShell.clients(over: RecordingTransport(paths: paths)))
            _ = await shell.run("connection add sb --token \(SandboxConfiguration.defaultToken) --base-url \(sandbox.baseURL)")
            paths.withLockedValue { $0.removeAll() }
            let text = await shell.run("search deals | group dealstage --sum dealname")
            #expect(text.outcome == .usage)
            #expect(text.messages.joined().contains("sum takes numbers, and dealname is a string property of deals"))
            let typo = await shell.run("search deals | group dealstge")
            #expect(typo.outcome == .usage)
            #expect(typo.messages.joined().contains("deals has no property dealstge"))
            #expect(typo.messages.joined().contains("did you mean 'dealstage'?"))
            #expect(paths.withLockedValue { $0.filter { $0.hasSuffix("/search") } }.isEmpty)
        }
    }
}
