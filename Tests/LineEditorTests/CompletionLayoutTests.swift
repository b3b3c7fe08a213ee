import Testing
@testable import LineEditor

/// Candidates laid out in columns.
struct CompletionLayoutTests {
    @Test func fewShortItemsFitOnOneRow() {
        #expect(CompletionLayout.rows(["deals", "tickets", "calls"], width: 80) == ["deals    tickets  calls"])
    }

    @Test func itemsFillColumnsTopToBottom() {
        let items = ["a1", "a2", "a3", "b1", "b2", "b3", "c1"]
        // Columns are 4 wide ("a1" and two blanks); the last needs no blanks, so 3 fit in 10.
        #expect(CompletionLayout.rows(items, width: 10) == ["a1  b1  c1", "a2  b2", "a3  b3"])
    }

    @Test func noRowEndsInBlanks() {
        let rows = CompletionLayout.rows(["contacts", "companies", "deals", "tickets", "calls"], width: 24)
        #expect(rows == ["contacts   tickets", "companies  calls", "deals"])
        #expect(rows.allSatisfy { !$0.hasSuffix(" ") })
    }

    @Test func aTooLongItemGetsAColumnOfItsOwn() {
        let long = String(repeating: "x", count: 100)
        #expect(CompletionLayout.rows([long, "y"], width: 40) == [long, "y"])
    }

    @Test func anUnknownWidthMeansEightyColumns() {
        let items = (1...20).map { "item\($0 < 10 ? "0" : "")\($0)" }
        #expect(CompletionLayout.rows(items, width: 0) == CompletionLayout.rows(items, width: 80))
        #expect(CompletionLayout.rows(items, width: 0).allSatisfy { CompletionLayout.displayWidth($0) <= 80 })
    }

    @Test func nothingToShowIsNoRows() {
        #expect(CompletionLayout.rows([], width: 80).isEmpty)
    }

    @Test func wideCharactersTakeTwoColumns() {
        #expect(CompletionLayout.displayWidth("東京") == 4)
        #expect(CompletionLayout.displayWidth("Zoë") == 3)
        #expect(CompletionLayout.rows(["東京", "ab"], width: 80) == ["東京  ab"])
    }
}
