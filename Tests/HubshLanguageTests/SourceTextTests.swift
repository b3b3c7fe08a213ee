import HubshLanguage
import Testing

struct SourceTextTests {
    @Test(arguments: [
        (0, 1, 1), (2, 1, 3), (3, 2, 1), (5, 2, 3), (6, 3, 1), (9, 3, 4), (99, 3, 4), (-4, 1, 1),
    ])
    func mapsOffsetsToLinesAndColumns(_ offset: Int, _ line: Int, _ column: Int) {
        let source = SourceText("ab\ncd\nefg")
        #expect(source.location(of: offset) == SourceLocation(line: line, column: column))
    }

    @Test func columnsCountCharactersNotScalars() {
        let source = SourceText("e\u{301}x 😀y")
        #expect(source.location(of: 2) == SourceLocation(line: 1, column: 2))
        #expect(source.location(of: 5) == SourceLocation(line: 1, column: 5))
    }

    @Test func linesDropTheirLineEndings() {
        let source = SourceText("one\r\ntwo\n\nthree\n")
        #expect(source.lineCount == 5)
        #expect((1...5).map(source.lineText) == ["one", "two", "", "three", ""])
        #expect(source.lineText(0) == "" && source.lineText(9) == "")
    }

    @Test func slicesAreClampedToTheText() {
        let source = SourceText("héllo")
        #expect(source.text(in: SourceRange(1, 3)) == "él")
        #expect(source.text(in: SourceRange(3, 100)) == "lo")
        #expect(source.text(in: SourceRange(-5, 1)) == "h")
        #expect(source.text(in: SourceRange(50, 60)) == "")
    }

    @Test func rangesJoinAndTestMembership() {
        let range = SourceRange(2, 5).union(SourceRange(7, 9))
        #expect(range == SourceRange(2, 9))
        #expect(range.length == 7 && !range.isEmpty && SourceRange.at(3).isEmpty)
        #expect(range.contains(2) && !range.contains(9))
        #expect(range.isWithin(count: 9) && !range.isWithin(count: 8))
    }
}
