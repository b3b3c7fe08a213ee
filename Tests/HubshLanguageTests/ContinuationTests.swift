import HubshLanguage
import Testing

struct ContinuationTests {
    @Test(arguments: [
        ("search contacts |", true),
        ("search contacts |  ", true),
        ("search contacts |\n", true),
        ("search contacts |\n\n", true),
        ("search contacts | # more to come", true),
        ("search contacts \\", true),
        ("search contacts \\   ", true),
        ("search \"abc", true),
        ("search \"abc\ndef", true),
        ("search 'abc", true),
        ("search \"abc\\", true),
        ("search x where a in (1,", true),
        ("search x where a in (1,\n 2", true),
        ("search x where (a = 1 or", true),
        ("search contacts \\\n", false),
        ("search x where a in (1,\n 2)", false),
        ("search contacts |\n update a=b", false),
        ("search contacts", false),
        ("", false),
        ("# comment |", false),
        ("\"a|\" ", false),
        ("search x where a >=", false),
        ("search | | x", false),
        ("a ) (", false),
        ("a )\nb |", false),
    ])
    func knowsWhenALineNeedsAnother(_ text: String, _ needsMore: Bool) {
        #expect(Parser.needsContinuation(text) == needsMore)
    }

    @Test(arguments: [
        ("search contacts |", "'|' with no command after it", "|"),
        ("search \"abc", "unclosed string (started at column 8)", "\""),
        ("search 'abc", "unclosed string (started at column 8)", "'"),
        ("a \\", "nothing follows the line continuation '\\'", "\\"),
        ("where a in (1,", "unclosed '(' (opened at column 12)", "("),
        ("ok\n  x \"é😀", "unclosed string (started at column 5)", "\""),
    ])
    func anUnfinishedTextSaysWhatIsOpen(_ text: String, _ message: String, _ marked: String) {
        guard case .incomplete(let diagnostic) = Parser.parse(text) else {
            Issue.record("expected incomplete for \(text)")
            return
        }
        #expect(diagnostic.message == message)
        #expect(SourceText(text).text(in: diagnostic.range) == marked)
    }

    @Test func linesJoinedAfterContinuationParseAsOneStatement() {
        var text = "search contacts |"
        #expect(Parser.needsContinuation(text))
        text += "\nwhere email contains \"acme"
        #expect(Parser.needsContinuation(text))
        text += " inc\" \\"
        #expect(Parser.needsContinuation(text))
        text += "\n| to csv"
        #expect(!Parser.needsContinuation(text))
        #expect(Dump.parse(text) == "search: w(contacts) | where: w(email) w(contains) s(acme inc) | to: w(csv)")
    }
}
