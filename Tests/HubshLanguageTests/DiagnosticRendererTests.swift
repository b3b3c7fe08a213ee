import HubshLanguage
import Testing

struct DiagnosticRendererTests {
    @Test func underlinesTheRangeUnderTheSourceLine() throws {
        let text = "search contacts where createdate >="
        let diagnostic = try #require(parseWhere(text).failure)
        #expect(DiagnosticRenderer.render(diagnostic, in: text) == """
            line 1: expected a value after '>='
              search contacts where createdate >=
                                               ^^
            """)
    }

    @Test func namesTheLineAndColumnOfAnUnclosedString() {
        let text = "let a = 1\nlet x = \"abc"
        let diagnostics = Parser.parse(text).diagnostics
        #expect(DiagnosticRenderer.render(diagnostics, in: text) == """
            line 2: unclosed string (started at column 9)
              let x = "abc
                      ^
            """)
    }

    @Test func keepsTabsSoTheCaretsLineUp() {
        let text = "\tfoo ) bar"
        #expect(DiagnosticRenderer.render(Parser.parse(text).diagnostics, in: text)
            == "line 1: unexpected ')'\n  \tfoo ) bar\n  \t    ^")
    }

    @Test func putsTheSuggestionAfterTheCarets() {
        let diagnostic = Diagnostic("unknown command 'serch'", at: SourceRange(0, 5), suggestion: "did you mean 'search'?")
        #expect(DiagnosticRenderer.render(diagnostic, in: "serch contacts") == """
            line 1: unknown command 'serch'
              serch contacts
              ^^^^^ did you mean 'search'?
            """)
    }

    @Test func marksEachPartWithTheHighlightGivenAndTheFileName() {
        let diagnostic = Diagnostic("unknown command 'serch'", at: SourceRange(0, 5), suggestion: "did you mean 'search'?")
        let highlight = DiagnosticRenderer.Highlight(place: { "<b>\($0)</b>" }, problem: { "<r>\($0)</r>" }, suggestion: { "<g>\($0)</g>" })
        let rendered = DiagnosticRenderer.render(diagnostic, in: SourceText("serch contacts"), sourceName: "fix.hubsh", highlight: highlight)
        #expect(rendered == "<b>fix.hubsh, line 1:</b> <r>unknown command 'serch'</r>\n  serch contacts\n  <r>^^^^^</r> <g>did you mean 'search'?</g>")
    }

    @Test func countsWideCharactersAsTwoColumns() {
        let text = "x 日本 😀 )"
        #expect(DiagnosticRenderer.render(Parser.parse(text).diagnostics, in: text) == """
            line 1: unexpected ')'
              x 日本 😀 )
                        ^
            """)
    }

    @Test func namesTheSourceAndANonErrorSeverity() {
        let diagnostic = Diagnostic("deprecated", at: SourceRange(4, 7), severity: .warning)
        #expect(DiagnosticRenderer.render(diagnostic, in: "one\ntwo\nthree", sourceName: "cleanup.hubsh") == """
            cleanup.hubsh, line 2: warning: deprecated
              two
              ^^^
            """)
    }

    @Test func showsControlCharactersHarmlessly() {
        let diagnostic = Diagnostic("bad", at: SourceRange(1, 2))
        #expect(DiagnosticRenderer.render(diagnostic, in: "a\u{1B}[31m") == "line 1: bad\n  a\u{FFFD}[31m\n   ^")
    }

    @Test func aRangeAcrossLinesIsUnderlinedToTheEndOfItsFirstLine() {
        let diagnostic = Diagnostic("spans", at: SourceRange(2, 9))
        #expect(DiagnosticRenderer.render(diagnostic, in: "ab\"cd\r\nef\"") == "line 1: spans\n  ab\"cd\n    ^^^")
    }

    @Test func anEmptyRangeAtTheEndGetsOneCaretAfterTheText() {
        let diagnostic = Diagnostic("missing", at: SourceRange(3, 3))
        #expect(DiagnosticRenderer.render(diagnostic, in: "abc") == "line 1: missing\n  abc\n     ^")
    }

    @Test func aLongLineIsShownAsAnExcerptAroundTheRange() {
        let line = String(repeating: "let x = 1;", count: 1_000) + "let 1x"
        let start = line.unicodeScalars.count - 2
        let diagnostic = Diagnostic("bad name", at: SourceRange(start, start + 2))
        let rendered = DiagnosticRenderer.render(diagnostic, in: line)
        let context = String(String(repeating: "let x = 1;", count: 5).suffix(36))
        #expect(rendered == "line 1: bad name\n  …\(context)let 1x\n  " + String(repeating: " ", count: 41) + "^^")

        let wide = Diagnostic("all of it", at: SourceRange(0, line.unicodeScalars.count))
        let lines = DiagnosticRenderer.render(wide, in: line).split(separator: "\n")
        #expect(lines[1] == "  " + String(line.prefix(80 + 40)) + "…")
        #expect(lines[2] == "  " + String(repeating: "^", count: 80))
    }

    @Test func aRangeOutsideTheTextIsClampedNotTrapped() {
        let diagnostic = Diagnostic("far", at: SourceRange(50, 60))
        #expect(DiagnosticRenderer.render(diagnostic, in: "ab\ncd") == "line 2: far\n  cd\n    ^")
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
