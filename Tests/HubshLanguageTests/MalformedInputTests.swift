import Testing

@testable import HubshLanguage

struct MalformedInputTests {
    /// Each text fails with exactly one diagnostic: its message, and the text its range covers.
    @Test(arguments: [
        ("search | | update", "'|' with no command after it", "|"),
        ("search |;", "'|' with no command after it", "|"),
        ("| update", "'|' with no command before it", "|"),
        ("search contacts >", "redirection '>' needs a file name", ">"),
        ("search contacts >>", "redirection '>>' needs a file name", ">>"),
        ("search contacts > | x", "redirection '>' needs a file name", ">"),
        ("search contacts > --x", "redirection '>' needs a file name", ">"),
        ("a > f | b", "unexpected '|' after the redirection: '> file' must end the pipeline", "|"),
        ("a >> f g", "unexpected 'g' after the redirection: '>> file' must end the pipeline", "g"),
        ("a > f\"x\"", "missing space between 'f' and '\"x\"'", "\"x\""),
        ("a > f > g", "unexpected '>' after the redirection: '> file' must end the pipeline", ">"),
        ("a ) b", "unexpected ')'", ")"),
        ("where a in (1)) ", "unexpected ')'", ")"),
        ("a ( b ; c", "unclosed '(' (opened at column 3)", "("),
        ("x (a | y", "unclosed '(' (opened at column 3)", "("),
        ("\"x\" y", "expected a command name, found '\"x\"'", "\"x\""),
        ("= x", "expected a command name, found '='", "="),
        ("--all", "expected a command name, found '--all'", "--all"),
        ("5 x", "expected a command name, found '5'", "5"),
        ("$x", "expected a command name, found '$x'", "$x"),
        ("x | 'y'", "expected a command name, found '\"y\"'", "'y'"),
        ("foo\"bar\"", "missing space between 'foo' and '\"bar\"'", "\"bar\""),
        ("x $a-b", "missing space between '$a' and '-b'", "-b"),
        ("x 'a''b'", "missing space between '\"a\"' and '\"b\"'", "'b'"),
        ("x --by\"e\"", "missing space between '--by' and '\"e\"'", "\"e\""),
        ("x a=b\"c\"", "missing space between 'b' and '\"c\"'", "\"c\""),
        ("x a=b=c", "unexpected '=' after 'a=b'", "="),
        ("x a==1", "'==' is not an operator: use '='", "=="),
        ("x \"a\\qb\"", "unknown escape '\\q' in a string (write '\\\\' for a backslash)", "\\q"),
        ("x $", "expected a variable name after '$'", "$"),
        ("x env:", "expected an environment variable name after 'env:'", "env:"),
        ("x --", "expected an option name after '--'", "--"),
    ])
    func eachMistakeGetsOneClearDiagnostic(_ text: String, _ message: String, _ marked: String) {
        let diagnostics = Parser.parse(text).diagnostics
        #expect(diagnostics.map(\.message) == [message])
        let source = SourceText(text)
        for diagnostic in diagnostics {
            #expect(diagnostic.range.isWithin(count: source.count))
            #expect(source.text(in: diagnostic.range) == marked)
            #expect(diagnostic.severity == .error)
        }
    }

    @Test func errorsInSeveralStatementsAreAllReportedInSourceOrder() {
        let result = Parser.parse("a )\nb | | c\nok\n\"x\"")
        #expect(result.diagnostics.map(\.message) == [
            "unexpected ')'", "'|' with no command after it", "expected a command name, found '\"x\"'",
        ])
    }

    @Test func anErrorBeforeAnUnfinishedEndIsAFailureThatIncludesBoth() {
        guard case .failure(let diagnostics) = Parser.parse("a )\nb \"open") else {
            Issue.record("expected failure")
            return
        }
        #expect(diagnostics.map(\.message) == ["unexpected ')'", "unclosed string (started at column 3)"])
    }

    @Test func controlCharactersAndOddUnicodeAreJustText() {
        #expect(Dump.parse("x \u{0}\u{7} \u{FEFF}\u{200B} e\u{301}") == "x: w(\u{0}\u{7}) w(\u{FEFF}\u{200B}) w(e\u{301})")
    }

    @Test func aVeryLongLineParsesInStepsProportionalToItsLength() {
        let text = "search contacts where " + (0..<2_000).map { "p\($0) > \($0)" }.joined(separator: " and ") + " > out.json"
        let output = Parser.analyse(text)
        #expect(output.script.statements.first?.redirection != nil)
        #expect(output.steps <= RandomInputTests.stepsPerScalar * text.unicodeScalars.count)
    }
}

extension MalformedInputTests {
    @Test func longTextIsShortenedInMessages() {
        let long = String(repeating: "x", count: 100)
        let message = Parser.parse("\"\(long)\" y").diagnostics.first?.message ?? ""
        #expect(message == "expected a command name, found '\"" + String(repeating: "x", count: 38) + "…'")
    }
}
