import HubSpotAPI

extension DateText {
    /// The first and last millisecond this text stands for in `zone`: a whole day for a day, one
    /// millisecond otherwise.
    func span(in zone: PortalTimeZone) -> (first: Int64, last: Int64)? {
        switch self {
        case .day(let year, let month, let day):
            return zone.day(year: year, month: month, day: day)
        case .wallClock(let year, let month, let day, let hour, let minute, let second, let millisecond):
            return zone.moment(year: year, month: month, day: day, hour: hour, minute: minute, second: second, millisecond: millisecond)
                .map { ($0, $0) }
        case .moment(let ms):
            return (ms, ms)
        }
    }
}
