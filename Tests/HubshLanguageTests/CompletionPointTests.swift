import HubshLanguage
import Testing

/// What the parser says is expected at the end of a statement being written: the word at the cursor,
/// the command it belongs to, and inside `where` what the grammar wants next.
struct CompletionPointTests {
    @Test(arguments: [
        ("sea", "sea", nil, 0),
        ("search contacts where e", "e", "search", 2),
        ("search contacts | update lifecyclestage=c", "lifecyclestage=c", "update", 0),
        ("search contacts props email,fi", "email,fi", "search", 2),
        ("search contacts --q", "--q", "search", 1),
        ("search contacts where a = 'ac", "'ac", "search", 4),
        ("search contacts where a in (x, ", "", "search", 7),
        ("let x = 1; search ", "", "search", 0),
    ] as [(String, String, String?, Int)])
    func theWordAtTheCursorAndTheCommandBeforeIt(text: String, word: String, command: String?, arguments: Int) {
        let point = Parser.completionPoint(text, cursor: text.unicodeScalars.count)
        #expect(point.word == word)
        #expect(point.wordStart == text.unicodeScalars.count - word.unicodeScalars.count)
        #expect(point.command?.name == command)
        #expect((point.command?.arguments.count ?? 0) == arguments)
    }

    @Test func theCommandsBeforeThePipeAreKept() {
        let point = Parser.completionPoint("search deals where amount > 5 | delete --dry-run | ", cursor: 52)
        #expect(point.earlier.map(\.name) == ["search", "delete"])
        #expect(point.command == nil)
        #expect(point.expectsCommand)
    }

    @Test(arguments: [
        ("", WhereExpectation.property),
        ("email", .operator(property: "email")),
        ("email not", .negatedOperator(property: "email")),
        ("email =", .value(property: "email")),
        ("email = a", .connective(insideGroup: false)),
        ("(email = a", .connective(insideGroup: true)),
        ("email = a and", .property),
        ("stage in", .list(property: "stage")),
        ("stage in (", .value(property: "stage")),
        ("stage in (a", .listSeparator(property: "stage")),
        ("amount between 1", .betweenAnd(property: "amount")),
        ("amount between 1 and", .value(property: "amount")),
        ("email exists props", .ended(at: 2)),
    ] as [(String, WhereExpectation)])
    func theWhereGrammarSaysWhatComesNext(text: String, expected: WhereExpectation) {
        let line = "where " + text + " "
        let parsed = Parser.completionPoint(line, cursor: line.unicodeScalars.count).command?.arguments ?? []
        let expectation = WhereParser(stopWords: ["props"]).expectation(after: parsed[...])
        #expect(expectation == expected)
    }

    @Test func anOperatorIsOfferedInTheParsersOwnWords() {
        #expect(WhereExpectation.operator(property: "x").words == ["=", "!=", "<", "<=", ">", ">=", "in", "not", "between", "contains", "exists"])
    }
}
