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
        ("import l", ["leads.csv"]),
        ("import leads.csv --object co", ["companies", "contacts"]),
        ("import leads.csv --object contacts --via ", ["auto", "batch", "job"]),
        ("import leads.csv --object contacts --operation u", ["update", "upsert"]),
        ("export con", ["contacts"]),
        ("export contacts props first", ["firstname"]),
        ("export contacts where lifecyclestage = l", ["lead"]),
        ("export contacts --via j", ["job"]),
    ] as [(String, [String])])
    func tabOffersWhatFitsWhereTheCursorIs(line: String, expected: [String]) {
        let (candidates, start) = Self.completer.complete(line, cursor: line.unicodeScalars.count)
        #expect(candidates == expected)
        #expect(start <= line.unicodeScalars.count)
    }

    /// The positions the parser tells apart: what the `where` grammar expects (its own operator words),
    /// comma lists, `sort` directions, option values and the values of `set`'s options.
    @Test(arguments: [
        ("search contacts where email ", ["!=", "<", "<=", "=", ">", ">=", "between", "contains", "exists", "in", "not"]),
        ("search contacts where email not ", ["contains", "exists", "in"]),
        ("search contacts where email = a ", ["and", "limit", "or", "props", "sort", "where"]),
        ("search contacts where (email = a ", [")", "and", "or"]),
        ("search contacts where email = a and f", ["firstname"]),
        ("search contacts where email = a or (l", ["lifecyclestage"]),
        ("search contacts where lifecyclestage in (", ["customer", "lead", "opportunity"]),
        ("search contacts where lifecyclestage in (lead, o", ["opportunity"]),
        ("search contacts where lifecyclestage between a ", ["and"]),
        ("search contacts where lifecyclestage=c", ["lifecyclestage=customer"]),
        ("search contacts where email exists p", ["props"]),
        ("search contacts props email,f", ["email,firstname"]),
        ("search contacts props email, l", ["lifecyclestage"]),
        ("search contacts props email s", ["sort"]),
        ("search contacts sort createdate ", ["asc", "desc", "limit", "props", "sort", "where"]),
        ("search contacts sort createdate d", ["desc"]),
        ("search contacts sort createdate desc l", ["limit"]),
        ("search contacts where email = a props email l", ["limit"]),
        ("search contacts | where email = a or l", ["lifecyclestage"]),
        ("search contacts | where email ", ["!=", "<", "<=", "=", ">", ">=", "between", "contains", "exists", "in", "not"]),
        ("search contacts | select email,f", ["email,firstname"]),
        ("search contacts | sort f", ["firstname"]),
        ("set o", ["on_error", "output"]),
        ("set output ", ["auto", "csv", "json", "jsonl", "table"]),
        ("set on_error c", ["continue"]),
        ("connection add x --api v", ["v3", "v4"]),
        ("search contacts limit 5 --q", ["--query"]),
        ("search contacts; sea", ["search"]),
        ("search contacts | wh", ["where"]),
    ] as [(String, [String])])
    func theParserSaysWhatIsExpectedAtTheCursor(line: String, expected: [String]) {
        let (candidates, _) = Self.completer.complete(line, cursor: line.unicodeScalars.count)
        #expect(candidates == expected)
    }

    @Test func theReplacedWordStartsAfterTheLastSeparator() {
        let line = "search contacts | update lifecyclestage=c"
        let (_, start) = Self.completer.complete(line, cursor: line.unicodeScalars.count)
        #expect(start == line.unicodeScalars.count - "lifecyclestage=c".count)
    }
}
