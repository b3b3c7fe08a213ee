/// Epoch milliseconds (UTC), the emulator's one representation of time, with HubSpot's text forms.
public struct Timestamp: Sendable, Hashable, Comparable {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var milliseconds: Int64

    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.milliseconds < b.milliseconds }

    /// The current time from the system clock.
    public static func now() -> Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(milliseconds: Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000)
    }

    /// Whether this falls exactly on midnight UTC, as HubSpot requires of `date` properties.
    public var isMidnightUTC: Bool { milliseconds % 86_400_000 == 0 }

    /// ISO-8601 with milliseconds, `2019-10-30T03:30:17.883Z`, as HubSpot writes `createdAt`.
    public var iso8601: String {
        let ms = milliseconds
        let days = ms >= 0 ? ms / 86_400_000 : (ms - 86_399_999) / 86_400_000
        let msOfDay = ms - days * 86_400_000
        let (y, m, d) = Timestamp.civil(fromDays: days)
        let seconds = msOfDay / 1000
        var out = ""
        out.reserveCapacity(24)
        out += pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T"
        out += pad(seconds / 3600, 2) + ":" + pad(seconds / 60 % 60, 2) + ":" + pad(seconds % 60, 2)
        out += "." + pad(msOfDay % 1000, 3) + "Z"
        return out
    }

    /// The calendar date `YYYY-MM-DD` (UTC).
    public var isoDate: String {
        String(iso8601.prefix(10))
    }

    private func pad(_ value: Int64, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// Reads epoch milliseconds (`"1572480000000"`), a date (`2019-10-31`), or an ISO-8601 date-time with
    /// or without a fraction (milli- or microseconds) and with `Z` or a `±HH:MM` offset.
    public init?(parsing text: String) {
        let t = text.trimmingSpaces
        if let ms = Int64(t) { self.milliseconds = ms; return }
        let u = Array(t.utf8)
        func num(_ from: Int, _ count: Int) -> Int64? {
            guard from + count <= u.count else { return nil }
            var v: Int64 = 0
            for i in from..<(from + count) {
                guard u[i] >= 48, u[i] <= 57 else { return nil }
                v = v * 10 + Int64(u[i] - 48)
            }
            return v
        }
        guard u.count >= 10, u[4] == 45, u[7] == 45,
            let y = num(0, 4), let mo = num(5, 2), let d = num(8, 2),
            (1...12).contains(mo), (1...31).contains(d)
        else { return nil }
        var ms = Timestamp.days(fromCivil: y, mo, d) * 86_400_000
        if u.count == 10 { self.milliseconds = ms; return }
        guard u.count >= 16, u[10] == 84 || u[10] == 32, let h = num(11, 2), u[13] == 58, let mi = num(14, 2),
            h < 24, mi < 60
        else { return nil }
        ms += (h * 3600 + mi * 60) * 1000
        var i = 16
        if i < u.count, u[i] == 58 {
            guard let s = num(17, 2), s < 61 else { return nil }
            ms += s * 1000
            i = 19
        }
        if i < u.count, u[i] == 46 {
            i += 1
            var fraction: Int64 = 0
            var digits = 0
            while i < u.count, u[i] >= 48, u[i] <= 57 {
                if digits < 3 { fraction = fraction * 10 + Int64(u[i] - 48) }
                digits += 1
                i += 1
            }
            guard digits > 0 else { return nil }
            if digits < 3 { for _ in digits..<3 { fraction *= 10 } }
            ms += fraction
        }
        if i == u.count || (i == u.count - 1 && u[i] == 90) {
            self.milliseconds = ms
            return
        }
        guard u.count - i == 6, u[i] == 43 || u[i] == 45, let oh = num(i + 1, 2), u[i + 3] == 58, let om = num(i + 4, 2)
        else { return nil }
        let offset = (oh * 60 + om) * 60_000
        self.milliseconds = u[i] == 43 ? ms - offset : ms + offset
    }

    /// Days since 1970-01-01 → (year, month, day); Howard Hinnant's civil_from_days.
    static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    /// (year, month, day) → days since 1970-01-01; Howard Hinnant's days_from_civil.
    static func days(fromCivil y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension StringProtocol {
    /// The string without leading and trailing spaces, tabs and newlines.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
