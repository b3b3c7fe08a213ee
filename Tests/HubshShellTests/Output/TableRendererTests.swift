@testable import HubshShell
import JSONValue
import Testing

/// The table people read at a terminal: column order, alignment, widths, null against "", unicode.
struct TableRendererTests {
    static func contact(_ id: String, _ email: String, first: String? = nil, last: String? = nil) -> JSONValue {
        ["id": .string(id), "properties": ["createdate": "2025-01-02T03:04:05.000Z", "email": .string(email),
                                           "firstname": first.map(JSONValue.string) ?? .null, "hs_object_id": .string(id),
                                           "lastmodifieddate": "2025-02-03T04:05:06.000Z", "lastname": last.map(JSONValue.string) ?? .null]]
    }

    @Test func askedPropertiesComeAfterTheIdInTheOrderAskedAndNothingElse() {
        let lines = TableRenderer(width: 120).render([Self.contact("101", "a@x.com", first: "Ann", last: "Lee")],
                                                     shape: ResultShape(objectType: "contacts", columns: ["lastname", "email", "firstname"]))
        #expect(lines.first == "id   lastname  email    firstname")
        #expect(lines.last == "101  Lee       a@x.com  Ann")
    }

    @Test func withNothingAskedTheNamingPropertiesComeFirstAndDatesLast() {
        let lines = TableRenderer(width: 200).render([Self.contact("101", "a@x.com", first: "Ann")], shape: ResultShape(objectType: "contacts"))
        let header = lines[0].split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        #expect(header == ["id", "email", "firstname", "lastname", "createdate", "lastmodifieddate"])
    }

    @Test func numbersAreRightAlignedByPropertyTypeAndByJSONType() {
        let deals: [JSONValue] = [["id": "1", "properties": ["dealname": "Big", "amount": "12500"]],
                                  ["id": "22", "properties": ["dealname": "Small one", "amount": "7"]]]
        let lines = TableRenderer(width: 80).render(deals, shape: ResultShape(objectType: "deals", columns: ["dealname", "amount"],
                                                                                types: ["amount": "number"]))
        #expect(lines == ["id  dealname   amount", "--  ---------  ------", "1   Big         12500", "22  Small one       7"])
        let counts = TableRenderer(width: 80).render([["name": "a", "n": 5], ["name": "b", "n": 1234]])
        #expect(counts == ["name     n", "----  ----", "a        5", "b     1234"])
    }

    @Test func anAverageColumnShowsTwoDecimalsAndOtherNumbersEveryDigit() {
        let rows: [JSONValue] = [["dealstage": "closedwon", "sum_amount": 239_535.6890459364, "avg_amount": 79_845.2296819788],
                                 ["dealstage": "closedlost", "sum_amount": 10, "avg_amount": 5]]
        var shape = ResultShape(columns: ["dealstage", "sum_amount", "avg_amount"], types: ["sum_amount": "number", "avg_amount": "number"])
        shape.decimals = ["avg_amount": 2]
        let lines = TableRenderer(width: 80).render(rows, shape: shape)
        #expect(lines == ["dealstage          sum_amount  avg_amount",
                          "----------  -----------------  ----------",
                          "closedwon   239535.6890459364    79845.23",
                          "closedlost                 10        5.00"])
        let vertical = ExpandedRenderer(width: 80).render([rows[0]], shape: shape)
        #expect(vertical.contains("avg_amount │ 79845.23"), "\(vertical)")
    }

    @Test func nullIsBlankAndAnEmptyStringIsShownAsQuotes() {
        let lines = TableRenderer(width: 80).render([["id": "1", "note": "", "other": .null], ["id": "2", "note": "x", "other": "y"]])
        #expect(lines[2] == "1   \"\"")
        #expect(lines[3] == "2   x     y")
    }

    @Test(arguments: [80, 120])
    func aWideTableKeepsItsIdsWholeAndLinesWithinTheWidth(width: Int) {
        let rows: [JSONValue] = (0..<3).map { n in
            ["id": .string("1000000000\(n)"), "properties": ["email": .string("someone.with.a.long.name\(n)@example-company.com"),
                                                             "firstname": "Ann", "notes": .string(String(repeating: "word ", count: 40)),
                                                             "city": "Oslo"]]
        }
        let lines = TableRenderer(width: width).render(rows, shape: ResultShape(objectType: "contacts"))
        for line in lines { #expect(DisplayWidth.of(line) <= width, "\(line)") }
        #expect(lines[2].hasPrefix("10000000000  "), "the id is whole: \(lines[2])")
        #expect(lines[2].contains("Ann"), "a narrow column keeps its whole width: \(lines[2])")
        #expect(lines[2].contains("Oslo"))
        #expect(lines[2].contains("…"), "the wide notes are cut")
    }

    /// At 80 columns a contact's two dates cannot be whole beside a long email: each loses its
    /// fraction, seconds or time, never its day (`2025-01-0…` was unreadable).
    @Test(arguments: [(80, "2025-01-02"), (200, "2025-01-02T03:04:05.000Z")])
    func aNarrowDateTimeColumnKeepsItsDay(width: Int, shown: String) {
        let rows = [Self.contact("10000000001", "someone.with.a.rather.long.address@example-company.com", first: "Annabelle", last: "Lee-Marston")]
        let lines = TableRenderer(width: width).render(rows, shape: ResultShape(objectType: "contacts"))
        for line in lines { #expect(DisplayWidth.of(line) <= width, "\(line)") }
        #expect(lines[2].contains(shown), "\(lines[2])")
        #expect(!lines[2].contains("2025-01-0…"), "\(lines[2])")
    }

    /// Deals with three date-times at 120 columns: each date-time column gets the same room, a whole
    /// step of it (`2024-04-25 08:36`), and the name asked for first stays whole.
    @Test func dateTimeColumnsGetEqualRoom() {
        let deal: JSONValue = ["id": "10000002413", "properties": ["dealname": "Frontier Logistics Ltd - Add-on Seats", "amount": "288000",
                                                                   "closedate": "2024-04-25T08:36:21.386Z", "createdate": "2024-01-01T08:36:21.386Z",
                                                                   "hs_lastmodifieddate": "2024-01-13T10:00:00.000Z"]]
        let shape = ResultShape(objectType: "deals", columns: ["dealname", "amount", "closedate", "createdate", "hs_lastmodifieddate"])
        let layout = TableRenderer(width: 120).layout([deal], shape: shape)
        let widths = Dictionary(uniqueKeysWithValues: layout.columns.map { ($0.name, $0.width) })
        #expect(widths["closedate"] == 16 && widths["createdate"] == 16 && widths["hs_lastmodifieddate"] == 16, "\(widths)")
        let row = TableRenderer(width: 120).rows([deal], layout)[0]
        #expect(row.contains("Frontier Logistics Ltd - Add-on Seats"), "\(row)")
        #expect(row.contains("2024-04-25 08:36  2024-01-01 08:36  2024-01-13 10:00"), "\(row)")
        for width in [80, 100, 140, 200] {
            let cells = TableRenderer(width: width).layout([deal], shape: shape).columns.filter { $0.name.hasSuffix("date") }
                .map { DateTimeCell.fitted("2024-04-25T08:36:21.386Z", to: $0.width) ?? "" }
            #expect(Set(cells).count == 1, "at \(width) columns: \(cells)")
        }
    }

    /// At 80 columns a deal's name gets the room before its dates get their minutes.
    @Test func aLongNameGetsRoomBeforeTheDatesMinutes() {
        let deal: JSONValue = ["id": "10000003347", "properties": ["dealname": "Delta Digital LLC - Enterprise License", "amount": "600000",
                                                                   "dealstage": "presentationscheduled",
                                                                   "closedate": "2025-12-23T12:46:00.000Z", "createdate": "2025-12-03T12:46:00.000Z"]]
        let shape = ResultShape(objectType: "deals", columns: ["dealname", "amount", "dealstage", "closedate", "createdate"])
        let widths = Dictionary(uniqueKeysWithValues: TableRenderer(width: 80).layout([deal], shape: shape).columns.map { ($0.name, $0.width) })
        #expect(widths["closedate"] == DateTimeCell.dayWidth && widths["createdate"] == DateTimeCell.dayWidth, "\(widths)")
        #expect((widths["dealname"] ?? 0) >= 20, "\(widths)")
    }

    @Test(arguments: [("2025-01-02T03:04:05.000Z", 24, "2025-01-02T03:04:05.000Z"), ("2025-01-02T03:04:05.000Z", 19, "2025-01-02 03:04:05"),
                      ("2025-01-02T03:04:05Z", 18, "2025-01-02 03:04"), ("2025-01-02T03:04:05.000Z", 12, "2025-01-02")])
    func aDateTimeLosesItsFinestPartsFirst(text: String, width: Int, fitted: String) {
        #expect(DateTimeCell.fitted(text, to: width) == fitted)
    }

    @Test(arguments: ["2025-01-02", "2025-01-02T03:04:05", "ann@example.com", "2025-01-02T03:04:05.000Z and more", ""])
    func onlyAUTCDateTimeIsShortenedAsOne(text: String) {
        #expect(DateTimeCell.fitted(text, to: 12) == nil)
        #expect(!DateTimeCell.isDateTime(text))
    }

    @Test func cjkAndEmojiTakeTwoColumnsAndStillLineUp() {
        let lines = TableRenderer(width: 80).render([["id": "1", "name": "東京", "tag": "x"], ["id": "2", "name": "🎉ab", "tag": "y"],
                                                     ["id": "3", "name": "abcd", "tag": "z"]])
        #expect(lines[0] == "id  name  tag")
        #expect(lines[2] == "1   東京  x")
        #expect(lines[3] == "2   🎉ab  y")
        #expect(lines[4] == "3   abcd  z")
    }

    @Test func cutsCountColumnsNotCharacters() {
        #expect(DisplayWidth.of("東京都") == 6)
        #expect(DisplayWidth.of("e\u{301}") == 1, "a combining accent takes no column")
        #expect(DisplayWidth.of("👩‍💻") == 2, "a ZWJ sequence is one picture")
        #expect(DisplayWidth.cut("東京都庁", to: 5) == "東京…")
        #expect(DisplayWidth.cut("short", to: 5) == "short")
    }

    @Test func nestedValuesInACellAreReadableNotJSON() {
        let lines = TableRenderer(width: 120).render([["id": "1", "scopes": ["a.read", "b.write"], "team": ["name": "Sales", "id": 7]]])
        #expect(lines[2] == "1   a.read, b.write  name: Sales, id: 7")
    }

    @Test func laterWindowsKeepTheFirstWindowsLayout() {
        let table = TableRenderer(width: 80)
        let layout = table.layout([["id": "1", "name": "short"]])
        let later = table.rows([["id": "2", "name": "a much longer name than before"]], layout)
        #expect(later == ["2   a mu…"])
    }

    @Test(arguments: [(0, "(0 rows)"), (1, "(1 row)"), (3, "(3 rows)"), (12400, "(12,400 rows)")])
    func theFooterCountsRowsAsPsqlDoes(count: Int, text: String) {
        #expect(TableRenderer.footer(count) == text)
    }

    @Test func anEmptyTableHasNoLines() {
        #expect(TableRenderer(width: 80).render([]).isEmpty)
    }
}

extension TableRendererTests {
    @Test func shortColumnsStayWholeBeforeLongOnesGetMoreRoom() {
        let rows: [JSONValue] = [["name": "hs_marketable_until_renewal", "label": "Marketing contact until next update",
                                  "type": "enumeration", "group": "contactinformation"]]
        let lines = TableRenderer(width: 60).render(rows)
        #expect(lines[2] == "hs_marketable_until_renewal  Marketi…  enumeration  contact…", "\(lines)")
        for line in lines { #expect(DisplayWidth.of(line) <= 60) }
    }
}
