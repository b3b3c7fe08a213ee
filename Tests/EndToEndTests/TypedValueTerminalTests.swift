import Foundation
import Testing

/// Values people type, as a person at an 80- or 120-column terminal meets them: a misspelt value is
/// refused with a caret and a suggestion, a label finds what its value finds, and a day on a date-time
/// property means that whole day in the account's zone (US/Eastern in the sandbox).
struct TypedValueTerminalTests {
    @Test(arguments: [80, 120] as [UInt16])
    func valuesAreCheckedLabelsMappedAndDaysWhole(columns: UInt16) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let terminal = try TerminalTableTests.start(scratch, columns: columns)
        try terminal.read(until: "hubsh sandbox> ", timeout: 30)

        let refused = try TerminalTableTests.run(terminal, "search contacts where lifecyclestage = leed | count")
        #expect(refused.contains { $0.contains("lifecyclestage has no value 'leed'") }, "\(refused)")
        #expect(refused.contains { $0.hasSuffix("^^^^ did you mean 'lead'?") }, "\(refused)")

        let byValue = try TerminalTableTests.run(terminal, "search contacts where lifecyclestage = marketingqualifiedlead | count")
        let byLabel = try TerminalTableTests.run(terminal, #"search contacts where lifecyclestage = "Marketing Qualified Lead" | count"#)
        // The count is the last line (a long statement's echo wraps at 80 columns).
        let (value, label) = (byValue.last { !$0.isEmpty }, byLabel.last { !$0.isEmpty })
        #expect(Int(value ?? "") ?? 0 > 0, "\(byValue)")
        #expect(label == value, "the label finds what the value finds: \(byLabel) \(byValue)")

        // This deal closed at 2024-10-29T02:09Z, which is the evening of 28 October in US/Eastern.
        let day = try TerminalTableTests.run(terminal, "search deals where closedate = 2024-10-28 props dealname,closedate")
        #expect(day.contains { $0.contains("Acme Analytics Inc. - Add-on Seats") }, "\(day)")
        let utcDay = try TerminalTableTests.run(terminal, "search deals where closedate = 2024-10-29 props dealname")
        #expect(!utcDay.contains { $0.contains("Acme Analytics Inc. - Add-on Seats") }, "the UTC day is not the account's: \(utcDay)")

        let bad = try TerminalTableTests.run(terminal, "search deals where amount > abc")
        #expect(bad.contains { $0.contains("'abc' is not a number") }, "\(bad)")
        #expect(bad.contains { $0.trimmingCharacters(in: .whitespaces) == "^^^" }, "\(bad)")
        for line in refused + bad { #expect(TerminalTableTests.width(line) <= Int(columns) || line.contains("the values are"), "\(line)") }
    }
}
