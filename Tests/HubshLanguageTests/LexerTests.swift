import HubshLanguage
import Testing

struct LexerTests {
    @Test(arguments: [
        ("contacts", "w(contacts)"),
        ("email,firstname", "w(email,firstname)"),
        ("2025-01-01", "w(2025-01-01)"),
        ("acme.com *.csv ./new-leads.csv", "w(acme.com) w(*.csv) w(./new-leads.csv)"),
        ("20 -1.5 1e3 01234 2.5E-3", "n(20) n(-1.5) n(1e3) n(01234) n(2.5E-3)"),
        ("1. .5 1e -", "w(1.) w(.5) w(1e) w(-)"),
        (#""a b" 'c d'"#, "s(a b) s(c d)"),
        (#""tab\there""#, "s(tab\there)"),
        (#""q\"uote" "back\\slash" "nl\n" "cr\r" "dollar\$""#, "s(q\"uote) s(back\\slash) s(nl\n) s(cr\r) s(dollar$)"),
        (#""\u{48}\u{1F600}""#, "s(H😀)"),
        (#"'raw \n \t \\'"#, #"s(raw \n \t \\)"#),
        ("\"multi\nline\"", "s(multi\nline)"),
        ("\"joined\\\nline\"", "s(joinedline)"),
        ("$cutoff $row.email $a.b.c $_x1.0", "v($cutoff) v($row.email) v($a.b.c) v($_x1.0)"),
        ("env:HUBSPOT_ACCESS_TOKEN", "e(HUBSPOT_ACCESS_TOKEN)"),
        ("--by email --dry-run", "o(by) w(email) o(dry-run)"),
        ("--by=email", "o(by) = w(email)"),
        ("lifecyclestage=customer", "w(lifecyclestage) = w(customer)"),
        ("name=\"John Smith\" n=", "w(name) = s(John Smith) w(n) ="),
        ("let cutoff = 2025-06-01", "w(let) w(cutoff) = w(2025-06-01)"),
        ("a = != < <= > >= b", "w(a) = != < <= > >= w(b)"),
        ("a!=b a>=1 a<2", "w(a) != w(b) w(a) >= n(1) w(a) < n(2)"),
        ("hello! wow!!", "w(hello!) w(wow!!)"),
        ("a | b >> f; c", "w(a) | w(b) >> w(f) ; w(c)"),
        ("x in (a, b,c)", "w(x) w(in) ( w(a) , w(b) , w(c) )"),
        ("x in (a,\n b)\ny", "w(x) w(in) ( w(a) , w(b) ) nl w(y)"),
        ("a,b (c,d) e,f", "w(a,b) ( w(c) , w(d) ) w(e,f)"),
        ("a # comment | with pipe", "w(a)"),
        ("a#b c #d", "w(a#b) w(c)"),
        ("\"#not a comment\"", "s(#not a comment)"),
        ("a \\\n  b", "w(a) w(b)"),
        ("a \\  \n b", "w(a) w(b)"),
        ("a\\b c:\\dir", "w(a\\b) w(c:\\dir)"),
        ("a$b 50$", "w(a$b) w(50$)"),
        ("one\ntwo\r\nthree", "w(one) nl w(two) nl w(three)"),
        ("héllo 日本 😀x", "w(héllo) w(日本) w(😀x)"),
        ("a\u{00A0}b", "w(a) w(b)"),
        ("", ""),
        ("   \t  ", ""),
        ("ENV:X env:x1_Y", "w(ENV:X) e(x1_Y)"),
    ])
    func readsEachKindOfToken(_ text: String, _ expected: String) {
        let result = Lexer.tokenize(text)
        #expect(Dump.tokens(text) == expected)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.incomplete == nil)
    }

    @Test func tokenRangesCoverExactlyWhatWasWritten() {
        let text = #"search "a b" $x.y --by=email env:T (1,2)"#
        let source = SourceText(text)
        let pieces = Lexer.tokenize(text).tokens.map { source.text(in: $0.range) }
        #expect(pieces == ["search", #""a b""#, "$x.y", "--by", "=", "email", "env:T", "(", "1", ",", "2", ")"])
    }

    @Test func rangesCountUnicodeScalarsSoAQuoteBeforeACombiningMarkStillOpensAString() {
        let text = "\"\u{301}x\" é"
        let tokens = Lexer.tokenize(text).tokens
        #expect(tokens.map(\.kind) == [.value(.string("\u{301}x")), .value(.word("é"))])
        #expect(tokens.map(\.range) == [SourceRange(0, 4), SourceRange(5, 6)])
    }

    @Test func numbersKeepTheirTextSoZipCodesSurvive() {
        #expect(Lexer.tokenize("01234").tokens.first?.kind == .value(.number("01234")))
    }

    @Test(arguments: [
        (#""abc\q""#, #"unknown escape '\q' in a string (write '\\' for a backslash)"#, 4, 6),
        (#""\u{110000}""#, #"'\u{110000}' is not a unicode scalar value"#, 1, 11),
        (#""\u{D800}""#, #"'\u{D800}' is not a unicode scalar value"#, 1, 9),
        (#""\u{}""#, #"invalid unicode escape: write it as '\u{1F600}' with 1 to 8 hex digits"#, 1, 5),
        (#""\u41""#, #"invalid unicode escape: write it as '\u{1F600}'"#, 1, 3),
        (#""\u{123456789}""#, #"invalid unicode escape: write it as '\u{1F600}' with 1 to 8 hex digits"#, 1, 14),
        ("a $ b", "expected a variable name after '$'", 2, 3),
        ("$5", "expected a variable name after '$'", 0, 1),
        ("$a. b", "expected a field name after '.' in '$a.'", 0, 3),
        ("--", "expected an option name after '--'", 0, 2),
        ("--5x", "invalid option name '--5x': an option name starts with a letter", 0, 4),
        ("env:", "expected an environment variable name after 'env:'", 0, 4),
        ("env:A.B", "invalid environment variable name in 'env:A.B': use letters, digits and '_'", 0, 7),
    ])
    func reportsMalformedTokensWithTheirRange(_ text: String, _ message: String, _ start: Int, _ end: Int) {
        let diagnostics = Lexer.tokenize(text).diagnostics
        #expect(diagnostics.map(\.message) == [message])
        #expect(diagnostics.first?.range == SourceRange(start, end))
    }

    @Test(arguments: [
        (#"say "hello"#, "unclosed string (started at column 5)"),
        ("x 'raw", "unclosed string (started at column 3)"),
        ("\"ends in backslash\\", "unclosed string (started at column 1)"),
        ("a \\", "nothing follows the line continuation '\\'"),
        ("a \\  ", "nothing follows the line continuation '\\'"),
    ])
    func reportsTextThatStopsInTheMiddleAsIncomplete(_ text: String, _ message: String) {
        #expect(Lexer.tokenize(text).incomplete?.message == message)
    }

    @Test func aContinuationFollowedByAnEmptyLineIsComplete() {
        #expect(Lexer.tokenize("a \\\n").incomplete == nil)
    }
}
