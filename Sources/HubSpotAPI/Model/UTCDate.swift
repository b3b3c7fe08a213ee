#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Calendar arithmetic in UTC without Foundation: days since 1970 ⇄ civil dates (Howard Hinnant's
/// algorithm), and parsing of the ISO-8601 forms HubSpot uses.
enum UTCDate {
    static let msPerDay: Int64 = 86_400_000

    /// This machine's wall clock, in epoch milliseconds.
    static var nowMilliseconds: Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }

    /// Days since 1970-01-01 of a civil date.
    static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day count since 1970-01-01.
    static func civil(days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = Int(doy - (153 * mp + 2) / 5 + 1)
        let month = Int(mp < 10 ? mp + 3 : mp - 9)
        return (Int(yoe + era * 400) + (month <= 2 ? 1 : 0), month, day)
    }

    /// `2025-01-31T10:00:00.000Z` for epoch milliseconds.
    static func iso8601(milliseconds ms: Int64) -> String {
        let days = ms >= 0 ? ms / msPerDay : (ms - msPerDay + 1) / msPerDay
        let rest = ms - days * msPerDay
        let (y, m, d) = civil(days: days)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let millis = rest % 1000
        let millisText = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return "\(y)-\(two(Int64(m)))-\(two(Int64(d)))T\(two(rest / 3_600_000)):\(two(rest / 60_000 % 60)):\(two(rest / 1000 % 60)).\(millisText)Z"
    }

    /// Epoch milliseconds of `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff…]]` with `Z`, `±HH:MM` or no zone
    /// (read as UTC), or nil when the text is none of these.
    static func milliseconds(_ text: String) -> Int64? {
        let chars = Array(text.utf8)
        func number(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= chars.count else { return nil }
            var n = 0
            for c in chars[start..<start + count] {
                guard c >= 48, c <= 57 else { return nil }
                n = n * 10 + Int(c - 48)
            }
            return n
        }
        guard chars.count >= 10, chars[4] == UInt8(ascii: "-"), chars[7] == UInt8(ascii: "-"),
            let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var ms = days(year: year, month: month, day: day) * msPerDay
        guard chars.count > 10 else { return ms }
        guard chars[10] == UInt8(ascii: "T") || chars[10] == UInt8(ascii: " "), let hour = number(11, 2), chars.count >= 16,
            chars[13] == UInt8(ascii: ":"), let minute = number(14, 2), hour < 24, minute < 60
        else { return nil }
        ms += Int64(hour) * 3_600_000 + Int64(minute) * 60_000
        var i = 16
        if i < chars.count, chars[i] == UInt8(ascii: ":") {
            guard let second = number(i + 1, 2), second < 61 else { return nil }
            ms += Int64(second) * 1000
            i += 3
            if i < chars.count, chars[i] == UInt8(ascii: ".") {
                i += 1
                var scale: Int64 = 100
                while i < chars.count, chars[i] >= 48, chars[i] <= 57 {
                    ms += Int64(chars[i] - 48) * scale
                    scale /= 10
                    i += 1
                }
            }
        }
        if i == chars.count || (i == chars.count - 1 && chars[i] == UInt8(ascii: "Z")) { return ms }
        guard chars.count - i == 6, chars[i] == UInt8(ascii: "+") || chars[i] == UInt8(ascii: "-"),
            let oh = number(i + 1, 2), chars[i + 3] == UInt8(ascii: ":"), let om = number(i + 4, 2)
        else { return nil }
        let offset = Int64(oh) * 3_600_000 + Int64(om) * 60_000
        return chars[i] == UInt8(ascii: "+") ? ms - offset : ms + offset
    }
}
