import HubshShell
import Testing

struct CompleterTests {
    static let completer: Completer = {
        var snapshot = CompletionSnapshot(signatures: BuiltinCommands.registry.signatures)
        snapshot.connections = ["prod", "sandbox"]
        snapshot.activities = ["stale"]
        snapshot.variables = ["cutoff"]
        snapshot.objectTypes = ["contacts", "companies", "deals", "pets"]
        snapshot.properties = ["contacts": ["email", "firstname", "lifecyclestage"], "pets": ["breed", "petname"]]
        snapshot.options = ["contacts": ["lifecyclestage": ["customer", "lead", "opportunity"]]]
        snapshot.associationLabels = ["contacts": ["companies": ["Primary", "'Billing contact'"], "deals": ["'Decision maker'"]]]
        return Completer(snapshot: snapshot) { folder in folder == "" ? ["data/", "leads.csv"] : folder == "data/" ? ["a.json"] : [] }
    }()

    @Test(arguments: [
        ("sea", ["search"]),
        ("search con", ["contacts"]),
        ("search p", ["pets"]),
        ("search contacts where e", ["email"]),
        ("search contacts where lifecyclestage = ", ["customer", "lead", "opportunity"]),
        ("search contacts where lifecyclestage = l", ["lead"]),
        ("search contacts props first", ["firstname"]),
        ("search pets where b", ["breed"]),
        ("search contacts --q", ["--query"]),
        ("search contacts | update lifecycle", ["lifecyclestage="]),
        ("search contacts | update lifecyclestage=c", ["lifecyclestage=customer"]),
        ("search contacts | where f", ["firstname"]),
        ("connection u", ["use"]),
        ("connection use p", ["prod"]),
        ("activity run s", ["stale"]),
        ("let x = $cu", ["$cutoff"]),
        ("open l", ["leads.csv"]),
        ("open data/", ["data/a.json"]),
        ("upsert contacts --by em", ["email"]),
        ("help up", ["update", "upsert"]),
        ("associate contacts 1 companies 2 --label ", ["'Billing contact'", "Primary"]),
        ("associate contacts 1 companies 2 --label P", ["Primary"]),
        ("associate contacts 1 deals 2 --label ", ["'Decision maker'"]),
        ("associate companies 1 contacts 2 --label ", []),
        ("search contacts | associate companies 2 --label 'B", ["'Billing contact'"]),
        ("unassociate contacts 1 companies 2 --label Pr", ["Primary"]),
        ("search contacts | unassociate deals --all --label ", ["'Decision maker'"]),
        ("unassociate contacts 1 companies 2 --l", ["--label"]),
    ] as [(String, [String])])
    func tabOffersWhatFitsWhereTheCursorIs(line: String, expected: [String]) {
        let (candidates, start) = Self.completer.complete(line, cursor: line.unicodeScalars.count)
        #expect(candidates == expected)
        #expect(start <= line.unicodeScalars.count)
    }

    @Test func theReplacedWordStartsAfterTheLastSeparator() {
        let line = "search contacts | update lifecyclestage=c"
        let (_, start) = Self.completer.complete(line, cursor: line.unicodeScalars.count)
        #expect(start == line.unicodeScalars.count - "lifecyclestage=c".count)
    }
}
