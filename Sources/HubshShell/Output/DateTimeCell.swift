/// A date-time cell as HubSpot writes them (`2024-01-05T10:22:33.123Z`), shortened for a narrow
/// column by dropping its finest parts first — the fraction, the seconds, then the time — so what is
/// left still reads as a date, never `2024-01-0…`.
enum DateTimeCell {
    /// The narrowest a date-time column is made: its day.
    static let dayWidth = 10
    /// The width of a day and its minute: `2024-01-05 10:22`.
    static let minuteWidth = 16
    /// The width of a day and its second: `2024-01-05 10:22:33`.
    static let secondWidth = 19

    /// Whether `text` is an ISO 8601 date-time in UTC, to the second or finer.
    static func isDateTime(_ text: String) -> Bool {
        let bytes = Array(text.utf8.prefix(19))
        guard bytes.count == 19, text.utf8.last == UInt8(ascii: "Z") else { return false }
        let shape = Array("dddd-dd-ddTdd:dd:dd".utf8)
        return zip(bytes, shape).allSatisfy { byte, expected in
            expected == UInt8(ascii: "d") ? (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) : byte == expected
        }
    }

    /// `text` within `width` columns: whole when it fits, else `2024-01-05 10:22:33`, `2024-01-05 10:22`
    /// or `2024-01-05`; nil when it is not a date-time or not even its day fits.
    static func fitted(_ text: String, to width: Int) -> String? {
        guard isDateTime(text), width >= dayWidth else { return nil }
        if text.utf8.count <= width { return text }
        let day = text.prefix(10)
        let time = text.dropFirst(11)
        if width >= secondWidth { return day + " " + time.prefix(8) }
        if width >= minuteWidth { return day + " " + time.prefix(5) }
        return String(day)
    }
}
