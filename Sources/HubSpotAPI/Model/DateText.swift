/// A date or date-time as people type it for a date or date-time property: a day (`2024-03-03`), a
/// wall-clock time (`2024-03-03T10:00`, read in the account's time zone), a moment with its zone
/// (`2024-03-03T10:00:00Z`, `…+01:00`) or epoch milliseconds (`1709424000000`).
public enum DateText: Equatable, Sendable {
    case day(year: Int, month: Int, day: Int)
    case wallClock(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, millisecond: Int)
    case moment(milliseconds: Int64)

    /// The text read as one of the forms; nil when it is none of them, or names a day or time the
    /// calendar does not have (`2025-13-45`, `24:00`).
    public init?(_ text: String) {
        let chars = Array(text.utf8)
        if !chars.isEmpty, chars.allSatisfy({ $0 >= 48 && $0 <= 57 }) || (chars[0] == UInt8(ascii: "-") && chars.count > 1
            && chars.dropFirst().allSatisfy({ $0 >= 48 && $0 <= 57 })), let ms = Int64(text) {
            self = .moment(milliseconds: ms)
            return
        }
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
              (1...12).contains(month), (1...Self.days(inMonth: month, of: year)).contains(day) else { return nil }
        guard chars.count > 10 else {
            self = .day(year: year, month: month, day: day)
            return
        }
        guard chars[10] == UInt8(ascii: "T") || chars[10] == UInt8(ascii: " "), chars.count >= 16,
              let hour = number(11, 2), chars[13] == UInt8(ascii: ":"), let minute = number(14, 2), hour < 24, minute < 60 else { return nil }
        var second = 0
        var millisecond = 0
        var i = 16
        if i < chars.count, chars[i] == UInt8(ascii: ":") {
            guard let s = number(i + 1, 2), s < 60 else { return nil }
            second = s
            i += 3
            if i < chars.count, chars[i] == UInt8(ascii: ".") {
                i += 1
                var scale = 100
                let digitsStart = i
                while i < chars.count, chars[i] >= 48, chars[i] <= 57 {
                    millisecond += Int(chars[i] - 48) * scale
                    scale /= 10
                    i += 1
                }
                guard i > digitsStart else { return nil }
            }
        }
        if i == chars.count {
            self = .wallClock(year: year, month: month, day: day, hour: hour, minute: minute, second: second, millisecond: millisecond)
            return
        }
        let wall = UTCDate.days(year: year, month: month, day: day) * UTCDate.msPerDay + Int64(hour * 3_600_000 + minute * 60_000 + second * 1000 + millisecond)
        if i == chars.count - 1, chars[i] == UInt8(ascii: "Z") || chars[i] == UInt8(ascii: "z") {
            self = .moment(milliseconds: wall)
            return
        }
        // `+01:00` or `+0100`.
        guard chars[i] == UInt8(ascii: "+") || chars[i] == UInt8(ascii: "-"), let offsetHours = number(i + 1, 2) else { return nil }
        let offsetMinutes: Int
        if chars.count - i == 6, chars[i + 3] == UInt8(ascii: ":"), let m = number(i + 4, 2) {
            offsetMinutes = m
        } else if chars.count - i == 5, let m = number(i + 3, 2) {
            offsetMinutes = m
        } else {
            return nil
        }
        guard offsetHours < 24, offsetMinutes < 60 else { return nil }
        let offset = Int64(offsetHours * 3_600_000 + offsetMinutes * 60_000)
        self = .moment(milliseconds: chars[i] == UInt8(ascii: "+") ? wall - offset : wall + offset)
    }

    /// Epoch milliseconds, a day or a wall-clock time read in UTC.
    public var utcMilliseconds: Int64 {
        switch self {
        case .day(let year, let month, let day):
            UTCDate.days(year: year, month: month, day: day) * UTCDate.msPerDay
        case .wallClock(let year, let month, let day, let hour, let minute, let second, let millisecond):
            UTCDate.days(year: year, month: month, day: day) * UTCDate.msPerDay
                + Int64(hour * 3_600_000 + minute * 60_000 + second * 1000 + millisecond)
        case .moment(let ms):
            ms
        }
    }

    /// How many days a month has.
    public static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
