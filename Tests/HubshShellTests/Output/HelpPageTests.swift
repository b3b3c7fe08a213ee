@testable import HubshShell
import Testing

/// A help page wraps between words within a width: under its text, under its hang, with each usage
/// `[part]` whole and a continuation mark on every wrapped line but the last; unwrapped, each line is whole.
struct HelpPageTests {
    let page = HelpPage(lines: [
        .usage("cmd FILE [--object OBJECT] [--via ROUTE]", command: "cmd"),
        HelpPage.Line(lead: "  --via ROUTE  ", text: "batch, job or auto by size"),
        HelpPage.Line(lead: "  ", text: "cmd f.csv --object contacts --via job", hang: 4, continuation: " \\"),
    ])

    @Test func linesWrapWithinTheWidthAtWords() {
        #expect(page.rendered(width: 40) == [
            "cmd FILE [--object OBJECT]",
            "    [--via ROUTE]",
            "  --via ROUTE  batch, job or auto by",
            "               size",
            "  cmd f.csv --object contacts --via \\",
            "    job",
        ])
    }

    @Test func aWideTerminalAndAPipeGetEachLineWhole() {
        let whole = ["cmd FILE [--object OBJECT] [--via ROUTE]", "  --via ROUTE  batch, job or auto by size",
                     "  cmd f.csv --object contacts --via job"]
        #expect(page.plainLines == whole)
        #expect(page.rendered(width: 120) == whole)
    }
}
