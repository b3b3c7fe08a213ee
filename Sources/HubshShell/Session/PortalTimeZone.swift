import Foundation
import HubSpotAPI

/// The time zone dates typed for date-time properties are read in: the account's (HubSpot's account
/// details, `timeZone`), as HubSpot's own screens show dates, else UTC.
public struct PortalTimeZone: Sendable, Hashable {
    /// The zone's name as HubSpot gives it (`US/Eastern`), or `UTC`.
    public var name: String
    /// The account's offset from UTC when it was read: used when this machine does not know the name.
    public var utcOffsetMilliseconds: Int

    /// UTC: when the account's details cannot be read.
    public static let utc = PortalTimeZone(name: "UTC", utcOffsetMilliseconds: 0)

    /// The zone for calendar arithmetic (its daylight-saving rules when this machine knows the name).
    public var timeZone: TimeZone {
        TimeZone(identifier: name) ?? TimeZone(secondsFromGMT: utcOffsetMilliseconds / 1000) ?? .gmt
    }

    /// A Gregorian calendar in this zone.
    var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// The first and last millisecond of a day in this zone (epoch milliseconds); nil for a day
    /// the calendar does not have (`2025-02-30`).
    public func day(year: Int, month: Int, day: Int) -> (first: Int64, last: Int64)? {
        let calendar = self.calendar
        let components = DateComponents(year: year, month: month, day: day)
        guard components.isValidDate(in: calendar), let start = calendar.date(from: components),
              let next = calendar.date(byAdding: .day, value: 1, to: start) else { return nil }
        let first = Self.milliseconds(calendar.startOfDay(for: start))
        let end = Self.milliseconds(calendar.startOfDay(for: next))
        return (first, end - 1)
    }

    /// The epoch milliseconds of a wall-clock time in this zone; nil when the calendar has no such time.
    public func moment(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, millisecond: Int) -> Int64? {
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard components.isValidDate(in: calendar), let date = calendar.date(from: components) else { return nil }
        return Self.milliseconds(date) + Int64(millisecond)
    }

    private static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }
}

extension PortalTimeZone {
    /// The account's zone from its details; UTC when they name none.
    public init(_ details: AccountDetails) {
        let offset = details.json["utcOffsetMilliseconds"]?.intValue ?? 0
        self.init(name: details.timeZone.isEmpty ? "UTC" : details.timeZone, utcOffsetMilliseconds: offset)
    }
}
