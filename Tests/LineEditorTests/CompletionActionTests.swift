import Testing
@testable import LineEditor

/// What one Tab does, decided without a terminal.
struct CompletionActionTests {
    @Test func noCandidatesBeeps() {
        let completions = Completions(candidates: [], replacing: 0..<3)
        #expect(completions.action(in: "xyz", isRepeatedTab: false) == .beep)
        #expect(completions.action(in: "xyz", isRepeatedTab: true) == .beep)
    }

    @Test func theOnlyCandidateReplacesTheWordAndAddsASpace() {
        let completions = Completions(candidates: ["contacts"], replacing: 7..<10)
        #expect(completions.action(in: "search con", isRepeatedTab: false) == .replace(7..<10, with: "contacts "))
    }

    @Test func aCandidateEndingInASlashGetsNoSpace() {
        let completions = Completions(candidates: ["exports/"], replacing: 5..<7)
        #expect(completions.action(in: "open ex", isRepeatedTab: false) == .replace(5..<7, with: "exports/"))
    }

    @Test func noSecondSpaceWhenOneAlreadyFollows() {
        let completions = Completions(candidates: ["contacts"], replacing: 7..<10)
        #expect(completions.action(in: "search con limit 5", isRepeatedTab: false) == .replace(7..<10, with: "contacts"))
    }

    @Test func repeatedCandidatesCountOnce() {
        let completions = Completions(candidates: ["deals", "deals"], replacing: 0..<2)
        #expect(completions.action(in: "de", isRepeatedTab: false) == .replace(0..<2, with: "deals "))
    }

    @Test func severalCandidatesInsertTheirCommonPrefix() {
        let completions = Completions(candidates: ["contacts", "contracts"], replacing: 0..<1)
        #expect(completions.action(in: "c", isRepeatedTab: false) == .replace(0..<1, with: "cont"))
    }

    @Test func severalCandidatesWithNothingToAddBeepThenList() {
        let completions = Completions(candidates: ["contracts", "contacts", "contracts"], replacing: 0..<4)
        #expect(completions.action(in: "cont", isRepeatedTab: false) == .beep)
        #expect(completions.action(in: "cont", isRepeatedTab: true) == .list(["contracts", "contacts"]))
    }

    @Test func aPrefixThatIsNotLongerThanTheWordNeverShortensIt() {
        // A completer that matches without regard to case may offer candidates whose prefix is shorter.
        let completions = Completions(candidates: ["Deals", "deals_archive"], replacing: 0..<4)
        #expect(completions.action(in: "deal", isRepeatedTab: true) == .list(["Deals", "deals_archive"]))
    }

    @Test func aWordInTheMiddleOfTheLineIsReplacedInPlace() {
        let completions = Completions(candidates: ["firstname"], replacing: 12..<17)
        let line = "select lead first | count"
        #expect(completions.action(in: line, isRepeatedTab: false) == .replace(12..<17, with: "firstname"))
    }

    @Test func aRangeOutsideTheLineIsClamped() {
        let completions = Completions(candidates: ["owners"], replacing: 2..<99)
        #expect(completions.action(in: "ow", isRepeatedTab: false) == .replace(2..<2, with: "owners "))
    }

    @Test func offsetsCountUnicodeScalars() {
        // "Zoë " is four scalars when the ë is precomposed.
        let completions = Completions(candidates: ["Zoë Müller"], replacing: 0..<3)
        #expect(completions.action(in: "Zoë", isRepeatedTab: false) == .replace(0..<3, with: "Zoë Müller "))
    }

    @Test func shiftingMovesTheRangeIntoTheCurrentLine() {
        let completions = Completions(candidates: ["x"], replacing: 15..<17)
        #expect(completions.shifted(by: -15, clampedTo: 2).replacing == 0..<2)
        #expect(completions.shifted(by: -16, clampedTo: 2).replacing == 0..<1)
        #expect(completions.shifted(by: -10, clampedTo: 2).replacing == 2..<2)
    }

    @Test(arguments: [
        ([], ""),
        (["contacts"], "contacts"),
        (["contacts", "contracts", "content"], "cont"),
        (["deals", "contacts"], ""),
        (["same", "same"], "same"),
        (["ab", "abc"], "ab"),
        (["Zoë", "Zoé"], "Zo"),
    ])
    func commonPrefixOfCandidates(strings: [String], expected: String) {
        #expect(commonPrefix(strings) == expected)
    }
}
